/**
 * `segscope demo`: the main job on built-in defaults — generate a log with planted segments (noise
 * users and bots included), then `run` the default protocol on it with the truth as the external
 * facet, and print the leaderboard. Re-running resumes the same demo in the same directory.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { GENERATE_KINDS, type GenerateKind } from '../data/generate-options.js';
import { writeGeneratedLog } from '../data/generate-writer.js';
import { loadSequences } from '../data/load.js';
import { DEFAULT_PROTOCOL } from '../evaluate/protocol-config.js';
import { runProtocol } from '../evaluate/run-protocol.js';
import { checkOutputFolder } from '../io/output-path.js';
import { readTruthFile } from '../io/truth-file.js';
import type { Command } from './command.js';
import { flag } from './flags.js';
import { progressBar } from './progress-bar.js';
import { finishProtocolCommand } from './results-table.js';

export const command: Command = {
  name: 'demo',
  summary: 'generate a log with planted segments and run the full evaluation protocol on it',
  flags: {
    out: { type: 'string', description: 'output directory', default: 'segscope-demo', placeholder: 'DIR' },
    users: {
      type: 'number',
      integer: true,
      description: 'users in the generated log',
      default: 1000,
      placeholder: 'N',
    },
    segments: {
      type: 'number',
      integer: true,
      description: 'planted segments',
      default: 4,
      placeholder: 'K',
    },
    difficulty: {
      type: 'string',
      description: 'how the planted segments differ',
      choices: GENERATE_KINDS,
      default: 'medium',
    },
    seed: {
      type: 'number',
      integer: true,
      description: 'seed of the generator and the protocol',
      default: 42,
      placeholder: 'S',
    },
    json: { type: 'boolean', description: 'print results.json on stdout instead of the table' },
  },
  async run(flags, io) {
    const out = flag.string(flags, 'out')!;
    checkOutputFolder(out, 'out');
    const seed = flag.number(flags, 'seed')!;
    const eventsPath = join(out, 'events.csv');
    const truthPath = join(out, 'events.truth.csv');
    const bar = progressBar(io);
    const resume = existsSync(join(out, 'records', 'run.json'));
    if (!resume || !existsSync(eventsPath)) {
      await writeGeneratedLog(
        {
          users: flag.number(flags, 'users')!,
          segments: flag.number(flags, 'segments')!,
          difficulty: flag.string(flags, 'difficulty') as GenerateKind,
          seed,
        },
        { eventsPath, truthPath, format: 'csv', onProgress: bar },
      );
    }
    const load = { path: eventsPath, preset: 'taobao' };
    const { sequences, report } = await loadSequences({ ...load, onProgress: bar });
    const results = await runProtocol({
      sequences,
      cleaning: report,
      truth: readTruthFile(truthPath),
      config: { ...DEFAULT_PROTOCOL, seed },
      outDir: out,
      resume,
      inputs: [eventsPath, truthPath],
      load,
      onProgress: bar,
    });
    bar.done();
    return finishProtocolCommand(results, out, flag.boolean(flags, 'json'), io);
  },
};
