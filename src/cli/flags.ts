/**
 * A small, strict flag parser. Each command declares its flags; unknown flags, missing values and
 * bad numbers are all collected and thrown together as one UsageError (exit 2).
 */
import { type ConfigIssue, UsageError } from '../util/errors.js';

export interface FlagSpec {
  /** `string` takes a value, `number` a finite number, `boolean` none; `list` may repeat. */
  type: 'string' | 'number' | 'boolean' | 'list';
  description: string;
  /** Shown in help; applied when the flag is absent. */
  default?: string | number | boolean;
  required?: boolean;
  /** Allowed values for `string`. */
  choices?: readonly string[];
  /** Value placeholder for help, e.g. `FILE`. */
  placeholder?: string;
  /** For `number`: the value must be an integer (seeds, counts). */
  integer?: boolean;
}

export type FlagSpecs = Record<string, FlagSpec>;
export type FlagValue = string | number | boolean | string[] | undefined;
export type ParsedFlags = Record<string, FlagValue>;

/** Parse `argv` (after the command name) against `specs`. `--help` sets `help: true`. */
export function parseFlags(
  command: string,
  argv: readonly string[],
  specs: FlagSpecs,
): ParsedFlags & { help: boolean } {
  const out: ParsedFlags & { help: boolean } = { help: false };
  const problems: ConfigIssue[] = [];
  // Flags given with a bad value: reported once, not again as missing.
  const given = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') {
      out.help = true;
      continue;
    }
    if (!arg.startsWith('--')) {
      problems.push({ path: arg, message: 'unexpected argument (flags start with --)' });
      continue;
    }
    let name = arg.slice(2);
    let value: string | undefined;
    const eq = name.indexOf('=');
    if (eq >= 0) {
      value = name.slice(eq + 1);
      name = name.slice(0, eq);
    }
    const spec = specs[name];
    if (spec === undefined) {
      problems.push({ path: `--${name}`, message: 'unknown flag' });
      continue;
    }
    given.add(name);
    if (spec.type === 'boolean') {
      out[name] = value === undefined ? true : value !== 'false';
      continue;
    }
    if (value === undefined) {
      if (i + 1 >= argv.length || argv[i + 1].startsWith('--')) {
        problems.push({
          path: `--${name}`,
          message: `needs a value${spec.placeholder ? ` (${spec.placeholder})` : ''}`,
        });
        continue;
      }
      value = argv[++i];
    }
    if (spec.type === 'number') {
      const n = Number(value);
      if (value.trim() === '' || !Number.isFinite(n))
        problems.push({ path: `--${name}`, message: `"${value}" is not a number` });
      else if (spec.integer === true && !Number.isSafeInteger(n))
        problems.push({ path: `--${name}`, message: `"${value}" is not an integer` });
      else out[name] = n;
    } else if (spec.type === 'list') {
      const prev = (out[name] as string[] | undefined) ?? [];
      out[name] = [...prev, ...value.split(',').filter((v) => v.length > 0)];
    } else {
      if (spec.choices && !spec.choices.includes(value)) {
        problems.push({ path: `--${name}`, message: `"${value}" is not one of ${spec.choices.join(', ')}` });
      } else out[name] = value;
    }
  }
  for (const [name, spec] of Object.entries(specs)) {
    if (out[name] === undefined && spec.default !== undefined) out[name] = spec.default;
    if (!out.help && spec.required && out[name] === undefined && !given.has(name))
      problems.push({ path: `--${name}`, message: 'is required' });
  }
  // The CLI prefixes "segscope <command>: " to every message.
  if (problems.length > 0) throw new UsageError(`bad usage (see segscope ${command} --help)`, problems);
  return out;
}

/** Help text for a command from its flag specs. */
export function formatHelp(command: string, summary: string, specs: FlagSpecs): string {
  const lines = [`segscope ${command} — ${summary}`, '', 'Options:'];
  const entries = Object.entries(specs);
  const left = entries.map(([name, spec]) => {
    const ph =
      spec.type === 'boolean'
        ? ''
        : ` ${spec.placeholder ?? (spec.choices ? spec.choices.join('|') : spec.type.toUpperCase())}`;
    return `  --${name}${ph}`;
  });
  const width = Math.max(...left.map((l) => l.length), 10) + 2;
  entries.forEach(([, spec], i) => {
    const extra = [
      spec.required ? 'required' : '',
      spec.default !== undefined ? `default ${spec.default}` : '',
    ]
      .filter(Boolean)
      .join(', ');
    lines.push(`${left[i].padEnd(width)}${spec.description}${extra ? ` (${extra})` : ''}`);
  });
  lines.push(`${'  --help'.padEnd(width)}show this help`);
  return lines.join('\n');
}

/** Typed accessors for parsed flags (values were validated by parseFlags). */
export const flag = {
  string: (f: ParsedFlags, name: string): string | undefined => f[name] as string | undefined,
  number: (f: ParsedFlags, name: string): number | undefined => f[name] as number | undefined,
  boolean: (f: ParsedFlags, name: string): boolean => f[name] === true,
  list: (f: ParsedFlags, name: string): string[] => (f[name] as string[] | undefined) ?? [],
};
