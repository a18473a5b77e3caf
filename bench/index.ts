/**
 * `npm run bench [name ...]`: run the benchmarks in order (all, or those named). Each prints its own
 * table of segscope time, peer time and ratio.
 */
const BENCHES: Record<string, () => Promise<{ run(): Promise<void> }>> = {
  'cluster-centroid': () => import('./cluster-centroid.js'),
};

const wanted = process.argv.slice(2);
for (const name of wanted)
  if (!(name in BENCHES))
    throw new Error(`unknown bench "${name}"; known: ${Object.keys(BENCHES).join(', ')}`);
for (const [name, load] of Object.entries(BENCHES)) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  process.stdout.write(`\n== ${name}\n`);
  await (await load()).run();
}
