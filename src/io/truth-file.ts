/**
 * Truth labelings keyed by user: a CSV with a header naming `user_id` and one of `segment` or
 * `label` (other columns, such as the generator's `is_bot`, are ignored). Quoted fields allowed.
 */
import { readFileSync } from 'node:fs';
import { InputError } from '../util/errors.js';
import { csvFields } from './csv-fields.js';

/**
 * Read `user_id -> segment`.
 * @throws InputError naming the file, line and field for a missing file or column, a non-integer
 *   label, or a user listed twice.
 */
export function readTruthFile(path: string): Map<string, number> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new InputError(`cannot read: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, {
      file: path,
    });
  }
  const lines = text.split(/\r?\n/);
  const header = csvFields(lines[0] ?? '');
  const userCol = header.indexOf('user_id');
  const labelCol = header.indexOf('segment') >= 0 ? header.indexOf('segment') : header.indexOf('label');
  if (userCol < 0)
    throw new InputError('the header has no user_id column', { file: path, line: 1, field: 'user_id' });
  if (labelCol < 0)
    throw new InputError('the header has no segment (or label) column', {
      file: path,
      line: 1,
      field: 'segment',
    });
  const out = new Map<string, number>();
  for (let i = 1; i < lines.length; i++) {
    if (lines[i].length === 0) continue;
    const fields = csvFields(lines[i]);
    const user = fields[userCol];
    const raw = fields[labelCol];
    if (user === undefined || raw === undefined)
      throw new InputError(`expected ${header.length} fields, got ${fields.length}`, {
        file: path,
        line: i + 1,
      });
    const label = Number(raw);
    if (!Number.isInteger(label) || label < -1)
      throw new InputError(`"${raw}" is not an integer label >= -1`, {
        file: path,
        line: i + 1,
        field: header[labelCol],
      });
    if (out.has(user))
      throw new InputError(`user ${user} is listed twice`, { file: path, line: i + 1, field: 'user_id' });
    out.set(user, label);
  }
  if (out.size === 0) throw new InputError('no labels (empty file)', { file: path });
  return out;
}
