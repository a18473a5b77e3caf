/**
 * `segscope encode`: load an event log, fit one encoder on it and write the user vectors
 * (`--out vectors.npy`, float32 users x dim) with `vectors.users.txt` (one id per line, row order).
 * Flags map one-to-one onto encoder options; `--set key=value` passes any other option through.
 */
import { existsSync, readFileSync } from 'node:fs';
import { loadSequences } from '../data/load.js';
import { createEncoder, encoderOptionNames } from '../encode/registry.js';
import { writeVectorFile } from '../encode/vector-file.js';
import { checkOutputFile } from '../io/output-path.js';
import { type ConfigIssue, UsageError } from '../util/errors.js';
import type { Command } from './command.js';
import { flag, type ParsedFlags } from './flags.js';
import { progressBar } from './progress-bar.js';

const ENCODERS = ['tfidf', 'counts', 'stats', 'item2vec', 'transformer', 'text', 'precomputed'] as const;

/** Flag -> encoder option name, per flag; applied when the flag is given. */
const OPTION_FLAGS: Record<string, string> = {
  dim: 'dim',
  tokens: 'tokens',
  ngram: 'ngramMax',
  'ngram-unit': 'ngramUnit',
  'min-df': 'minDf',
  'max-df': 'maxDf',
  'session-gap': 'sessionGap',
  'utc-offset': 'utcOffsetHours',
  window: 'window',
  negative: 'negative',
  sample: 'sample',
  'min-count': 'minCount',
  epochs: 'epochs',
  alpha: 'alpha',
  workers: 'workers',
  pooling: 'pooling',
  'half-life-days': 'halfLifeDays',
  source: 'source',
  'model-dir': 'modelDir',
  url: 'url',
  model: 'model',
  key: 'key',
  'batch-size': 'batchSize',
  'timeout-ms': 'timeoutMs',
  retries: 'retries',
  'cache-dir': 'cacheDir',
  'max-events': 'maxEvents',
  vectors: 'path',
  'users-file': 'usersPath',
  'id-column': 'idColumn',
  missing: 'missing',
  extra: 'extra',
};

