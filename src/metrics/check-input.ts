/**
 * Shared argument checks for the metric functions: invalid input throws a RangeError that names
 * the function and the parameter (`silhouette: labels.length (9) != rows (10)`).
 */
import type { Labels } from '../util/labels.js';
import type { Matrix } from '../util/matrix.js';
import { assertFinite } from '../util/matrix.js';

/** @throws RangeError when `labels` has the wrong length or a label below -1. */
export function checkLabels(caller: string, labels: Labels, rows: number, name = 'labels'): void {
  if (labels.length !== rows)
    throw new RangeError(`${caller}: ${name}.length (${labels.length}) != rows (${rows})`);
  for (let i = 0; i < labels.length; i++) {
    if (labels[i] < -1) throw new RangeError(`${caller}: ${name}[${i}] (${labels[i]}) < -1; -1 marks noise`);
  }
}

/** @throws RangeError when the two labelings differ in length (external indices). */
export function checkLabelPair(caller: string, truth: Labels, pred: Labels): void {
  if (truth.length !== pred.length) {
    throw new RangeError(`${caller}: pred.length (${pred.length}) != truth.length (${truth.length})`);
  }
  checkLabels(caller, truth, truth.length, 'truth');
  checkLabels(caller, pred, pred.length, 'pred');
}

/** Vectors and labels for an internal index: lengths agree, labels >= -1, every value finite. */
export function checkVectors(caller: string, X: Matrix, labels: Labels): void {
  checkLabels(caller, labels, X.rows);
  assertFinite(X, caller);
}
