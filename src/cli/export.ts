/**
 * `segscope export`: refit one candidate of a run as the run fit it (seed, large-log bounds, seeded
 * samples) and save it as a model folder; on the run's history by default (the evaluated segments).
 */
import { join } from 'node:path';
import { type LoadOptions, loadSequences } from '../data/load.js';
import { checkOutputFolder } from '../io/output-path.js';
import { EXPORT_FIT_ON, type ExportFitOn, exportModel, readExportSource } from '../serve/export-model.js';
import { UsageError } from '../util/errors.js';
import type { Command } from './command.js';
import { flag } from './flags.js';
import { LOAD_FLAGS, loadOptionsFromFlags } from './load-flags.js';
import { progressBar } from './progress-bar.js';

export const command: Command = {
  name: 'export',
  summary:
    'refit a candidate of a run as the run fit it and save it as a model folder (model.json, tags.csv, risk.csv)',
  flags: {
    results: {
      type: 'string',
      description: 'folder of a segscope run (holds results.json)',
      required: true,
      placeholder: 'DIR',
    },
    candidate: { type: 'string', description: 'candidate id (default: the winner)', placeholder: 'ID' },
    out: { type: 'string', description: 'model folder to write', required: true, placeholder: 'DIR' },
    'fit-on': {
      type: 'string',
      description:
        "history: the run's history, the segmentation it evaluated (default); log: every event of the log",
      choices: EXPORT_FIT_ON,
    },
    ...LOAD_FLAGS,
    preset: {
      ...LOAD_FLAGS.preset,
      required: false,
      description: 'schema of the log (default: read the log exactly as the run did)',
    },
    events: {
      type: 'string',
      description: 'event log (default: the one the run read); load flags must match the run',
      placeholder: 'FILE',
    },
    json: { type: 'boolean', description: 'print the model summary as JSON' },
  },
  async run(flags, io) {
    const source = readExportSource(flag.string(flags, 'results')!, flag.string(flags, 'candidate'));
    const events = flag.string(flags, 'events') ?? source.eventsPath;
    if (events === undefined) throw new UsageError('results.json records no event log; pass --events');
    checkOutputFolder(flag.string(flags, 'out')!, 'out');
    const bar = progressBar(io);
    // Without --preset, read the log exactly as the run did (its recorded load options).
    if (flag.string(flags, 'preset') === undefined && source.load === undefined)
      throw new UsageError(
        'results.json does not record how the run read its log; pass --preset and the same load flags',
      );
    const load =
      flag.string(flags, 'preset') === undefined && source.load !== undefined
        ? { ...(source.load as unknown as LoadOptions), path: events }
        : loadOptionsFromFlags({ ...flags, events });
    const { sequences } = await loadSequences({ ...load, onProgress: bar });
    bar.done();
    const out = flag.string(flags, 'out')!;
    const on = (flag.string(flags, 'fit-on') ?? 'history') as ExportFitOn;
    const model = await exportModel(sequences, source, out, on);
    const b = model.training.bounds!;
    const summary = {
      model: join(out, 'model.json'),
      tags: join(out, 'tags.csv'),
      risk: join(out, 'risk.csv'),
      candidate: model.candidate.id,
      segments: model.clusters.k,
      users: model.training.users,
      fit_on: on,
      bounds: b,
    };
    if (flag.boolean(flags, 'json')) io.stdout.write(`${JSON.stringify(summary)}\n`);
    else
      io.stdout.write(
        `exported ${summary.candidate}: ${summary.segments} segments, ${summary.users} users (${on === 'history' ? "the run's history" : 'the whole log'}; encoder fit on ${b.encoder_fit_sample}, clusterer on ${b.cluster_fit_rows})\n  ${summary.model}\n  ${summary.tags}\n  ${summary.risk}\n`,
      );
    return 0;
  },
};