export const command: Command = {
  name: 'encode',
  summary: 'turn each user behavior sequence into a vector with one encoder and write it as .npy',
  flags: {
    events: {
      type: 'string',
      description: 'event log (CSV, Parquet or JSONL)',
      required: true,
      placeholder: 'FILE',
    },
    preset: {
      type: 'string',
      description: 'log schema: taobao, diginetica, yoochoose, retailrocket, generic',
      required: true,
      placeholder: 'P',
    },
    'key-by': {
      type: 'string',
      description: "one sequence per user or per session (default: the preset's)",
      choices: ['user', 'session'],
    },
    encoder: {
      type: 'string',
      description: `which encoder: ${ENCODERS.join(', ')}`,
      required: true,
      choices: ENCODERS,
      placeholder: 'NAME',
    },
    seed: {
      type: 'number',
      integer: true,
      description: 'random seed (same seed, same vectors)',
      default: 0,
      placeholder: 'S',
    },
    out: {
      type: 'string',
      description: 'vectors file to write (.npy); users go to <out>.users.txt',
      required: true,
      placeholder: 'FILE',
    },
    dim: {
      type: 'number',
      integer: true,
      description: 'output dimension (tfidf SVD, item2vec, transformer; precomputed: expected)',
      placeholder: 'D',
    },
    tokens: {
      type: 'list',
      description: 'tfidf tokens: item, category, behavior, behavior-item, behavior-category, query',
      placeholder: 'LIST',
    },
    ngram: {
      type: 'number',
      integer: true,
      description: 'tfidf: longest event n-gram (0/1 = none)',
      placeholder: 'N',
    },
    'ngram-unit': {
      type: 'string',
      description: 'tfidf n-gram unit: behavior, category, item, behavior-category',
      choices: ['behavior', 'category', 'item', 'behavior-category'],
      placeholder: 'UNIT',
    },
    'min-df': {
      type: 'number',
      integer: true,
      description: 'tfidf: drop tokens in fewer sequences',
      placeholder: 'N',
    },
    'max-df': {
      type: 'number',
      description: 'tfidf: drop tokens in more than this fraction of sequences',
      placeholder: 'F',
    },
    'session-gap': {
      type: 'number',
      description: 'stats: seconds of inactivity that start a session',
      placeholder: 'S',
    },
    'utc-offset': {
      type: 'number',
      description: 'stats: hours added to UTC for time-of-day / day-of-week',
      placeholder: 'H',
    },
    window: { type: 'number', integer: true, description: 'item2vec: context window', placeholder: 'N' },
    negative: {
      type: 'number',
      integer: true,
      description: 'item2vec: negative samples per pair',
      placeholder: 'N',
    },
    sample: {
      type: 'number',
      description: 'item2vec: frequent-item subsampling threshold (0 = off)',
      placeholder: 'F',
    },
    'min-count': {
      type: 'number',
      integer: true,
      description: 'item2vec: drop items seen fewer times',
      placeholder: 'N',
    },
    epochs: {
      type: 'number',
      integer: true,
      description: 'item2vec / transformer: training epochs',
      placeholder: 'N',
    },
    alpha: { type: 'number', description: 'item2vec: initial learning rate', placeholder: 'F' },
    workers: {
      type: 'number',
      integer: true,
      description: 'item2vec: worker threads (1 = bit-reproducible)',
      placeholder: 'N',
    },
    pooling: {
      type: 'string',
      description: 'user vector from item / hidden vectors (item2vec: mean, behavior-weighted, time-decayed)',
      placeholder: 'P',
    },
    'half-life-days': {
      type: 'number',
      description: 'item2vec time-decayed pooling half-life',
      placeholder: 'D',
    },
    source: {
      type: 'string',
      description: 'text: local model folder or embeddings endpoint',
      choices: ['local', 'endpoint'],
    },
    'model-dir': {
      type: 'string',
      description: 'text: folder with model.onnx + tokenizer.json or vocab.txt',
      placeholder: 'DIR',
    },
    url: {
      type: 'string',
      description: 'text: embeddings endpoint base URL (default SEGSCOPE_EMBEDDINGS_URL)',
      placeholder: 'URL',
    },
    model: {
      type: 'string',
      description: 'text: endpoint model name (default SEGSCOPE_EMBEDDINGS_MODEL)',
      placeholder: 'NAME',
    },
    key: {
      type: 'string',
      description: 'text: endpoint API key (default SEGSCOPE_EMBEDDINGS_KEY)',
      placeholder: 'KEY',
    },
    'batch-size': {
      type: 'number',
      integer: true,
      description: 'text: texts per request / model batch',
      placeholder: 'N',
    },
    'timeout-ms': { type: 'number', description: 'text: endpoint request timeout', placeholder: 'MS' },
    retries: {
      type: 'number',
      integer: true,
      description: 'text: endpoint retries with exponential back-off',
      placeholder: 'N',
    },
    'cache-dir': {
      type: 'string',
      description: 'text: disk cache of endpoint embeddings',
      placeholder: 'DIR',
    },
    template: {
      type: 'string',
      description: 'text: template JSON ({"pv": "viewed {item}[ in {category}]", ...}) or a .json file',
      placeholder: 'JSON|FILE',
    },
    'max-events': {
      type: 'number',
      integer: true,
      description: 'text: last events written per user',
      placeholder: 'N',
    },
    vectors: {
      type: 'string',
      description: 'precomputed: vector file (.npy + users file, .csv, .parquet)',
      placeholder: 'FILE',
    },
    'users-file': {
      type: 'string',
      description: 'precomputed: users of a .npy (default <vectors>.users.txt)',
      placeholder: 'FILE',
    },
    'id-column': {
      type: 'string',
      description: 'precomputed: user-id column of .csv / .parquet',
      placeholder: 'NAME',
    },
    missing: {
      type: 'string',
      description: 'precomputed: log users without a vector',
      choices: ['error', 'zero'],
    },
    extra: {
      type: 'string',
      description: 'precomputed: vectors of users not in the log',
      choices: ['error', 'ignore'],
    },
    set: {
      type: 'list',
      description:
        'any other encoder option, key=value (numbers and true/false parsed; a list continues after commas: groups=volume,sessions)',
      placeholder: 'K=V',
    },
    json: { type: 'boolean', description: 'print a JSON summary on stdout' },
  },
  async run(flags, io) {
    const name = flag.string(flags, 'encoder') as string;
    const bar = progressBar(io);
    const options = encoderOptions(flags);
    // --seed and progress go to every encoder that takes them (stats and precomputed are not random).
    const takes = encoderOptionNames(name);
    if (takes === undefined || takes.includes('seed')) options.seed = flag.number(flags, 'seed');
    if (takes === undefined || takes.includes('onProgress')) options.onProgress = bar;
    const encoder = await createEncoder(name, options);
    checkOutputFile(flag.string(flags, 'out') as string, 'out');
    const started = performance.now();
    const { sequences, report: cleaning } = await loadSequences({
      path: flag.string(flags, 'events') as string,
      preset: flag.string(flags, 'preset') as string,
      keyBy: flag.string(flags, 'key-by') as 'user' | 'session' | undefined,
      onProgress: bar,
    });
    await encoder.fit(sequences);
    const X = await encoder.transform(sequences);
    bar.done();
    const written = writeVectorFile(flag.string(flags, 'out') as string, sequences.users, X);
    const seconds = (performance.now() - started) / 1000;
    const reports = encoderReports(encoder);
    if (flag.boolean(flags, 'json')) {
      io.stdout.write(
        `${JSON.stringify({
          encoder: encoder.name,
          params: encoder.params,
          vectors_path: written.vectorsPath,
          users_path: written.usersPath,
          n_users: X.rows,
          dim: X.cols,
          report: reports,
          cleaning,
          seconds,
        })}\n`,
      );
    } else {
      io.stdout.write(
        `wrote ${X.rows} x ${X.cols} ${encoder.name} vectors to ${written.vectorsPath} and users to ${written.usersPath} in ${seconds.toFixed(1)} s\n`,
      );
      for (const [k, v] of Object.entries(reports)) io.stdout.write(`${k}: ${JSON.stringify(v)}\n`);
    }
    return 0;
  },
};

