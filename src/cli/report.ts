/** `segscope report`: render results.json as report.html (self-contained) and report.md. */
import { dirname, join } from 'node:path';
import { checkOutputFile } from '../io/output-path.js';
import { readResults, writeReport } from '../report/write-report.js';
import type { Command } from './command.js';
import { flag } from './flags.js';

export const command: Command = {
  name: 'report',
  summary: 'render results.json as a self-contained HTML evaluation card and a Markdown report',
  flags: {
    results: {
      type: 'string',
      description: 'results.json written by run, evaluate or demo',
      required: true,
      placeholder: 'FILE',
    },
    out: {
      type: 'string',
      description: 'HTML file to write; report.md goes beside it (default: report.html next to the results)',
      placeholder: 'FILE',
    },
  },
  async run(flags, io) {
    const path = flag.string(flags, 'results')!;
    const out = flag.string(flags, 'out') ?? join(dirname(path), 'report.html');
    checkOutputFile(out, 'out');
    const written = writeReport(readResults(path), out);
    io.stdout.write(`report: ${written.html}\nmarkdown: ${written.md}\n`);
    return 0;
  },
};
