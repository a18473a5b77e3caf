/**
 * One color per segment, the same in every chart: Tableau 10 for the first ten segments, then hues
 * spaced by the golden angle; noise (-1) is gray. Facets have their own colors, never a segment's.
 */
const TABLEAU10 = [
  '#4e79a7',
  '#f28e2b',
  '#e15759',
  '#76b7b2',
  '#59a14f',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#bab0ac',
];

/** Color of segment `s` (-1 = noise). */
export function segmentColor(s: number): string {
  if (s < 0) return '#b8b8b8';
  if (s < TABLEAU10.length) return TABLEAU10[s];
  const hue = Math.round((s * 137.508) % 360);
  return `hsl(${hue}, ${55 + (s % 3) * 10}%, ${42 + (s % 4) * 6}%)`;
}

/** Facet colors (a sequential blue-green set, distinct from the segment palette's order). */
export const FACET_COLORS: Record<string, string> = {
  geometry: '#7f7f7f',
  behavior: '#1b7837',
  stability: '#2166ac',
  null: '#762a83',
  downstream: '#b35806',
};

/** Status colors in the leaderboard: winner, tied with the winner, the rest. */
export const RANK_COLORS = { winner: '#c0392b', tied: '#e67e22', other: '#5d6d7e' };

/** A sequential color for t in [0, 1] (white -> dark blue), for heat maps; NaN is light gray. */
export function heatColor(t: number): string {
  if (Number.isNaN(t)) return '#eeeeee';
  const x = Math.min(1, Math.max(0, t));
  const lerp = (a: number, b: number) => Math.round(a + (b - a) * x);
  return `rgb(${lerp(247, 8)}, ${lerp(251, 48)}, ${lerp(255, 107)})`;
}
