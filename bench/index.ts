/** Benchmarks, run in order; pass names to run a subset: `node dist/bench/index.js transformer`. */
const BENCHES: Record<string, () => Promise<{ run: () => Promise<void> }>> = {
  transformer: () => import('./transformer.js'),
};

const wanted = process.argv.slice(2);
for (const [name, load] of Object.entries(BENCHES)) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  await (await load()).run();
}
