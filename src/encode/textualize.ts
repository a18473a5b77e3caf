/**
 * A user's behavior as one sentence for a text-embedding model: one phrase per event from a
 * template per behavior, joined by `separator`, e.g. "viewed 123 in shoes; searched red boots;
 * bought 123". Placeholders: {item}, {category}, {query}, {price}; a part in [brackets] is dropped
 * when a placeholder inside it has no value. Consecutive identical phrases collapse to "phrase (xN)".
 * Only the last `maxEvents` events are written.
 */
import { BEHAVIORS, type Behavior, type SequenceSet } from '../data/sequence-set.js';

export interface TextTemplate extends Record<Behavior, string> {
  separator: string;
}

export const DEFAULT_TEXT_TEMPLATE: Readonly<TextTemplate> = {
  pv: 'viewed {item}[ in {category}]',
  cart: 'added {item} to cart',
  fav: 'saved {item}',
  buy: 'bought {item}[ for {price}]',
  search: 'searched {query}',
  other: 'interacted with {item}',
  separator: '; ',
};

export interface TextualizeOptions {
  template: TextTemplate;
  maxEvents: number;
  /** Display names by item id / category id (titles); ids are used when absent. */
  itemNames?: ReadonlyMap<string, string>;
  categoryNames?: ReadonlyMap<string, string>;
}

const PLACEHOLDERS = ['item', 'category', 'query', 'price'];

/**
 * Check a template: every behavior present, only known placeholders, balanced brackets.
 * @throws RangeError naming the behavior and the problem.
 */
export function checkTextTemplate(template: Partial<TextTemplate>): TextTemplate {
  const t = { ...DEFAULT_TEXT_TEMPLATE, ...template };
  for (const b of BEHAVIORS) {
    const s = t[b];
    if (typeof s !== 'string') throw new RangeError(`text template: "${b}" must be a string`);
    for (const m of s.matchAll(/\{(\w+)\}/g)) {
      if (!PLACEHOLDERS.includes(m[1]))
        throw new RangeError(
          `text template: "${b}" uses unknown placeholder {${m[1]}} (known: ${PLACEHOLDERS.map((p) => `{${p}}`).join(', ')})`,
        );
    }
    let depth = 0;
    for (const ch of s) {
      if (ch === '[') depth++;
      if (ch === ']') depth--;
      if (depth < 0 || depth > 1) throw new RangeError(`text template: "${b}" has unbalanced or nested [ ]`);
    }
    if (depth !== 0) throw new RangeError(`text template: "${b}" has an unclosed [`);
  }
  return t;
}

function fill(pattern: string, values: Record<string, string | undefined>): string {
  const sub = (part: string): string | undefined => {
    let ok = true;
    const text = part.replace(/\{(\w+)\}/g, (_, name: string) => {
      const v = values[name];
      if (v === undefined) ok = false;
      return v ?? '';
    });
    return ok ? text : undefined;
  };
  return pattern
    .replace(/\[([^\]]*)\]/g, (_, inner: string) => sub(inner) ?? '')
    .replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? '');
}

/** The sentence of sequence `s`. O(events of s). */
export function textualizeSequence(seqs: SequenceSet, s: number, options: TextualizeOptions): string {
  const { template, maxEvents, itemNames, categoryNames } = options;
  const end = seqs.offsets[s + 1];
  const start = Math.max(seqs.offsets[s], end - maxEvents);
  const phrases: string[] = [];
  const repeats: number[] = [];
  for (let e = start; e < end; e++) {
    const item = seqs.itemVocab[seqs.items[e]];
    const c = seqs.categories?.[e] ?? -1;
    const category = c >= 0 && seqs.categoryVocab ? seqs.categoryVocab[c] : undefined;
    const q = seqs.queries?.[e] ?? -1;
    const price = seqs.prices?.[e];
    const phrase = fill(template[BEHAVIORS[seqs.behaviors[e]]], {
      item: itemNames?.get(item) ?? item,
      category: category === undefined ? undefined : (categoryNames?.get(category) ?? category),
      query: q >= 0 && seqs.queryVocab ? seqs.queryVocab[q] : undefined,
      price:
        price !== undefined && Number.isFinite(price) ? String(Math.round(price * 100) / 100) : undefined,
    });
    if (phrases.length > 0 && phrases[phrases.length - 1] === phrase) repeats[repeats.length - 1]++;
    else {
      phrases.push(phrase);
      repeats.push(1);
    }
  }
  return phrases.map((p, i) => (repeats[i] > 1 ? `${p} (x${repeats[i]})` : p)).join(template.separator);
}
