/**
 * `segscope evaluate`: score a team's own embeddings (and optionally its own labeling) by the same
 * protocol, against segscope's baseline encoders, on the same log and the same users.
 */
import { loadSequences } from '../data/load.js';
import { type CandidateSpec, candidateGrid } from '../evaluate/candidate-grid.js';
import { DEFAULT_PROTOCOL, readProtocolConfig } from '../evaluate/protocol-config.js';
import { GIVEN } from '../evaluate/run-candidates.js';
import { runProtocol } from '../evaluate/run-protocol.js';
import { checkOutputFolder } from '../io/output-path.js';
import { readTruthFile } from '../io/truth-file.js';
import type { Command } from './command.js';
import { flag } from './flags.js';
import { LOAD_FLAGS, loadOptionsFromFlags } from './load-flags.js';
import { progressBar } from './progress-bar.js';
import { finishProtocolCommand } from './results-table.js';

/** Baseline encoders scored beside the team's vectors (cheap ones; a config can change them). */
export const EVALUATE_BASELINES = ['tfidf', 'stats'];

export const command: Command = {
  name: 'evaluate',
  summary: 'score your own embeddings or labels by the protocol against the baselines',
  flags: {
    vectors: {
      type: 'string',
      description: 'your user vectors (.npy, .csv or .parquet with a user_id column)',
      required: true,
      placeholder: 'FILE',
    },
    users: {
      type: 'string',
      description: 'user ids of the vector rows, one per line (for .npy)',
      placeholder: 'FILE',
    },
    labels: {
      type: 'string',
      description: 'your own segmentation, CSV user_id,label (scored as one more candidate)',
      placeholder: 'FILE',
    },
    ...LOAD_FLAGS,
    truth: { type: 'string', description: 'known segments, CSV user_id,segment', placeholder: 'FILE' },
    config: {
      type: 'string',
      description: 'protocol configuration; its algorithms cluster your vectors and the baselines',
      placeholder: 'FILE',
    },
    out: { type: 'string', description: 'output directory', required: true, placeholder: 'DIR' },
    resume: { type: 'boolean', description: 'continue an interrupted evaluation in --out' },
    json: { type: 'boolean', description: 'print results.json on stdout instead of the table' },
  },
  async run(flags, io) {
    const config = {
      ...(flag.string(flags, 'config')
        ? readProtocolConfig(flag.string(flags, 'config')!)
        : DEFAULT_PROTOCOL),
    };
    const vectors = flag.string(flags, 'vectors')!;
    const usersPath = flag.string(flags, 'users');
    const precomputed = {
      name: 'precomputed',
      params: { path: vectors, ...(usersPath ? { usersPath } : {}), extra: 'ignore' },
    };
    const baselines = config.encoders.filter((e) => EVALUATE_BASELINES.includes(e.name));
    const candidates: CandidateSpec[] = candidateGrid([precomputed, ...baselines], config.algorithms);
    const labels = flag.string(flags, 'labels');
    if (labels)
      candidates.push({
        id: 'given',
        encoder: { name: GIVEN, params: { path: labels } },
        algorithm: { name: GIVEN, params: {} },
      });
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
      candidates,
      outDir: out,
      resume: flag.boolean(flags, 'resume'),
      inputs: [load.path, vectors, ...(usersPath ? [usersPath] : []), ...(labels ? [labels] : [])],
      load,
      onProgress: bar,
    });
    bar.done();
    return finishProtocolCommand(results, out, flag.boolean(flags, 'json'), io);
  },
};
