/** The leaderboard as a readable fixed-width table, for `run`, `evaluate` and `demo` on stdout. */
import { join } from 'node:path';
import type { ProtocolResults } from '../evaluate/results.js';
import { writeReport } from '../report/write-report.js';
import type { CommandIO } from './command.js';

const fmt = (x: number | null | undefined, digits = 3) =>
  x === null || x === undefined || Number.isNaN(x) ? '—' : x.toFixed(digits);

/** Text table of the top `limit` candidates plus the verdict lines. */
export function formatResultsTable(results: ProtocolResults, limit = 20): string {
  const hasTruth = results.candidates.some((c) => c.facets.external !== undefined);
  const header = [
    'rank',
    'candidate',
    'k',
    'composite [95% CI]',
    'behavior',
    'stability',
    'downstream',
    'geometry',
    'silhouette',
    ...(hasTruth ? ['ARI'] : []),
  ];
  const rows = results.candidates
    .slice(0, limit)
    .map((c) => [
      String(c.rank) + (c.id === results.winner ? '*' : results.tied_with_winner.includes(c.id) ? '=' : ''),
      c.id,
      String(c.n_clusters),
      `${fmt(c.composite.value)} [${fmt(c.composite.ci_low)}, ${fmt(c.composite.ci_high)}]`,
      fmt(c.scores.behavior),
      fmt(c.scores.stability),
      fmt(c.scores.downstream),
      fmt(c.scores.geometry),
      fmt(c.facets.geometry.silhouette),
      ...(hasTruth ? [fmt(c.facets.external?.adjusted_rand)] : []),
    ]);
  const widths = header.map((h, j) => Math.max(h.length, ...rows.map((r) => r[j].length)));
  const line = (cells: string[]) =>
    cells.map((c, j) => (j === 1 ? c.padEnd(widths[j]) : c.padStart(widths[j]))).join('  ');
  const out = [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
  if (results.candidates.length > limit)
    out.push(`... ${results.candidates.length - limit} more in results.json`);
  out.push('');
  const winner = results.candidates.find((c) => c.id === results.winner);
  if (winner) {
    const ds = winner.facets.downstream;
    out.push(
      `winner: ${winner.id} (k=${winner.n_clusters}), composite ${fmt(winner.composite.value)} [${fmt(winner.composite.ci_low)}, ${fmt(winner.composite.ci_high)}]`,
    );
    out.push(
      results.tied_with_winner.length > 0
        ? `statistically tied with the winner (paired bootstrap, Holm, alpha ${results.protocol.alpha}): ${results.tied_with_winner.length} candidate(s): ${results.tied_with_winner.slice(0, 5).join(', ')}${results.tied_with_winner.length > 5 ? `, ... (all in results.json)` : ''}`
        : `every other candidate is significantly worse (paired bootstrap, Holm, alpha ${results.protocol.alpha})`,
    );
    out.push(
      Number.isFinite(ds.ndcg_lift) && ds.ndcg_lift > 1
        ? `downstream: segment recommendations NDCG@${ds.k} ${fmt(ds.ndcg)} vs popularity ${fmt(ds.popularity_ndcg)} (lift ${fmt(ds.ndcg_lift, 2)}x) on ${ds.n_users_evaluated} users after the cutoff`
        : `downstream: no lift over popularity for the winner (NDCG@${ds.k} ${fmt(ds.ndcg)} vs ${fmt(ds.popularity_ndcg)})`,
    );
  } else out.push('no candidate could be scored (see the errors in results.json)');
  out.push('* winner, = tied with the winner');
  return out.join('\n');
}

/**
 * The end of every protocol command (`run`, `evaluate`, `demo`): write the report beside
 * results.json, then print either the JSON or the table with where the outputs are.
 */
export function finishProtocolCommand(
  results: ProtocolResults,
  outDir: string,
  json: boolean,
  io: CommandIO,
): number {
  const report = join(outDir, 'report.html');
  writeReport(results, report);
  if (json) io.stdout.write(`${JSON.stringify(results)}\n`);
  else
    io.stdout.write(
      `${formatResultsTable(results)}\nresults: ${join(outDir, 'results.json')}\nreport: ${report}\n`,
    );
  return 0;
}
