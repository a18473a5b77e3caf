import * as tf from '@tensorflow/tfjs-core';

/**
 * x [n, k] times w [k, m], with a gradient that keeps every product a plain, untransposed 2-D
 * MatMul: dx = dy * transpose(w), dw = transpose(x) * dy, with the transposes materialized.
 * tfjs's own MatMul gradient asks for transposeA/transposeB products, which the WASM backend runs
 * on its slow path (1.2-1.8 GFLOP/s here) instead of XNNPACK (14 GFLOP/s); an explicit transpose
 * is memory-bound and costs far less than the difference.
 */
export const denseMatMul: (x: tf.Tensor2D, w: tf.Tensor2D) => tf.Tensor2D = tf.customGrad(
  (...args: unknown[]) => {
    const [x, w, save] = args as [tf.Tensor2D, tf.Tensor2D, tf.GradSaveFunc];
    save([x, w]);
    return {
      value: tf.matMul(x, w),
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        const [xs, ws] = saved as [tf.Tensor2D, tf.Tensor2D];
        const d = dy as tf.Tensor2D;
        return [tf.matMul(d, tf.transpose(ws)), tf.matMul(tf.transpose(xs), d)];
      },
    };
  },
) as unknown as (x: tf.Tensor2D, w: tf.Tensor2D) => tf.Tensor2D;

/** x [..., k] times w [k, m] plus b [m], reshaped through 2-D so the fast MatMul path runs. */
export function linear(x: tf.Tensor, w: tf.Tensor2D, b?: tf.Tensor1D): tf.Tensor {
  const k = w.shape[0];
  const outShape = [...x.shape.slice(0, -1), w.shape[1]];
  let y: tf.Tensor = denseMatMul(tf.reshape(x, [-1, k]) as tf.Tensor2D, w);
  if (b !== undefined) y = tf.add(y, b);
  return tf.reshape(y, outShape);
}
