import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateSequences } from '../../src/data/generate.js';
import { DEFAULT_PROTOCOL } from '../../src/evaluate/protocol-config.js';
import type { ProtocolResults } from '../../src/evaluate/results.js';
import { runProtocol } from '../../src/evaluate/run-protocol.js';

let cached: Promise<{ results: ProtocolResults; dir: string }> | undefined;

/**
 * A small real protocol run (tests only): a generated 240-user log with 3 planted segments and truth,
 * a 3-candidate grid (stats x kmeans k=2,3,4), few resamples and bootstrap replicates. Seed 11.
 */
export function smallProtocolRun(): Promise<{ results: ProtocolResults; dir: string }> {
  cached ??= (async () => {
    const { sequences, truth } = generateSequences({ users: 240, segments: 3, difficulty: 'easy', seed: 11 });
    const dir = mkdtempSync(join(tmpdir(), 'segscope-report-'));
    const results = await runProtocol({
      sequences,
      truth: new Map(sequences.users.map((u, i) => [u, truth.segment[i]])),
      config: {
        ...DEFAULT_PROTOCOL,
        seed: 11,
        encoders: [{ name: 'stats' }],
        algorithms: [{ name: 'kmeans', params: { k: [2, 3, 4], nInit: 2 } }],
        resamples: 2,
        nullReplicates: 2,
        nullKinds: ['order', 'content'],
        bootstrap: 30,
        permutations: 2,
      },
      outDir: join(dir, 'run'),
    });
    return { results, dir };
  })();
  return cached;
}
