/** `segscope meta-eval`: how well each evaluation method ranks candidates, on planted-truth logs. */
import { join } from 'node:path';
import { GENERATE_KINDS, type GenerateKind } from '../data/generate-options.js';
import { META_KINDS, metaEvalMarkdown, metaEvaluate } from '../evaluate/meta-eval.js';
import { checkOutputFolder } from '../io/output-path.js';
import { UsageError } from '../util/errors.js';
import type { Command } from './command.js';
import { flag } from './flags.js';
import { progressBar } from './progress-bar.js';

export const command: Command = {
  name: 'meta-eval',
  summary:
    "rank a candidate pool on planted-truth logs with every evaluation method; Kendall's tau against the truth",
  flags: {
    out: {
      type: 'string',
      description: 'output directory (one run per log kind, meta-eval.json, meta-eval.md)',
      required: true,
      placeholder: 'DIR',
    },
    seed: {
      type: 'number',
      integer: true,
      description: 'seed of the generated logs and the protocol',
      default: 42,
      placeholder: 'S',
    },
    kinds: { type: 'list', description: `log kinds (default ${META_KINDS.join(',')})`, placeholder: 'K,...' },
    users: {
      type: 'number',
      integer: true,
      description: 'users per generated log',
      default: 800,
      placeholder: 'N',
    },
    segments: {
      type: 'number',
      integer: true,
      description: 'planted segments per log',
      default: 4,
      placeholder: 'K',
    },
    json: { type: 'boolean', description: 'print meta-eval.json on stdout instead of the tables' },
  },
  async run(flags, io) {
    const kinds = flag.list(flags, 'kinds');
    const bad = kinds.filter((k) => !(GENERATE_KINDS as readonly string[]).includes(k));
    if (bad.length > 0)
      throw new UsageError(
        'bad usage',
        bad.map((k) => ({ path: '--kinds', message: `"${k}" is not one of ${GENERATE_KINDS.join(', ')}` })),
      );
    const out = flag.string(flags, 'out')!;
    checkOutputFolder(out, 'out');
    const bar = progressBar(io);
    const results = await metaEvaluate({
      seed: flag.number(flags, 'seed')!,
      outDir: out,
      ...(kinds.length > 0 ? { kinds: kinds as GenerateKind[] } : {}),
      users: flag.number(flags, 'users')!,
      segments: flag.number(flags, 'segments')!,
      onProgress: bar,
    });
    bar.done();
    if (flag.boolean(flags, 'json')) io.stdout.write(`${JSON.stringify(results)}\n`);
    else
      io.stdout.write(
        `${metaEvalMarkdown(results)}\nwritten: ${join(out, 'meta-eval.json')}, ${join(out, 'meta-eval.md')}\n`,
      );
    return 0;
  },
};
