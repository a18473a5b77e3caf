/**
 * Map a loaded row index back to its line in the source file. Accepted rows fill the file's lines
 * in order, skipping the header and every line rejected as broken, so row r sits on the smallest
 * line L with L - headerLines - rejectedUpTo(L) = r + 1. Assumes no blank lines and no quoted
 * newlines (each record is one line), which holds for the supported schemas.
 */

/**
 * A function from 0-based row index to 1-based line number.
 * @example lineLocator(1, [3])(1) // 4: line 1 header, row 0 on line 2, line 3 rejected
 */
export function lineLocator(headerLines: number, rejectedLines: readonly number[]): (row: number) => number {
  const rejected = [...new Set(rejectedLines)].sort((a, b) => a - b);
  const countUpTo = (line: number): number => {
    let lo = 0;
    let hi = rejected.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (rejected[mid] <= line) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return (row) => {
    const base = headerLines + row + 1;
    let skipped = 0;
    for (;;) {
      const next = countUpTo(base + skipped);
      if (next === skipped) return base + skipped;
      skipped = next;
    }
  };
}
