/**
 * The service's append-only event journal: one JSON line per accepted /v1/events batch, written and
 * fsync'ed before the request is acknowledged, replayed in order on start. A crash mid-write leaves
 * at most one torn final line (never acknowledged); `openEventJournal` cuts it off before appending.
 */
import { closeSync, existsSync, fsyncSync, ftruncateSync, openSync, readFileSync, writeSync } from 'node:fs';
import { InputError } from '../util/errors.js';
import type { ServedEvent } from './event-sequences.js';

export interface JournalBatch {
  user_id: string;
  events: ServedEvent[];
}

export interface EventJournal {
  /** Batches already in the file, in order. */
  readonly replayed: JournalBatch[];
  /** Bytes of a torn final line that were cut off (0 normally). */
  readonly tornBytes: number;
  /** Append one batch and fsync; returns after the data is on disk. */
  append(batch: JournalBatch): void;
  close(): void;
}

/**
 * Open (creating) the journal at `path` and read what it holds.
 * @throws InputError when a line other than the last is not valid JSON (the file was edited or is not a journal).
 */
export function openEventJournal(path: string): EventJournal {
  const replayed: JournalBatch[] = [];
  let goodBytes = 0;
  let tornBytes = 0;
  if (existsSync(path)) {
    const text = readFileSync(path);
    let start = 0;
    let line = 0;
    while (start < text.length) {
      const nl = text.indexOf(10, start);
      line++;
      if (nl < 0) {
        tornBytes = text.length - start;
        break;
      }
      try {
        replayed.push(JSON.parse(text.subarray(start, nl).toString('utf8')) as JournalBatch);
      } catch (error) {
        throw new InputError(`event journal line is not JSON: ${(error as Error).message}`, {
          file: path,
          line,
        });
      }
      start = nl + 1;
      goodBytes = start;
    }
  }
  const fd = openSync(path, existsSync(path) ? 'r+' : 'w+');
  if (tornBytes > 0) {
    ftruncateSync(fd, goodBytes);
    fsyncSync(fd);
  }
  let position = goodBytes;
  return {
    replayed,
    tornBytes,
    append(batch) {
      const bytes = Buffer.from(`${JSON.stringify(batch)}\n`, 'utf8');
      let written = 0;
      while (written < bytes.length)
        written += writeSync(fd, bytes, written, bytes.length - written, position + written);
      position += bytes.length;
      fsyncSync(fd);
    },
    close() {
      closeSync(fd);
    },
  };
}
