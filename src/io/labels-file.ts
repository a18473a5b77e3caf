/** Label files: one integer per line in row order (-1 = noise), as `segscope metrics` reads them. */
import { readFileSync } from 'node:fs';
import { InputError } from '../util/errors.js';
import type { Labels } from '../util/labels.js';

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

/** Read a label file. @throws InputError as `parseLabels`, or when the file cannot be read. */
export function readLabels(file: string): Labels {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new InputError(`cannot read labels: ${(error as Error).message}`, { file });
  }
  return parseLabels(text, file);
}
