"""numpy/scipy side of compare-scipy.sh: writes the shared holdings file, or times the same
computation as the Java recommender: sparse X, co-occurrence X^T X, cosine similarity, scores
X . S, mask held, top-7 via argpartition (then ordered)."""
import sys
import time

import numpy as np
import scipy.sparse as sp


def generate(path, customers, items, seed):
    rng = np.random.default_rng(seed)
    counts = rng.integers(3, 6, size=customers)  # 3..5 holdings each
    # Distinct items per customer: the first `count` entries of a random permutation, with some
    # structure (popular items more likely) so the similarities are not all equal.
    weights = np.linspace(2.0, 0.5, items)
    keys = rng.random((customers, items)) ** (1.0 / weights)
    order = np.argsort(-keys, axis=1)
    mask = np.arange(items)[None, :] < counts[:, None]
    cust = np.repeat(np.arange(customers, dtype=np.int32), items)[mask.ravel()]
    item = order.astype(np.int32).ravel()[mask.ravel()]
    header = np.array([customers, items, len(cust)], dtype='<i4')
    with open(path, 'wb') as f:
        header.tofile(f)
        cust.astype('<i4').tofile(f)
        item.astype('<i4').tofile(f)


def load(path):
    raw = np.fromfile(path, dtype='<i4')
    customers, items, nnz = raw[:3]
    return int(customers), int(items), raw[3:3 + nnz], raw[3 + nnz:3 + 2 * nnz]


def recommend(customers, items, cust, item, k=7):
    x = sp.csr_matrix((np.ones(len(cust), dtype=np.float32), (cust, item)), shape=(customers, items))
    x.data[:] = 1.0  # duplicates count once
    co = (x.T @ x).toarray()
    n = np.diag(co).copy()
    with np.errstate(divide='ignore', invalid='ignore'):
        s = co / np.sqrt(np.outer(n, n))
    s[~np.isfinite(s)] = 0
    np.fill_diagonal(s, 0)
    scores = np.asarray(x @ s)
    rows, cols = x.nonzero()
    scores[rows, cols] = -np.inf
    part = np.argpartition(-scores, k, axis=1)[:, :k]
    part_scores = np.take_along_axis(scores, part, axis=1)
    order = np.argsort(-part_scores, axis=1, kind='stable')
    return np.take_along_axis(part, order, axis=1)


def main():
    if sys.argv[1] == 'generate':
        generate(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]))
        return
    path, runs, top_out = sys.argv[2], int(sys.argv[3]), sys.argv[4]
    customers, items, cust, item = load(path)
    recommend(customers, items, cust, item)  # warm-up
    top = None
    for _ in range(runs):
        t0, c0 = time.perf_counter(), time.process_time()
        top = recommend(customers, items, cust, item)
        print(f"run {time.perf_counter() - t0:.4f} {time.process_time() - c0:.4f}", flush=True)
    with open(top_out, 'w') as f:
        for row in top[:10000]:
            f.write(' '.join(str(int(v)) for v in row) + '\n')


if __name__ == '__main__':
    main()
