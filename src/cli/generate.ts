/** `segscope generate`: write a synthetic Taobao-schema log with planted segments and its truth file. */
import { GENERATE_DEFAULTS, GENERATE_KINDS, type GenerateKind } from '../data/generate-options.js';
import { writeGeneratedLog } from '../data/generate-writer.js';
import { checkOutputFile } from '../io/output-path.js';
import { UsageError } from '../util/errors.js';
import type { Command } from './command.js';
import { flag } from './flags.js';
import { progressBar } from './progress-bar.js';

export const command: Command = {
  name: 'generate',
  summary: 'write a synthetic event log (Taobao schema) with planted segments, noise users and bots',
  flags: {
    users: {
      type: 'number',
      integer: true,
      description: 'number of users (noise users and bots included)',
      required: true,
      placeholder: 'N',
    },
    segments: {
      type: 'number',
      integer: true,
      description: 'number of planted segments',
      required: true,
      placeholder: 'K',
    },
    difficulty: {
      type: 'string',
      description:
        'how segments differ: easy, medium, hard, order-only, order-long, order-phase, composition, activity-only, noisy, unbalanced',
      choices: GENERATE_KINDS,
      default: GENERATE_DEFAULTS.difficulty,
    },
    seed: {
      type: 'number',
      integer: true,
      description: 'random seed; the same seed writes the same files',
      required: true,
      placeholder: 'S',
    },
    out: { type: 'string', description: 'events file to write', required: true, placeholder: 'FILE' },
    truth: {
      type: 'string',
      description: 'truth file user_id,segment,is_bot (default: <out without extension>.truth.csv)',
      placeholder: 'FILE',
    },
    format: {
      type: 'string',
      description: 'events file format',
      choices: ['csv', 'parquet'],
      default: 'csv',
    },
    items: {
      type: 'number',
      integer: true,
      description: 'catalog size',
      default: GENERATE_DEFAULTS.items,
      placeholder: 'N',
    },
    categories: {
      type: 'number',
      integer: true,
      description: 'number of categories',
      default: GENERATE_DEFAULTS.categories,
      placeholder: 'N',
    },
    'noise-fraction': {
      type: 'number',
      description: 'fraction of users in no segment (default from difficulty)',
      placeholder: 'F',
    },
    'bot-fraction': {
      type: 'number',
      description: 'fraction of bot users (default from difficulty)',
      placeholder: 'F',
    },
    'size-ratio': {
      type: 'number',
      description: 'largest / smallest segment size (default from difficulty)',
      placeholder: 'R',
    },
    'median-views': {
      type: 'number',
      description: 'median item views per human user (default from difficulty)',
      placeholder: 'N',
    },
    json: { type: 'boolean', description: 'print a JSON summary on stdout' },
  },
  async run(flags, io) {
    const options = {
      users: flag.number(flags, 'users') as number,
      segments: flag.number(flags, 'segments') as number,
      difficulty: flag.string(flags, 'difficulty') as GenerateKind,
      seed: flag.number(flags, 'seed') as number,
      items: flag.number(flags, 'items'),
      categories: flag.number(flags, 'categories'),
      noiseFraction: flag.number(flags, 'noise-fraction'),
      botFraction: flag.number(flags, 'bot-fraction'),
      sizeRatio: flag.number(flags, 'size-ratio'),
      medianViews: flag.number(flags, 'median-views'),
    };
    checkFlags(options);
    checkOutputFile(flag.string(flags, 'out') as string, 'out');
    const truthPath = flag.string(flags, 'truth');
    if (truthPath !== undefined) checkOutputFile(truthPath, 'truth');
    const bar = progressBar(io);
    const started = performance.now();
    const summary = await writeGeneratedLog(options, {
      eventsPath: flag.string(flags, 'out') as string,
      truthPath,
      format: flag.string(flags, 'format') as 'csv' | 'parquet',
      onProgress: bar,
    });
    bar.done();
    const seconds = (performance.now() - started) / 1000;
    if (flag.boolean(flags, 'json')) {
      io.stdout.write(
        `${JSON.stringify({
          events_path: summary.eventsPath,
          truth_path: summary.truthPath,
          format: summary.format,
          difficulty: options.difficulty,
          seed: options.seed,
          n_users: summary.users,
          n_events: summary.events,
          segment_sizes: summary.segmentSizes,
          n_noise_users: summary.noiseUsers,
          n_bots: summary.bots,
          seconds,
        })}\n`,
      );
    } else {
      io.stdout.write(
        `wrote ${summary.events} events of ${summary.users} users to ${summary.eventsPath} (${summary.format}) in ${seconds.toFixed(1)} s\n` +
          `truth: ${summary.truthPath} — segments ${summary.segmentSizes.join(', ')}; noise users ${summary.noiseUsers}; bots ${summary.bots}\n`,
      );
    }
    return 0;
  },
};

/** Flag-level checks, all at once, each naming its flag (the library would name the option instead). */
function checkFlags(o: {
  users: number;
  segments: number;
  items?: number;
  categories?: number;
  noiseFraction?: number;
  botFraction?: number;
  sizeRatio?: number;
  medianViews?: number;
}): void {
  const problems: { path: string; message: string }[] = [];
  const int = (name: string, v: number | undefined, min: number) => {
    if (v !== undefined && (!Number.isInteger(v) || v < min))
      problems.push({ path: `--${name}`, message: `${v} must be an integer >= ${min}` });
  };
  int('users', o.users, 1);
  int('segments', o.segments, 1);
  int('items', o.items, 1);
  int('categories', o.categories, 1);
  const frac = (name: string, v: number | undefined) => {
    if (v !== undefined && !(v >= 0 && v < 1))
      problems.push({ path: `--${name}`, message: `${v} must be in [0, 1)` });
  };
  frac('noise-fraction', o.noiseFraction);
  frac('bot-fraction', o.botFraction);
  if (o.sizeRatio !== undefined && !(o.sizeRatio >= 1))
    problems.push({ path: '--size-ratio', message: `${o.sizeRatio} must be >= 1` });
  if (o.medianViews !== undefined && !(o.medianViews >= 1))
    problems.push({ path: '--median-views', message: `${o.medianViews} must be >= 1` });
  if (o.items !== undefined && o.categories !== undefined && o.items < o.categories) {
    problems.push({ path: '--items', message: `${o.items} must be >= --categories (${o.categories})` });
  }
  if ((o.noiseFraction ?? 0) + (o.botFraction ?? 0) >= 1)
    problems.push({ path: '--noise-fraction', message: 'noise and bot fractions must sum to < 1' });
  if (problems.length > 0) throw new UsageError('bad parameters', problems);
}
