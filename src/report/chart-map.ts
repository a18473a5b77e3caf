/** 2-D map of users (PCA or t-SNE coordinates), one dot per sampled user in its segment's color. */
import { emptyNote, extent, linearScale, SVG_CLOSE, svgOpen } from './chart-frame.js';
import { esc } from './format.js';
import { segmentColor } from './palette.js';

export function userMap(
  m: { x: number[]; y: number[]; segment: number[] },
  o: { title: string; xLabel: string; yLabel: string; size?: number },
): string {
  const size = o.size ?? 420;
  const plot = { left: 16, top: 26, right: size - 16, bottom: size - 30 };
  const x = linearScale(extent(m.x, 0.03), [plot.left, plot.right]);
  const y = linearScale(extent(m.y, 0.03), [plot.bottom, plot.top]);
  const parts = [svgOpen({ width: size, height: size, title: o.title, kind: 'map' })];
  parts.push(
    `<rect class="frame" x="${plot.left}" y="${plot.top}" width="${plot.right - plot.left}" height="${plot.bottom - plot.top}"/>`,
  );
  if (m.x.length === 0) parts.push(emptyNote(plot, 'no users'));
  const r = m.x.length > 1000 ? 1.8 : 2.6;
  // One path per segment keeps thousands of dots small; a zero-length round-capped line is a dot.
  const bySegment = new Map<number, string[]>();
  m.x.forEach((xi, i) => {
    const s = m.segment[i];
    if (!bySegment.has(s)) bySegment.set(s, []);
    bySegment.get(s)!.push(`M${x(xi).toFixed(1)},${y(m.y[i]).toFixed(1)}h0`);
  });
  for (const [s, d] of [...bySegment.entries()].sort((a, b) => a[0] - b[0])) {
    parts.push(
      `<path class="mark dots" d="${d.join('')}" stroke="${segmentColor(s)}" stroke-width="${2 * r}" stroke-linecap="round" stroke-opacity="0.8"><title>${esc(s < 0 ? 'noise' : `segment ${s}`)}: ${d.length} users</title></path>`,
    );
  }
  parts.push(
    `<text class="al" x="${(plot.left + plot.right) / 2}" y="${size - 10}" text-anchor="middle">${esc(o.xLabel)}</text>`,
  );
  parts.push(
    `<text class="al" transform="translate(10 ${(plot.top + plot.bottom) / 2}) rotate(-90)" text-anchor="middle">${esc(o.yLabel)}</text>`,
  );
  parts.push(SVG_CLOSE);
  return parts.join('');
}
