/** `segscope drift`: segment drift between time windows of an event log against a saved model. */
import { loadSequences } from '../data/load.js';
import { segmentDrift } from '../serve/drift.js';
import { loadModel } from '../serve/saved-model.js';
import { ServedModel } from '../serve/served-model.js';
import { UsageError } from '../util/errors.js';
import type { Command } from './command.js';
import { flag } from './flags.js';
import { LOAD_FLAGS, loadOptionsFromFlags } from './load-flags.js';

const UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400, w: 604800 };

/** "1d", "12h", "30m", "3600" (seconds) into seconds. */
export function parseDuration(text: string): number {
  const m = /^(\d+(?:\.\d+)?)([smhdw]?)$/.exec(text.trim());
  if (m === null || !(Number(m[1]) > 0))
    throw new UsageError(`--window "${text}" is not a duration like 1d, 12h, 30m or 3600`);
  return Number(m[1]) * UNITS[m[2] || 's'];
}

const { window: _eventWindow, ...loadFlags } = LOAD_FLAGS;

export const command: Command = {
  name: 'drift',
  summary:
    'segment drift between time windows of a log: PSI of segment sizes, matched clusters, migration, alerts',
  flags: {
    ...loadFlags,
    model: {
      type: 'string',
      description: 'model folder written by segscope export',
      required: true,
      placeholder: 'DIR',
    },
    window: {
      type: 'string',
      description: 'window length: 1d, 12h, 30m, or seconds',
      default: '1d',
      placeholder: 'DURATION',
    },
    'psi-threshold': {
      type: 'number',
      description: 'alert when the PSI of segment sizes passes this',
      default: 0.25,
    },
    seed: { type: 'number', integer: true, description: 'seed of the per-window re-clustering', default: 0 },
    json: { type: 'boolean', description: 'print the windows as JSON' },
  },
  async run(flags, io) {
    const window = parseDuration(flag.string(flags, 'window')!);
    const model = await ServedModel.create(loadModel(flag.string(flags, 'model')!));
    const { sequences } = await loadSequences(loadOptionsFromFlags({ ...flags, window: undefined }));
    const windows = await segmentDrift(model, sequences, {
      window,
      psiThreshold: flag.number(flags, 'psi-threshold'),
      seed: flag.number(flags, 'seed'),
    });
    if (flag.boolean(flags, 'json')) {
      io.stdout.write(`${JSON.stringify({ window_seconds: window, windows })}\n`);
    } else {
      io.stdout.write('start                     users   psi     migrated  alert\n');
      for (const w of windows) {
        const when = new Date(w.start * 1000).toISOString();
        const migrated = Number.isNaN(w.migrated_share) ? '-' : w.migrated_share.toFixed(3);
        io.stdout.write(
          `${when}  ${String(w.users).padStart(6)}  ${w.psi.toFixed(3)}  ${migrated.padStart(8)}  ${w.alert ? w.reasons.join('; ') : 'no'}\n`,
        );
      }
    }
    return 0;
  },
};
