/**
 * Errors that carry their exit code. The CLI maps `InputError` and `UsageError` to exit 2 and
 * anything else to exit 1; library callers can branch on `instanceof`.
 */

/** Where in an input a problem sits; every field optional, the message names what is known. */
export interface InputLocation {
  file?: string;
  line?: number;
  field?: string;
}

/** Bad input data (a file, a row, a field): exit code 2. The message names file, line and field. */
export class InputError extends Error {
  readonly exitCode = 2;
  readonly file: string | undefined;
  readonly line: number | undefined;
  readonly field: string | undefined;

  constructor(message: string, where: InputLocation = {}) {
    super(formatLocation(where) + message);
    this.name = 'InputError';
    this.file = where.file;
    this.line = where.line;
    this.field = where.field;
  }
}

/** Bad command-line usage or configuration: exit code 2. `issues` lists every problem at once. */
export class UsageError extends Error {
  readonly exitCode = 2;
  readonly issues: readonly ConfigIssue[];

  constructor(message: string, issues: readonly ConfigIssue[] = []) {
    super(
      issues.length === 0
        ? message
        : `${message}\n${issues.map((i) => `  - ${i.path}: ${i.message}`).join('\n')}`,
    );
    this.name = 'UsageError';
    this.issues = issues;
  }
}

/** One problem in a configuration, zod-style: where it is and what is wrong. */
export interface ConfigIssue {
  path: string;
  message: string;
}

/** `file:line: field "x": ` prefix for a message, from whatever parts are known. */
export function formatLocation(where: InputLocation): string {
  let prefix = '';
  if (where.file !== undefined) prefix += where.file;
  if (where.line !== undefined) prefix += `${prefix ? ':' : 'line '}${where.line}`;
  if (prefix) prefix += ': ';
  if (where.field !== undefined) prefix += `field "${where.field}": `;
  return prefix;
}

/** Node's codes for a path that cannot be read or written (missing, a folder, no permission, disk full). */
const FILE_SYSTEM_CODES = new Set([
  'ENOENT',
  'EISDIR',
  'ENOTDIR',
  'EACCES',
  'EPERM',
  'EROFS',
  'ENOSPC',
  'EEXIST',
  'EDQUOT',
]);

/** Whether `error` is Node's error for a file that could not be read or written. */
export function isFileSystemError(error: unknown): error is NodeJS.ErrnoException {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return error instanceof Error && typeof code === 'string' && FILE_SYSTEM_CODES.has(code);
}

/**
 * Exit code for any thrown value: 2 for bad input or usage (InputError, UsageError, the RangeError
 * of a library parameter check, a file that cannot be read or written), 1 otherwise.
 */
export function exitCodeOf(error: unknown): number {
  if (error instanceof InputError || error instanceof UsageError || error instanceof RangeError) return 2;
  return isFileSystemError(error) ? 2 : 1;
}
