/** `segscope run`: the whole pipeline and evaluation protocol on an event log. */
import { loadSequences } from '../data/load.js';
import { DEFAULT_PROTOCOL, readProtocolConfig } from '../evaluate/protocol-config.js';
import { runProtocol } from '../evaluate/run-protocol.js';
import { checkOutputFolder } from '../io/output-path.js';
import { readTruthFile } from '../io/truth-file.js';
import type { Command } from './command.js';
import { LOAD_FLAGS, loadOptionsFromFlags } from './load-flags.js';
import { flag } from './flags.js';
import { progressBar } from './progress-bar.js';
import { finishProtocolCommand } from './results-table.js';

export const command: Command = {
  name: 'run',
  summary: 'encode, cluster and evaluate every candidate of a grid on an event log; write results.json',
  flags: {
    ...LOAD_FLAGS,
    truth: {
      type: 'string',
      description: 'known segments, CSV user_id,segment (scored as the external facet)',
      placeholder: 'FILE',
    },
    config: {
      type: 'string',
      description: 'protocol configuration (segscope.json): grid, resamples, weights, ...',
      placeholder: 'FILE',
    },
    out: {
      type: 'string',
      description: 'output directory (results.json, labels/, records/)',
      required: true,
      placeholder: 'DIR',
    },
    resume: {
      type: 'boolean',
      description: 'continue an interrupted run in --out, redoing nothing that finished',
    },
    seed: {
      type: 'number',
      integer: true,
      description: 'protocol seed (overrides the config)',
      placeholder: 'S',
    },
    json: { type: 'boolean', description: 'print results.json on stdout instead of the table' },
  },
  async run(flags, io) {
    const config = {
      ...(flag.string(flags, 'config')
        ? readProtocolConfig(flag.string(flags, 'config')!)
        : DEFAULT_PROTOCOL),
    };
    if (flag.number(flags, 'seed') !== undefined) config.seed = flag.number(flags, 'seed')!;
    const truth = flag.string(flags, 'truth') ? readTruthFile(flag.string(flags, 'truth')!) : undefined;
    checkOutputFolder(flag.string(flags, 'out')!, 'out');
    const bar = progressBar(io);
    const load = loadOptionsFromFlags(flags);
    const { sequences, report } = await loadSequences({ ...load, onProgress: bar });
    const out = flag.string(flags, 'out')!;
    const results = await runProtocol({
      sequences,
      cleaning: report,
      truth,
      config,
      outDir: out,
      resume: flag.boolean(flags, 'resume'),
      inputs: [load.path, ...(flag.string(flags, 'truth') ? [flag.string(flags, 'truth')!] : [])],
      load,
      onProgress: bar,
    });
    bar.done();
    return finishProtocolCommand(results, out, flag.boolean(flags, 'json'), io);
  },
};
