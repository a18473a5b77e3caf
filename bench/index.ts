/**
 * Benchmarks, run in order; `node dist/bench/index.js NAME [args]` runs one. Each prints its table.
 */
const BENCHES: Record<string, () => Promise<{ run(argv?: readonly string[]): Promise<void> }>> = {
  item2vec: () => import('./item2vec.js'),
};

const only = process.argv[2];
for (const [name, load] of Object.entries(BENCHES)) {
  if (only !== undefined && only !== name) continue;
  await (await load()).run(only === undefined ? [] : process.argv.slice(3));
}
