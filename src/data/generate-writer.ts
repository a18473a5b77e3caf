/**
 * Stream a generated log to disk in the Taobao UserBehavior schema (headerless
 * `user_id,item_id,category_id,behavior_type,timestamp`, CSV or Parquet) plus its truth file
 * `user_id,segment,is_bot` (with header). Users are simulated one at a time and written in chunks,
 * so memory does not grow with the number of events.
 */
import { rmSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { copyCsvToParquet } from '../engine/duckdb-copy.js';
import { atomicWriteStream, tempPathFor } from '../io/atomic-write.js';
import { type ProgressCallback, silentProgress } from '../util/progress.js';
import { CsvChunk, encodeStrings } from './generate-csv-encoder.js';
import { EventBuffer } from './generate-event-buffer.js';
import type { GenerateOptions } from './generate-options.js';
import {
  type GeneratedTruth,
  type GenerationPlan,
  planGeneration,
  plannedSegmentSizes,
  simulatePlannedUser,
} from './generate-plan.js';

export interface GeneratedLogFiles {
  eventsPath: string;
  /** Default: `<events path without extension>.truth.csv`. */
  truthPath?: string;
  /** Default: `csv`. */
  format?: 'csv' | 'parquet';
  onProgress?: ProgressCallback;
}

export interface GeneratedLogSummary {
  eventsPath: string;
  truthPath: string;
  format: 'csv' | 'parquet';
  users: number;
  events: number;
  segmentSizes: number[];
  noiseUsers: number;
  bots: number;
}

/** Bytes per write, and users whose ids are encoded together. */
const CHUNK_BYTES = 1 << 20;
const USERS_PER_BATCH = 1024;

/** `dir/events.truth.csv` for `dir/events.csv` (or `.parquet`, or no extension). */
export function defaultTruthPath(eventsPath: string): string {
  const name = basename(eventsPath);
  const ext = extname(name);
  return join(dirname(eventsPath), `${ext.length > 0 ? name.slice(0, -ext.length) : name}.truth.csv`);
}

/**
 * Generate the log for `options` (the same log `generateSequences(options)` returns) and write it.
 * Both files appear atomically (temp file + rename); on failure neither is left half-written.
 * @throws RangeError on bad options or a bad format.
 */
export async function writeGeneratedLog(
  options: GenerateOptions,
  files: GeneratedLogFiles,
): Promise<GeneratedLogSummary> {
  const format = files.format ?? 'csv';
  if (format !== 'csv' && format !== 'parquet')
    throw new RangeError(`writeGeneratedLog: format ("${format}") must be csv or parquet`);
  const plan = planGeneration(options);
  const truthPath = files.truthPath ?? defaultTruthPath(files.eventsPath);
  const onProgress = files.onProgress ?? silentProgress;
  let events = 0;
  if (format === 'csv') {
    // The truth file is put in place inside the events' temp-file window: if it fails, no events file appears.
    await atomicWriteStream(files.eventsPath, async (write) => {
      events = await produceCsv(plan, write, onProgress);
      await writeTruthCsv(truthPath, plan.truth);
    });
  } else {
    const csv = `${tempPathFor(files.eventsPath)}.csv`;
    try {
      await atomicWriteStream(csv, async (write) => {
        events = await produceCsv(plan, write, onProgress);
      });
      await copyCsvToParquet(csv, files.eventsPath, TAOBAO_COLUMNS);
    } finally {
      rmSync(csv, { force: true });
    }
    try {
      await writeTruthCsv(truthPath, plan.truth);
    } catch (error) {
      rmSync(files.eventsPath, { force: true });
      throw error;
    }
  }
  const { sizes, noise, bots } = plannedSegmentSizes(plan.options);
  return {
    eventsPath: files.eventsPath,
    truthPath,
    format,
    users: plan.options.users,
    events,
    segmentSizes: Array.from(sizes),
    noiseUsers: noise,
    bots,
  };
}

const TAOBAO_COLUMNS = [
  { name: 'user_id', type: 'int64' },
  { name: 'item_id', type: 'int64' },
  { name: 'category_id', type: 'int64' },
  { name: 'behavior_type', type: 'string' },
  { name: 'timestamp', type: 'int64' },
] as const;

async function produceCsv(
  plan: GenerationPlan,
  write: (chunk: Uint8Array) => Promise<void>,
  onProgress: ProgressCallback,
): Promise<number> {
  const itemIds = encodeStrings(plan.catalog.itemIds);
  const categoryIds = encodeStrings(plan.catalog.categoryIds);
  const user = new EventBuffer();
  const pending = new EventBuffer();
  const n = plan.options.users;
  const chunk = new CsvChunk(CHUNK_BYTES);
  let events = 0;
  for (let u0 = 0; u0 < n; u0 += USERS_PER_BATCH) {
    // User ids are encoded a batch at a time, so memory stays flat for any number of users.
    const batch = plan.truth.users.slice(u0, Math.min(n, u0 + USERS_PER_BATCH));
    const userIds = encodeStrings(batch);
    for (let b = 0; b < batch.length; b++) {
      simulatePlannedUser(plan, u0 + b, user, pending);
      for (let e = 0; e < user.length; e++) {
        if (chunk.flushable()) {
          // write() may hold the buffer until the write completes, so hand it a copy.
          await write(chunk.filled().slice());
          chunk.clear();
        }
        chunk.row(
          userIds,
          b,
          itemIds,
          user.items[e],
          categoryIds,
          user.categories[e],
          user.behaviors[e],
          user.ts[e],
        );
      }
      events += user.length;
    }
    onProgress({ task: 'generate', done: u0 + batch.length, total: n, detail: `${events} events` });
  }
  if (chunk.length > 0) await write(chunk.filled().slice());
  return events;
}

/** Truth file contents: header `user_id,segment,is_bot`, one line per user. */
export function formatTruthCsv(truth: GeneratedTruth, from = 0, to = truth.users.length): string {
  let text = from === 0 ? 'user_id,segment,is_bot\n' : '';
  for (let u = from; u < to; u++) text += `${truth.users[u]},${truth.segment[u]},${truth.isBot[u]}\n`;
  return text;
}

/** Write the truth file atomically, 64k users per chunk. */
export async function writeTruthCsv(path: string, truth: GeneratedTruth): Promise<void> {
  await atomicWriteStream(path, async (write) => {
    for (let u = 0; u < Math.max(1, truth.users.length); u += 1 << 16) {
      await write(formatTruthCsv(truth, u, Math.min(truth.users.length, u + (1 << 16))));
    }
  });
}
