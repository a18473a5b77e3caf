/**
 * A readable tag per segment, built from a rule, with the rule's faithfulness measured on all users.
 * Atoms are per-user features compared with a threshold: share of events in each 4-hour block of
 * the (UTC) day, share of each behavior, conversion (buys per view), activity (events), and share of
 * events in the segment's signature categories (lift >= 1.5 and >= 5% of the segment's events, top 2).
 * Time-of-day and behavior-share atoms are only used on the high side (readable tags), conversion
 * and activity on both. An atom is a candidate when its standardized mean difference (segment mean - rest mean) / sd of all
 * users is at least `minEffect` in size; its threshold is the midpoint of the two means, on the side
 * of the segment. Greedy: take the atom whose rule has the best F1 for membership, then add atoms
 * (conjunction) while F1 improves by at least 0.01, up to `maxAtoms`. The tag says exactly the
 * rule's atoms, so precision / recall / F1 of the rule are the tag's faithfulness.
 * Deterministic: ties go to 'high' atoms, then the earlier feature in FEATURES order.
 */
import { BEHAVIOR_CODE, type SequenceSet } from '../data/sequence-set.js';

export interface TagAtom {
  feature: string;
  direction: 'high' | 'low';
  threshold: number;
  effect_size: number;
  phrase: string;
  /** For the categories atom: the category ids. */
  categories?: string[];
}

