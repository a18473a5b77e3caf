import * as tf from '@tensorflow/tfjs-core';

/**
 * KL(P || Q) averaged over the rows of a batch, with Q the Student-t soft assignment of the
 * embeddings `z` [b, d] to `centroids` [k, d] (Xie et al. 2016, eq. 1-2) and P the fixed target
 * rows [b, k]. Differentiable in z and the centroids; tfjs autodiff supplies the gradients.
 */
export function clusteringLoss(
  z: tf.Tensor2D,
  centroids: tf.Tensor2D,
  target: tf.Tensor2D,
  alpha: number,
): tf.Scalar {
  const diff = tf.sub(tf.expandDims(z, 1), tf.expandDims(centroids, 0));
  const kernel = tf.pow(tf.add(1, tf.div(tf.sum(tf.square(diff), 2), alpha)), -(alpha + 1) / 2);
  const q = tf.div(kernel, tf.sum(kernel, 1, true));
  const eps = 1e-10;
  const kl = tf.sum(tf.mul(target, tf.sub(tf.log(tf.add(target, eps)), tf.log(tf.add(q, eps)))), 1);
  return tf.mean(kl) as tf.Scalar;
}
