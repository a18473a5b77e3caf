/** Report section "Reproducibility": version, seeds, settings, grid, input hashes, run time. */
import type { ProtocolResults } from '../evaluate/results.js';
import { fmt } from './format.js';
import { section, table } from './html-table.js';

/** [setting, value] rows (shared with Markdown). */
export function settingRows(r: ProtocolResults): string[][] {
  const p = r.protocol;
  // Results written before the large-log bounds existed have no record of them.
  const large = p.large_log as ProtocolResults['protocol']['large_log'] | undefined;
  return [
    ['segscope version', r.version],
    ['node', r.reproducibility.node],
    ['started', r.reproducibility.started],
    ['run time', `${fmt(r.reproducibility.seconds, 1)} s`],
    [
      'time per phase',
      Object.entries(r.reproducibility.timings ?? {})
        .map(([phase, s]) => `${phase} ${fmt(s, 1)} s`)
        .join(', ') || '—',
    ],
    ['seed', String(p.seed)],
    [
      'facet weights',
      Object.entries(p.weights)
        .map(([f, w]) => `${f} ${w}`)
        .join(', '),
    ],
    [
      'stability reruns',
      `${p.resamples} x ${Math.round(p.subsample_fraction * 100)}% subsamples${large ? ` (${large.stability_subsample} users each, at most ${large.rerun_users})` : ''}`,
    ],
    [
      'null models',
      `${p.null_kinds.join(', ')}; ${p.null_replicates} replicates each${large ? `, built from ${large.null_log_users} users` : ''}`,
    ],
    ...(large
      ? [
          [
            'large-log bounds',
            `encoders fit on ${large.encoder_fit_sample} users (fitUsers ${large.fit_users}); agglomerative and HDBSCAN fit on ${large.quadratic_fit_sample} (quadraticFitUsers ${large.quadratic_fit_users}), the others assigned`,
          ],
        ]
      : []),
    ['bootstrap replicates', String(p.bootstrap)],
    ['chance permutations', String(p.permutations)],
    ['alpha (Holm)', String(p.alpha)],
    ['top K', String(p.top_k)],
    ['holdout cutoff', `${p.cutoff_iso} (${p.cutoff})`],
    ['candidates', String(r.candidates.length)],
  ];
}

export function reproducibilitySection(r: ProtocolResults): string {
  const inputs = r.reproducibility.inputs.map((i) => [i.path, i.sha256, fmt(i.bytes)]);
  const config = r.reproducibility.config;
  return section(
    'reproducibility',
    'Reproducibility',
    table(['setting', 'value'], settingRows(r), 'kv') +
      `<h3>Input files</h3>${inputs.length > 0 ? table(['file', 'sha256', 'bytes'], inputs) : '<p>No input files (sequences given in memory).</p>'}` +
      `<h3>Candidate grid</h3>${table(['encoders', 'algorithms'], [[(config.encoders ?? []).map((e) => JSON.stringify(e)).join('\n'), (config.algorithms ?? []).map((a) => JSON.stringify(a)).join('\n')]], 'grid')}` +
      `<h3>Configuration (segscope.json)</h3><pre>${JSON.stringify(config, null, 2).replace(/&/g, '&amp;').replace(/</g, '&lt;')}</pre>`,
  );
}
