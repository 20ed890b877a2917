"""numpy/scipy side of benchmarks/recommender/compare-cli.sh: the item-item cosine recommender of
`bankml recommend --all` written with numpy/scipy, on the same bank directory.

    python3 cli_scipy.py BANKDIR K plain|equivalent OUT.txt

Reads customers.csv, products.csv and holdings.csv with pandas (not timed, like the CLI's CSV
reading), then times one of two computations from the integer codes on, once, in this fresh process
(as the CLI times one cold run in its fresh JVM):

  plain       sparse X (CSR), X^T X, cosine, scores X.S, held masked, argpartition top-k, ordered
              (what benchmarks/sklearn_side.py times, plus building X)
  equivalent  the same plus what bankml's CLI does inside its timing: the catalogue's eligibility
              rules (age and income limits, requires-any, excludes) as of the latest opening,
              popularity blended in for customers holding one product (weight 0.1), popularity for
              customers holding none and as the fill when fewer than k products score, ties to the
              more popular product

Prints one line `seconds S` and writes the top-k (product indices, best first, one customer a line)
to OUT.txt for the agreement check.
"""
import sys
import time

import numpy as np
import pandas as pd
import scipy.sparse as sp


def read(bank):
    customers = pd.read_csv(f"{bank}/customers.csv", usecols=["customer_id", "birth_date", "annual_income"],
                            dtype={"customer_id": str, "birth_date": str})
    products = pd.read_csv(f"{bank}/products.csv", dtype=str, keep_default_na=False)
    holdings = pd.read_csv(f"{bank}/holdings.csv", dtype=str)
    cust_index = pd.Index(customers["customer_id"])
    prod_index = pd.Index(products["product_id"])
    cust = cust_index.get_indexer(holdings["customer_id"]).astype(np.int32)
    item = prod_index.get_indexer(holdings["product_id"]).astype(np.int32)
    opened = pd.to_datetime(holdings["opened_date"]).max()
    birth = pd.to_datetime(customers["birth_date"])
    n = len(products)

    def refs(column):
        m = np.zeros((n, n), dtype=np.float32)  # m[j, i] = 1: product i's rule names product j
        for i, text in enumerate(products[column]):
            for pid in filter(None, text.split("|")):
                m[prod_index.get_loc(pid), i] = 1
        return m

    return dict(
        customers=len(customers), items=n, cust=cust, item=item,
        birth_y=birth.dt.year.to_numpy(np.int32), birth_md=(birth.dt.month * 100 + birth.dt.day).to_numpy(np.int32),
        as_of_y=opened.year, as_of_md=opened.month * 100 + opened.day,
        income=customers["annual_income"].to_numpy(np.float64),
        min_age=products["min_age"].astype(int).to_numpy(),
        max_age=products["max_age"].replace("", "1000").astype(int).to_numpy(),
        min_income=products["min_income"].astype(float).to_numpy(),
        requires=refs("requires_any"), excludes=refs("excludes"),
        has_requires=(products["requires_any"] != "").to_numpy())


def matrix(d):
    x = sp.csr_matrix((np.ones(len(d["cust"]), dtype=np.float32), (d["cust"], d["item"])),
                      shape=(d["customers"], d["items"]))
    x.sum_duplicates()
    x.data[:] = 1.0  # a product held twice counts once
    return x


def cosine(x):
    co = (x.T @ x).toarray().astype(np.float64)
    n = np.diag(co).copy()
    with np.errstate(divide="ignore", invalid="ignore"):
        s = co / np.sqrt(np.outer(n, n))
    s[~np.isfinite(s)] = 0
    np.fill_diagonal(s, 0)
    return s.astype(np.float32), n


def top_k(scores, k):
    kk = min(k, scores.shape[1] - 1)
    part = np.argpartition(-scores, kk, axis=1)[:, :kk]
    order = np.argsort(-np.take_along_axis(scores, part, axis=1), axis=1, kind="stable")
    return np.take_along_axis(part, order, axis=1)


def plain(d, k):
    x = matrix(d)
    s, _ = cosine(x)
    scores = np.asarray(x @ s)
    rows, cols = x.nonzero()
    scores[rows, cols] = -np.inf
    return top_k(scores, k)


def equivalent(d, k):
    x = matrix(d)
    s, support = cosine(x)
    scores = np.asarray(x @ s).astype(np.float64)
    pop = support / d["customers"]
    held = x.toarray().astype(bool)
    h = held.sum(axis=1)
    # eligibility as of the latest opening: age in whole years, income, requires-any, excludes
    age = d["as_of_y"] - d["birth_y"] - (d["as_of_md"] < d["birth_md"])
    ok = (age[:, None] >= d["min_age"]) & (age[:, None] <= d["max_age"])
    ok &= d["income"][:, None] >= d["min_income"]
    ok &= ~d["has_requires"] | (np.asarray(x @ d["requires"]) > 0)
    ok &= np.asarray(x @ d["excludes"]) == 0
    # one holding: popularity blended in (0.1 x the best unheld score / top popularity); none: popularity
    best = np.where(held, 0, scores).max(axis=1)
    w = np.where(best > 0, 0.1 * best / pop.max(), 1.0)
    one = h == 1
    scores[one] += w[one, None] * pop
    scores[h == 0] = pop
    scores += pop * 1e-9  # ties (float32 sums) go to the more popular product
    scores[held | ~ok] = -np.inf
    top = top_k(scores, k)
    return np.where(np.take_along_axis(scores, top, axis=1) > -np.inf, top, -1)


def main():
    bank, k, mode, out = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
    d = read(bank)
    t0 = time.perf_counter()
    top = {"plain": plain, "equivalent": equivalent}[mode](d, k)
    print(f"seconds {time.perf_counter() - t0:.4f}", flush=True)
    with open(out, "w") as f:
        for row in top:
            f.write(" ".join(str(int(v)) for v in row if v >= 0) + "\n")


if __name__ == "__main__":
    main()
