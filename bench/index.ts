/** `npm run bench [name ...]`: run the benchmarks in order, or only those named. */
const BENCHES: Record<string, () => Promise<{ run: () => Promise<void> }>> = {
  generate: () => import('./generate.js'),
};

const wanted = process.argv.slice(2);
for (const [name, load] of Object.entries(BENCHES)) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  await (await load()).run();
}
