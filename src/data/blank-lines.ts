/**
 * Blank lines in a text file. DuckDB's CSV reader skips them without a trace, so row indices stop
 * matching line numbers after one; the loader hands their line numbers to the line locator as
 * lines that hold no row. The common case (no blank line) costs one native substring search per
 * chunk; only a file that has one is scanned byte by byte for line numbers.
 */
import { closeSync, openSync, readSync } from 'node:fs';

const CHUNK = 1 << 24;

/** 1-based line numbers of empty lines that come before the last non-empty line. */
export function blankLines(path: string): number[] {
  return hasBlankLine(path) ? scanBlankLines(path) : [];
}

function hasBlankLine(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(CHUNK);
    for (let position = 0; ; ) {
      // Chunks overlap by two bytes so a pattern split across a boundary is still seen.
      const start = Math.max(0, position - 2);
      const n = readSync(fd, buf, 0, CHUNK, start);
      if (n === 0) return false;
      const view = buf.subarray(0, n);
      if (start === 0 && (view[0] === 10 || (view[0] === 13 && view[1] === 10))) return true;
      if (view.indexOf('\n\n') >= 0 || view.indexOf('\n\r\n') >= 0) return true;
      if (start + n <= position) return false;
      position = start + n;
    }
  } finally {
    closeSync(fd);
  }
}

function scanBlankLines(path: string): number[] {
  const blank: number[] = [];
  let lastContent = 0;
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(CHUNK);
    let line = 1;
    let length = 0;
    for (let position = 0; ; ) {
      const n = readSync(fd, buf, 0, CHUNK, position);
      if (n === 0) break;
      position += n;
      for (let i = 0; i < n; i++) {
        const b = buf[i];
        if (b === 10) {
          if (length === 0) blank.push(line);
          else lastContent = line;
          line++;
          length = 0;
        } else if (b !== 13) length++;
      }
    }
    if (length > 0) lastContent = line;
  } finally {
    closeSync(fd);
  }
  // Blank lines after the last row hold no row and shift nothing.
  return blank.filter((l) => l < lastContent);
}
