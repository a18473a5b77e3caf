"""Peer timings for bench/kernels.ts: scikit-learn on the same .npy data.

Usage: /usr/bin/python3 bench/kernels_peer.py DIR
Reads DIR/silhouette_X.npy (float32), DIR/silhouette_labels.npy (int32), DIR/nearest_X.npy,
DIR/nearest_C.npy, DIR/neighbors_X.npy; writes DIR/sk_silhouette.npy, DIR/sk_nearest_index.npy,
DIR/sk_nearest_distance.npy, DIR/sk_knn_index.npy, DIR/sk_radius_pairs.npy
and prints one JSON line with the wall and CPU seconds each call took (best of `repeats`).
"""
import json
import sys
import time

import numpy as np
from sklearn.metrics import pairwise_distances_argmin_min, silhouette_samples
from sklearn.neighbors import NearestNeighbors


def best_of(repeats, fn):
    """Best wall seconds and best CPU seconds (all threads of the process) over `repeats` calls."""
    wall, cpu, result = float("inf"), float("inf"), None
    for _ in range(repeats):
        t, c = time.perf_counter(), time.process_time()
        result = fn()
        wall, cpu = min(wall, time.perf_counter() - t), min(cpu, time.process_time() - c)
    return {"wall": wall, "cpu": cpu}, result


def main(folder):
    X = np.load(f"{folder}/silhouette_X.npy")
    labels = np.load(f"{folder}/silhouette_labels.npy")
    seconds_silhouette, s = best_of(1, lambda: silhouette_samples(X, labels, metric="euclidean"))
    np.save(f"{folder}/sk_silhouette.npy", s.astype(np.float64))
    Xn = np.load(f"{folder}/nearest_X.npy")
    C = np.load(f"{folder}/nearest_C.npy")
    seconds_nearest, (index, distance) = best_of(5, lambda: pairwise_distances_argmin_min(Xn, C))
    np.save(f"{folder}/sk_nearest_index.npy", index.astype(np.int32))
    np.save(f"{folder}/sk_nearest_distance.npy", distance.astype(np.float64))
    Xk = np.load(f"{folder}/neighbors_X.npy")
    k, eps = 10, 1.5
    # scikit-learn counts the query point itself among kneighbors(X); ask for k + 1 and drop it.
    seconds_knn, (_, knn_index) = best_of(1, lambda: NearestNeighbors(n_neighbors=k + 1).fit(Xk).kneighbors(Xk))
    np.save(f"{folder}/sk_knn_index.npy", knn_index[:, 1:].astype(np.int32))
    seconds_radius, radius = best_of(1, lambda: NearestNeighbors(radius=eps).fit(Xk).radius_neighbors(Xk, return_distance=False))
    pairs = np.array([sum(len(r) for r in radius)], dtype=np.int32)
    np.save(f"{folder}/sk_radius_pairs.npy", pairs)
    print(json.dumps({
        "silhouette_samples": seconds_silhouette,
        "pairwise_distances_argmin_min": seconds_nearest,
        "kneighbors": seconds_knn,
        "radius_neighbors": seconds_radius,
    }))


if __name__ == "__main__":
    main(sys.argv[1])
