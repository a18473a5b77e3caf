// Assemble every src/**/*.wat into dist/src/**/*.wasm with wabt (a devDependency): the text is the
// source, the binary a build output like tsc's .js. Run by `npm run build`.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import wabtInit from 'wabt';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const wabt = await wabtInit();

function* watFiles(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* watFiles(path);
    else if (entry.name.endsWith('.wat')) yield path;
  }
}

for (const path of watFiles(join(root, 'src'))) {
  const name = relative(root, path);
  const features = { simd: true, multi_value: true, threads: true };
  const module = wabt.parseWat(name, readFileSync(path, 'utf8'), features);
  try {
    module.validate(features);
    const out = join(root, 'dist', name.replace(/\.wat$/, '.wasm'));
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, module.toBinary({}).buffer);
  } finally {
    module.destroy();
  }
}