export interface SegmentTag {
  segment: number;
  tag: string;
  rule: TagAtom[];
  /** Users the rule selects, and how many of them are in the segment. */
  selected: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface TagOptions {
  minEffect: number;
  maxAtoms: number;
}

export const TAG_DEFAULTS: TagOptions = { minEffect: 0.3, maxAtoms: 3 };

const HOURS: [string, string][] = [
  ['hours_00_04', 'night'],
  ['hours_04_08', 'early-morning'],
  ['hours_08_12', 'morning'],
  ['hours_12_16', 'afternoon'],
  ['hours_16_20', 'evening'],
  ['hours_20_24', 'late-evening'],
];
/**
 * Feature name, phrase when high, phrase when low (null: only 'high' atoms, since "rarely morning"
 * says little that "evening" does not), kind (adjective before the noun, noun, or clause).
 */
const FEATURES: [string, string, string | null, 'adj' | 'noun' | 'clause'][] = [
  ...HOURS.map(([f, w]): [string, string, null, 'adj'] => [f, w, null, 'adj']),
  ['share_pv', 'browsers', null, 'noun'],
  ['share_search', 'searchers', null, 'noun'],
  ['share_cart', 'carters', null, 'noun'],
  ['share_fav', 'favoriters', null, 'noun'],
  ['share_buy', 'buyers', null, 'noun'],
  ['conversion', 'high conversion', 'low conversion', 'clause'],
  ['activity', 'heavy', 'light', 'adj'],
];

/** Per-user feature columns, in FEATURES order. */
export function tagFeatures(seqs: SequenceSet): Float64Array[] {
  const n = seqs.offsets.length - 1;
  const cols = FEATURES.map(() => new Float64Array(n));
  const behaviorColumn: Record<number, number> = {
    [BEHAVIOR_CODE.pv]: 6,
    [BEHAVIOR_CODE.search]: 7,
    [BEHAVIOR_CODE.cart]: 8,
    [BEHAVIOR_CODE.fav]: 9,
    [BEHAVIOR_CODE.buy]: 10,
  };
  for (let s = 0; s < n; s++) {
    const len = seqs.offsets[s + 1] - seqs.offsets[s];
    for (let e = seqs.offsets[s]; e < seqs.offsets[s + 1]; e++) {
      const hour = Math.floor((((seqs.ts[e] % 86400) + 86400) % 86400) / 3600);
      cols[Math.floor(hour / 4)][s] += 1;
      const b = behaviorColumn[seqs.behaviors[e]];
      if (b !== undefined) cols[b][s] += 1;
    }
    const views = cols[6][s];
    const buys = cols[10][s];
    for (let j = 0; j <= 10; j++) cols[j][s] /= Math.max(1, len);
    cols[11][s] = buys / Math.max(1, views);
    cols[12][s] = len;
  }
  return cols;
}

interface Candidate extends TagAtom {
  pass: Uint8Array;
}

/** One tag per segment 0..k-1 (noise users count as non-members). */
export function segmentTags(
  seqs: SequenceSet,
  labels: Int32Array,
  k: number,
  options: Partial<TagOptions> = {},
): SegmentTag[] {
  const { minEffect, maxAtoms } = { ...TAG_DEFAULTS, ...options };
  const n = labels.length;
  if (n !== seqs.offsets.length - 1)
    throw new RangeError(`segmentTags: labels.length (${n}) != sequences (${seqs.offsets.length - 1})`);
  const cols = tagFeatures(seqs);
  const out: SegmentTag[] = [];
  for (let c = 0; c < k; c++) {
    const member = Uint8Array.from(labels, (l) => (l === c ? 1 : 0));
    const candidates: Candidate[] = [];
    FEATURES.forEach(([name, hi, lo], j) => {
      const atom = atomFor(cols[j], member, minEffect, name, hi, lo ?? '');
      if (atom && (atom.direction === 'high' || lo !== null)) candidates.push(atom);
    });
    const cat = categoryAtom(seqs, labels, c, member, minEffect);
    if (cat) candidates.push(cat);
    // On equal F1 a 'high' atom reads better than a 'low' one ("evening users", not "rarely morning").
    candidates.sort((a, b) => Number(b.direction === 'high') - Number(a.direction === 'high'));
    const rule: Candidate[] = [];
    let best = ruleScore(new Uint8Array(n).fill(1), member);
    let current = new Uint8Array(n).fill(1);
    while (rule.length < maxAtoms) {
      let pick = -1;
      let pickScore = best;
      let pickPass = current;
      candidates.forEach((a, i) => {
        if (rule.includes(a)) return;
        const pass = Uint8Array.from(current, (x, u) => x & a.pass[u]);
        const score = ruleScore(pass, member);
        const enough = rule.length === 0 || score.f1 >= best.f1 + 0.01;
        if (enough && (pick < 0 || score.f1 > pickScore.f1)) {
          pick = i;
          pickScore = score;
          pickPass = pass;
        }
      });
      if (pick < 0) break;
      rule.push(candidates[pick]);
      best = pickScore;
      current = pickPass;
    }
    out.push({ segment: c, tag: tagText(rule), rule: rule.map(({ pass: _pass, ...a }) => a), ...best });
  }
  return out;
}

function atomFor(
  x: Float64Array,
  member: Uint8Array,
  minEffect: number,
  feature: string,
  hi: string,
  lo: string,
): Candidate | null {
  let sIn = 0;
  let nIn = 0;
  let sAll = 0;
  for (let i = 0; i < x.length; i++) {
    sAll += x[i];
    if (member[i]) {
      sIn += x[i];
      nIn++;
    }
  }
  const nOut = x.length - nIn;
  if (nIn === 0 || nOut === 0) return null;
  const mean = sAll / x.length;
  let ss = 0;
  for (let i = 0; i < x.length; i++) ss += (x[i] - mean) ** 2;
  const sd = Math.sqrt(ss / x.length);
  if (!(sd > 0)) return null;
  const mIn = sIn / nIn;
  const mOut = (sAll - sIn) / nOut;
  const d = (mIn - mOut) / sd;
  if (!(Math.abs(d) >= minEffect)) return null;
  const threshold = (mIn + mOut) / 2;
  const high = d > 0;
  const pass = Uint8Array.from(x, (v) => ((high ? v >= threshold : v < threshold) ? 1 : 0));
  return {
    feature,
    direction: high ? 'high' : 'low',
    threshold,
    effect_size: d,
    phrase: high ? hi : lo,
    pass,
  };
}

function categoryAtom(
  seqs: SequenceSet,
  labels: Int32Array,
  c: number,
  member: Uint8Array,
  minEffect: number,
): Candidate | null {
  const cats = seqs.categories ?? seqs.items;
  const vocab = seqs.categories && seqs.categoryVocab ? seqs.categoryVocab : seqs.itemVocab;
  const inSeg = new Map<number, number>();
  const all = new Map<number, number>();
  let eIn = 0;
  let eAll = 0;
  for (let s = 0; s < labels.length; s++) {
    for (let e = seqs.offsets[s]; e < seqs.offsets[s + 1]; e++) {
      if (cats[e] < 0) continue;
      all.set(cats[e], (all.get(cats[e]) ?? 0) + 1);
      eAll++;
      if (labels[s] === c) {
        inSeg.set(cats[e], (inSeg.get(cats[e]) ?? 0) + 1);
        eIn++;
      }
    }
  }
  if (eIn === 0) return null;
  const chosen = [...inSeg.entries()]
    .filter(([t, n]) => n / eIn >= 0.05 && n / eIn / ((all.get(t) ?? 0) / eAll) >= 1.5)
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, 2)
    .map(([t]) => t);
  if (chosen.length === 0) return null;
  const set = new Set(chosen);
  const x = new Float64Array(labels.length);
  for (let s = 0; s < labels.length; s++) {
    let hit = 0;
    for (let e = seqs.offsets[s]; e < seqs.offsets[s + 1]; e++) if (set.has(cats[e])) hit++;
    x[s] = hit / Math.max(1, seqs.offsets[s + 1] - seqs.offsets[s]);
  }
  const names = chosen.map((t) => vocab[t] ?? String(t));
  const phrase = `${names.length > 1 ? 'categories' : 'category'} ${names.join('/')}`;
  const atom = atomFor(x, member, minEffect, 'category_share', phrase, `few ${phrase}`);
  return atom && atom.direction === 'high' ? { ...atom, categories: names } : null;
}

