/** Dense row-major float32 matrix: the shape every encoder returns and every clusterer takes. */
export interface Matrix {
  readonly rows: number;
  readonly cols: number;
  readonly data: Float32Array;
}

/**
 * A matrix over `data` (or zeros).
 * @throws RangeError if rows/cols are not non-negative integers or data has the wrong length.
 * @example matrix(2, 2, new Float32Array([1, 0, 0, 1]))
 */
export function matrix(rows: number, cols: number, data?: Float32Array): Matrix {
  if (!Number.isInteger(rows) || rows < 0)
    throw new RangeError(`matrix: rows (${rows}) must be a non-negative integer`);
  if (!Number.isInteger(cols) || cols < 0)
    throw new RangeError(`matrix: cols (${cols}) must be a non-negative integer`);
  const d = data ?? new Float32Array(rows * cols);
  if (d.length !== rows * cols)
    throw new RangeError(`matrix: data.length (${d.length}) != rows*cols (${rows * cols})`);
  return { rows, cols, data: d };
}

/** Row i as a subarray view (no copy). */
export function rowView(X: Matrix, i: number): Float32Array {
  return X.data.subarray(i * X.cols, (i + 1) * X.cols);
}

/** Build a matrix from nested arrays (tests and small inputs). @throws RangeError on ragged rows. */
export function matrixFromRows(rows: ArrayLike<ArrayLike<number>>): Matrix {
  const n = rows.length;
  const d = n === 0 ? 0 : rows[0].length;
  const out = new Float32Array(n * d);
  for (let i = 0; i < n; i++) {
    if (rows[i].length !== d)
      throw new RangeError(`matrixFromRows: row ${i} has ${rows[i].length} values, expected ${d}`);
    for (let j = 0; j < d; j++) out[i * d + j] = rows[i][j];
  }
  return { rows: n, cols: d, data: out };
}

/** Rows selected by index, copied into a new matrix. */
export function selectRows(X: Matrix, index: ArrayLike<number>): Matrix {
  const out = new Float32Array(index.length * X.cols);
  for (let r = 0; r < index.length; r++) out.set(rowView(X, index[r]), r * X.cols);
  return { rows: index.length, cols: X.cols, data: out };
}

/**
 * Throws if any value is NaN or infinite, naming the caller, row and column.
 * @throws RangeError `caller: X[row, col] is NaN`
 */
export function assertFinite(X: Matrix, caller: string): void {
  const { data, cols } = X;
  if (allFinite(data)) return;
  for (let i = 0; i < data.length; i++) {
    if (!Number.isFinite(data[i])) {
      throw new RangeError(
        `${caller}: X[${Math.floor(i / cols)}, ${i % cols}] is ${data[i]}; remove or impute non-finite values`,
      );
    }
  }
}

/** Values checked per call of `finiteSpan`. */
const FINITE_SPAN = 65536;

/**
 * Whether every value is finite: x * 0 is 0 for finite x and NaN for NaN and +-Infinity, so the
 * sum of x * 0 is 0 exactly when all are finite. In spans of FINITE_SPAN values: a short function
 * called many times is optimized after a few calls, while one long loop runs its first call ~4x
 * slower (on-stack replacement), which is the call a one-off CLI fit makes (measured on 64M values:
 * 240-300 ms as one loop, ~60 ms in spans).
 */
function allFinite(data: Float32Array): boolean {
  let sum = 0;
  for (let from = 0; from < data.length; from += FINITE_SPAN)
    sum += finiteSpan(data, from, Math.min(data.length, from + FINITE_SPAN));
  return sum === 0;
}

/** sum of x * 0 over data[from .. to), in four sums (one running sum is a chain of dependent adds). */
function finiteSpan(data: Float32Array, from: number, to: number): number {
  let a = 0;
  let b = 0;
  let c = 0;
  let e = 0;
  let i = from;
  for (; i + 3 < to; i += 4) {
    a += data[i] * 0;
    b += data[i + 1] * 0;
    c += data[i + 2] * 0;
    e += data[i + 3] * 0;
  }
  for (; i < to; i++) a += data[i] * 0;
  return a + b + c + e;
}
