"""Peer timings for bench/metrics.ts: scikit-learn 1.2 on the same .npy data.

Usage: /usr/bin/python3 bench/metrics_peer.py DIR
Reads DIR/sil_X.npy + DIR/sil_labels.npy (20,000 x 64) and DIR/big_X.npy + DIR/big_labels.npy +
DIR/big_truth.npy (1,000,000 points); prints one JSON line: per call, wall and CPU seconds (best of
`repeats`) and the value, so the TypeScript side can check agreement.
"""
import json
import sys
import time

import numpy as np
from sklearn import metrics


def best_of(repeats, fn):
    wall, cpu, value = float("inf"), float("inf"), None
    for _ in range(repeats):
        t, c = time.perf_counter(), time.process_time()
        value = fn()
        wall, cpu = min(wall, time.perf_counter() - t), min(cpu, time.process_time() - c)
    return {"wall": wall, "cpu": cpu, "value": float(value)}


def main(folder):
    out = {}
    X = np.load(f"{folder}/sil_X.npy")
    labels = np.load(f"{folder}/sil_labels.npy")
    out["silhouette_20000"] = best_of(2, lambda: metrics.silhouette_score(X, labels))
    X = np.load(f"{folder}/big_X.npy")
    labels = np.load(f"{folder}/big_labels.npy")
    truth = np.load(f"{folder}/big_truth.npy")
    out["calinski_harabasz"] = best_of(3, lambda: metrics.calinski_harabasz_score(X, labels))
    out["davies_bouldin"] = best_of(3, lambda: metrics.davies_bouldin_score(X, labels))
    external = {
        "rand": metrics.rand_score,
        "adjusted_rand": metrics.adjusted_rand_score,
        "mutual_info": metrics.mutual_info_score,
        "normalized_mutual_info": metrics.normalized_mutual_info_score,
        "adjusted_mutual_info": metrics.adjusted_mutual_info_score,
        "homogeneity": metrics.homogeneity_score,
        "completeness": metrics.completeness_score,
        "v_measure": metrics.v_measure_score,
        "fowlkes_mallows": metrics.fowlkes_mallows_score,
    }
    for name, fn in external.items():
        out[name] = best_of(3, lambda fn=fn: fn(truth, labels))
    print(json.dumps(out))


if __name__ == "__main__":
    main(sys.argv[1])
