/**
 * A 32-bit seed derived from a base seed and a task key (FNV-1a over the key's UTF-16 units, mixed
 * with the base). Tasks seeded this way give the same result whatever order they run in, which is
 * what lets an interrupted run resume bit for bit.
 * @example seedFor(42, 'tfidf', 'stability', 3) // same number every run
 */
export function seedFor(base: number, ...parts: (string | number)[]): number {
  let h = 0x811c9dc5 ^ (base >>> 0);
  const key = parts.join('\u0000');
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d) >>> 0;
  return (h ^ (h >>> 12)) >>> 0;
}
