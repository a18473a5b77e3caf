/** A 2-D `.npy` array as a float32 `Matrix` (float64 and int32 are converted). */
import { InputError } from '../util/errors.js';
import type { Matrix } from '../util/matrix.js';
import { type NpyArray, readNpy } from './npy.js';

/**
 * The array as a Matrix. @throws InputError naming `file` unless the array is 2-D.
 * @example npyToMatrix({ dtype: 'float32', shape: [1, 2], data: Float32Array.of(1, 2) })
 */
export function npyToMatrix(array: NpyArray, file = '<npy>'): Matrix {
  if (array.shape.length !== 2)
    throw new InputError(`expected a 2-D array (rows x cols), got shape (${array.shape.join(', ')})`, {
      file,
    });
  const [rows, cols] = array.shape;
  const data = array.data instanceof Float32Array ? array.data : Float32Array.from(array.data);
  return { rows, cols, data };
}

/** Read a 2-D `.npy` file as a Matrix. @throws InputError for unreadable or non-2-D files. */
export function readNpyMatrix(file: string): Matrix {
  return npyToMatrix(readNpy(file), file);
}
