/** `npm run bench [name...]`: runs the benchmarks in order, or only the named ones. */
const BENCHMARKS: Record<string, () => Promise<{ run(): Promise<void> }>> = {
  ingest: () => import('./ingest.js'),
};

const wanted = process.argv.slice(2);
for (const [name, load] of Object.entries(BENCHMARKS)) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  await (await load()).run();
}
