/**
 * Benchmarks, run in order; `node dist/bench/index.js name ...` runs only the named ones.
 * Each entry times segscope and its peer on the same data in one run and prints ratios.
 */
const BENCHES: Record<string, () => Promise<{ run: () => Promise<void> }>> = {
  'cluster-density': () => import('./cluster-density.js'),
};

const wanted = process.argv.slice(2);
for (const name of wanted) if (!(name in BENCHES)) throw new Error(`bench: unknown benchmark ${name}; known: ${Object.keys(BENCHES).join(', ')}`);
for (const [name, load] of Object.entries(BENCHES)) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  await (await load()).run();
}
