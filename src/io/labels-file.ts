/**
 * Label files: one integer per line, or `user_id,label` pairs (an optional header line is
 * skipped). -1 is noise, as in `Labels`.
 */
import { readFileSync } from 'node:fs';
import { InputError } from '../util/errors.js';
import type { Labels } from '../util/labels.js';
import { atomicWriteStream } from './atomic-write.js';

export interface LabelsFile {
  labels: Labels;
  /** Present for `user_id,label` files. */
  ids?: string[];
}

const INT = /^-?\d+$/;

/**
 * Read labels. The form is chosen by the first data line: one cell, or two (`id,label`).
 * @throws InputError naming file and line for a non-integer label or a line of the other form.
 * @example readLabels('labels.csv').labels
 */
export function readLabels(path: string): LabelsFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new InputError('no such file (or not readable)', { file: path });
  }
  const lines = text.split(/\r?\n/);
  while (lines.length > 0 && lines[lines.length - 1].trim() === '') lines.pop();
  const labelOf = (line: string) => line.split(',').pop()?.trim() ?? '';
  const first = lines.length > 0 && !INT.test(labelOf(lines[0])) ? 1 : 0;
  const paired = lines.length > first && lines[first].includes(',');
  const n = lines.length - first;
  const labels = new Int32Array(n);
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const cells = lines[first + i].split(',');
    const where = { file: path, line: first + i + 1 };
    if (cells.length !== (paired ? 2 : 1))
      throw new InputError(
        `expected ${paired ? 'user_id,label' : 'one integer'}, found ${cells.length} values`,
        where,
      );
    const label = cells[cells.length - 1].trim();
    if (!INT.test(label) || Number(label) < -1 || Number(label) > 2147483647)
      throw new InputError(`${JSON.stringify(label)} is not a label (an integer >= -1)`, {
        ...where,
        field: 'label',
      });
    labels[i] = Number(label);
    if (paired) ids.push(cells[0].trim());
  }
  return paired ? { labels, ids } : { labels };
}

/**
 * Write labels atomically: one per line, or `user_id,label` with a header when `ids` is given.
 * @throws RangeError when ids and labels differ in length.
 */
export async function writeLabels(path: string, labels: Labels, ids?: readonly string[]): Promise<void> {
  if (ids !== undefined && ids.length !== labels.length)
    throw new RangeError(`writeLabels: ids.length (${ids.length}) != labels.length (${labels.length})`);
  await atomicWriteStream(path, async (write) => {
    let chunk = ids ? 'user_id,label\n' : '';
    for (let i = 0; i < labels.length; i++) {
      chunk += ids ? `${ids[i]},${labels[i]}\n` : `${labels[i]}\n`;
      if (chunk.length > 1 << 20) {
        await write(chunk);
        chunk = '';
      }
    }
    await write(chunk);
  });
}

/**
 * Parse label text: one integer per line; a trailing newline and `\r\n` endings are accepted.
 * @throws InputError naming the file and line of the first non-integer or out-of-range value.
 * @example parseLabels('0\n1\n-1\n') // Int32Array [0, 1, -1]
 */
export function parseLabels(text: string, file = '<labels>'): Labels {
  const lines = text.split(/\r?\n/);
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  const out = new Int32Array(lines.length);
  for (let i = 0; i < lines.length; i++) {
    const s = lines[i].trim();
    if (!/^-?\d+$/.test(s))
      throw new InputError(`"${lines[i]}" is not an integer label`, { file, line: i + 1 });
    const v = Number(s);
    if (v < -1 || v > 0x7fffffff)
      throw new InputError(`label ${v} is out of range (-1 = noise, else 0..2^31-1)`, { file, line: i + 1 });
    out[i] = v;
  }
  return out;
}