/** Encoder options from the flags that were given; every problem reported at once. */
export function encoderOptions(flags: ParsedFlags): Record<string, unknown> {
  const options: Record<string, unknown> = {};
  const problems: ConfigIssue[] = [];
  for (const [f, option] of Object.entries(OPTION_FLAGS)) {
    const v = flags[f];
    if (v !== undefined) options[option] = v;
  }
  const template = flag.string(flags, 'template');
  if (template !== undefined) {
    try {
      options.template = JSON.parse(
        template.trim().startsWith('{') ? template : readFileSync(template, 'utf8'),
      );
    } catch (error) {
      problems.push({
        path: '--template',
        message:
          existsSync(template) || template.trim().startsWith('{')
            ? `not valid JSON: ${(error as Error).message}`
            : 'neither JSON nor an existing file',
      });
    }
  }
  // --set splits on commas; a piece without '=' continues the previous value (groups=volume,sessions).
  const pairs: [string, string][] = [];
  for (const kv of flag.list(flags, 'set')) {
    const eq = kv.indexOf('=');
    if (eq > 0) pairs.push([kv.slice(0, eq), kv.slice(eq + 1)]);
    else if (eq < 0 && pairs.length > 0) pairs[pairs.length - 1][1] += `,${kv}`;
    else problems.push({ path: '--set', message: `"${kv}" is not key=value` });
  }
  for (const [key, raw] of pairs) {
    const n = Number(raw);
    options[key] =
      raw === 'true' ? true : raw === 'false' ? false : raw.trim() !== '' && Number.isFinite(n) ? n : raw;
  }
  if (problems.length > 0) throw new UsageError('bad encoder options', problems);
  return options;
}

/** What an encoder counted while fitting and transforming (unknown items, imputed values, ...). */
function encoderReports(encoder: object): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of ['report', 'lastTransformReport', 'svdRank', 'trainedPairs', 'emptyUsers'] as const) {
    const v = (encoder as Record<string, unknown>)[key];
    if (v !== undefined) out[key] = v;
  }
  return out;
}
