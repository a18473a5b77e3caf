/**
 * The evaluation card as one self-contained HTML file: inline CSS, charts as inline SVG rendered
 * here, no scripts, fonts or other requests, so it opens from disk anywhere. Renders results.json
 * only; it computes no new numbers (DESIGN.md).
 */
import type { ProtocolResults } from '../evaluate/results.js';
import { esc } from './format.js';
import { dataSection } from './section-data.js';
import { facetsSection } from './section-facets.js';
import { leaderboardSection } from './section-leaderboard.js';
import { reproducibilitySection } from './section-reproducibility.js';
import { segmentsSection } from './section-segments.js';

/** Section ids in order, with their headings (the browser test checks each). */
export const REPORT_SECTIONS: [string, string][] = [
  ['data', 'Data'],
  ['leaderboard', 'Leaderboard'],
  ['facets', 'Facets'],
  ['segments', "Winner's segments"],
  ['reproducibility', 'Reproducibility'],
];

const CSS = `
body{font:13px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;color:#222;margin:0;background:#fafafa}
header{background:#1f2d3d;color:#fff;padding:14px 24px}header h1{margin:0;font-size:20px}header p{margin:4px 0 0;color:#cfd8e3}
nav{position:sticky;top:0;background:#fff;border-bottom:1px solid #ddd;padding:6px 24px;z-index:1}nav a{margin-right:16px;color:#1f4e79;text-decoration:none}
main{padding:0 24px 40px;max-width:1400px}section{margin-top:22px}h2{border-bottom:2px solid #1f2d3d;padding-bottom:3px}h3{margin:18px 0 6px}h4{margin:12px 0 4px}
th{white-space:nowrap}.tw{overflow-x:auto;max-width:100%}table{border-collapse:collapse;margin:6px 0;background:#fff}th,td{border:1px solid #ddd;padding:3px 7px;text-align:left;vertical-align:top}th{background:#f0f3f6}
table.board td:nth-child(n+3){text-align:right;white-space:nowrap}table.board td:first-child{white-space:nowrap}table.board td:nth-child(2){min-width:220px}table.compact td{padding:2px 5px}table.grid td{white-space:pre;font-family:ui-monospace,monospace;font-size:11px}
code{font-size:11px}pre{background:#fff;border:1px solid #ddd;padding:8px;overflow:auto;font-size:11px}
.row{display:flex;flex-wrap:wrap;gap:14px;align-items:flex-start}.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(600px,1fr));gap:12px;margin-top:12px}.card{background:#fff;border:1px solid #ddd;border-left:6px solid;padding:4px 12px 10px;min-width:0;overflow-x:auto}
.sw{display:inline-block;width:10px;height:10px;margin-right:4px;border-radius:2px;vertical-align:baseline}.legend{color:#555}.verdict{font-size:14px;background:#fff;border-left:4px solid #c0392b;padding:6px 10px}
.err{color:#c0392b}svg.chart{background:#fff;border:1px solid #e3e3e3;overflow:visible}
svg .ct{font-size:12px;font-weight:600;fill:#222}svg .tick{font-size:10px;fill:#555}svg .lbl{font-size:11px;fill:#222}svg .val,svg .pl,svg .lg{font-size:10px;fill:#333}svg .cv{font-size:10px}
svg .al{font-size:11px;fill:#444}svg .note{font-size:12px;fill:#888}svg .grid{stroke:#eee}svg .axis{stroke:#999}svg .ref{stroke:#444;stroke-dasharray:3 3}
svg .marker{stroke:#c0392b;stroke-width:2}svg .ci{stroke-width:2}svg .line{fill:none;stroke-width:2}svg .frame{fill:none;stroke:#ddd}svg .cell{stroke:#fff;stroke-width:0.5}
`;

/** The whole report as an HTML string. */
export function renderHtmlReport(results: ProtocolResults): string {
  const title = `segscope evaluation card — ${results.winner ?? 'no winner'}`;
  const nav = REPORT_SECTIONS.map(([id, name]) => `<a href="#${id}">${esc(name)}</a>`).join('');
  const d = results.dataset;
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${esc(title)}</title><style>${CSS}</style></head>
<body><header><h1>segscope evaluation card</h1><p>${esc(`${results.candidates.length} candidates on ${d.n_sequences.toLocaleString('en-US')} users and ${d.n_events.toLocaleString('en-US')} events — segscope ${results.version}`)}</p></header>
<nav>${nav}</nav><main>
${dataSection(results)}
${leaderboardSection(results)}
${facetsSection(results)}
${segmentsSection(results)}
${reproducibilitySection(results)}
</main></body></html>
`;
}
