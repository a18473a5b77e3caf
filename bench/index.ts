/**
 * Benchmarks against the peers, run in order; `npm run bench -- NAME [args]` runs one.
 * Each prints its own table with segscope time, peer time and the ratio.
 */
const BENCHES: Record<string, () => Promise<{ run(argv?: readonly string[]): Promise<void> }>> = {
  ingest: () => import('./ingest.js'),
  generate: () => import('./generate.js'),
  kernels: () => import('./kernels.js'),
  'cluster-centroid': () => import('./cluster-centroid.js'),
  'cluster-density': () => import('./cluster-density.js'),
  metrics: () => import('./metrics.js'),
  item2vec: () => import('./item2vec.js'),
  transformer: () => import('./transformer.js'),
  'order-encoders': () => import('./order-encoders.js'),
  protocol: () => import('./protocol.js'),
  serve: () => import('./serve.js'),
  applications: () => import('./applications.js'),
};

const only = process.argv[2];
if (only !== undefined && !(only in BENCHES)) {
  console.error(`unknown benchmark "${only}"; known: ${Object.keys(BENCHES).join(', ')}`);
  process.exit(2);
}
for (const [name, load] of Object.entries(BENCHES)) {
  if (only !== undefined && only !== name) continue;
  process.stdout.write(`\n== ${name}\n`);
  await (await load()).run(only === undefined ? [] : process.argv.slice(3));
}
