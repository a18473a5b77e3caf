/**
 * A fast streaming writer of taobao-schema CSV for the ingest benchmark: users with heavy-tailed
 * activity, Zipf-like item popularity, items tied to categories, a pv-heavy behavior mix, and
 * time-sorted events per user inside the Taobao window. Writes in 4 MB chunks; no per-event objects.
 */
import { createWriteStream } from 'node:fs';
import { randomSource } from '../src/util/random.js';

export interface TaobaoCsvOptions {
  events: number;
  seed: number;
  items?: number;
  categories?: number;
}

/** Write `events` rows to `path`; resolves to the number of users written. */
export async function writeTaobaoCsv(path: string, options: TaobaoCsvOptions): Promise<number> {
  const rng = randomSource(options.seed);
  const nItems = options.items ?? 1_000_000;
  const nCats = options.categories ?? 5_000;
  const out = createWriteStream(path);
  const behaviors = ['pv', 'cart', 'fav', 'buy'];
  const start = 1511539200;
  const span = 9 * 86400 - 1;
  let written = 0;
  let user = 1;
  let chunk = '';
  const flush = async () => {
    if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
    chunk = '';
  };
  while (written < options.events) {
    // Heavy-tailed activity: 1 + floor(20 / u^0.7) events, capped.
    const n = Math.min(options.events - written, Math.min(2000, 1 + Math.floor(20 / rng.uniform() ** 0.7)));
    let t = start + rng.int(Math.floor(span / 2));
    const step = Math.max(1, Math.floor((start + span - t) / (n + 1)));
    for (let e = 0; e < n; e++) {
      // Zipf-like: item = floor(N^u) gives P(item) ~ 1/item.
      const item = Math.floor(nItems ** rng.uniform());
      const cat = (Math.imul(item, 2654435761) >>> 0) % nCats;
      const u = rng.uniform();
      const b = u < 0.89 ? 0 : u < 0.95 ? 1 : u < 0.98 ? 2 : 3;
      t += 1 + rng.int(step);
      chunk += `${user},${item},${cat},${behaviors[b]},${t}\n`;
      if (chunk.length > 4_000_000) await flush();
    }
    written += n;
    user++;
  }
  await flush();
  await new Promise<void>((resolve, reject) =>
    out.end((err?: Error | null) => (err ? reject(err) : resolve())),
  );
  return user - 1;
}