/** Precision, recall and F1 of a selection against membership. */
export function ruleScore(
  pass: Uint8Array,
  member: Uint8Array,
): { selected: number; precision: number; recall: number; f1: number } {
  let tp = 0;
  let sel = 0;
  let pos = 0;
  for (let i = 0; i < pass.length; i++) {
    sel += pass[i];
    pos += member[i];
    tp += pass[i] & member[i];
  }
  const precision = sel > 0 ? tp / sel : 0;
  const recall = pos > 0 ? tp / pos : 0;
  return {
    selected: sel,
    precision,
    recall,
    f1: precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0,
  };
}

/** "evening heavy browsers of categories A/B, low conversion": adjectives, one noun, its categories, then clauses. */
export function tagText(rule: TagAtom[]): string {
  if (rule.length === 0) return 'typical users (no distinctive feature)';
  const kind = (a: TagAtom) =>
    a.feature === 'category_share' ? 'clause' : (FEATURES.find((f) => f[0] === a.feature)?.[3] ?? 'clause');
  const isAdjective = (a: TagAtom) =>
    kind(a) === 'adj' && (a.direction === 'high' || a.feature === 'activity');
  const adjectives = rule.filter(isAdjective).map((a) => a.phrase);
  const nouns = rule.filter((a) => kind(a) === 'noun' && a.direction === 'high').map((a) => a.phrase);
  const category = rule.find((a) => a.feature === 'category_share' && a.direction === 'high');
  const clauses = rule
    .filter((a) => a !== category && !isAdjective(a) && !(kind(a) === 'noun' && a.direction === 'high'))
    .map((a) => a.phrase);
  const head = [...adjectives, nouns[0] ?? 'users'].join(' ') + (category ? ` of ${category.phrase}` : '');
  return [head, ...nouns.slice(1).map((x) => `also ${x}`), ...clauses].join(', ');
}
