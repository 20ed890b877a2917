#!/usr/bin/env python3
"""scikit-learn's side of benchmarks/compare-sklearn.sh.

Reads the same train/test CSVs, customer view and holdings that bankml's side reads, trains the
reference pipelines and prints one JSON object per line: {"task", "algorithm", "auc", "seconds"}.
Only fitting is timed (reading CSVs is not), as on bankml's side.
"""
import json
import sys
import time

import numpy as np
import pandas as pd
import scipy.sparse as sp
from sklearn.cluster import KMeans
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingClassifier, RandomForestClassifier
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.pipeline import Pipeline, make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler


def emit(**row):
    print(json.dumps(row), flush=True)


def labels(column):
    """0/1 labels from a column written as 0/1 or as true/false."""
    return column.astype(str).str.strip().str.lower().isin(["1", "1.0", "true"]).astype(int)


def loan_models(train_csv, test_csv, target, id_col, drop, only=None):
    train = pd.read_csv(train_csv)
    test = pd.read_csv(test_csv)
    y_train = labels(train[target])
    y_test = labels(test[target])
    cols = [c for c in train.columns if c not in {target, id_col, *drop}]
    numeric = [c for c in cols if pd.api.types.is_numeric_dtype(train[c]) and train[c].dtype != bool]
    categorical = [c for c in cols if c not in numeric]
    for c in categorical:
        train[c] = train[c].astype(str)
        test[c] = test[c].astype(str)
    pre = ColumnTransformer([
        ("num", make_pipeline(SimpleImputer(strategy="median", add_indicator=True), StandardScaler()), numeric),
        ("cat", make_pipeline(SimpleImputer(strategy="most_frequent"),
                              OneHotEncoder(handle_unknown="infrequent_if_exist", min_frequency=10)), categorical),
    ])
    models = {
        "logistic": LogisticRegression(max_iter=2000),
        "random-forest": RandomForestClassifier(n_estimators=200, min_samples_leaf=5, n_jobs=-1, random_state=1),
        # bankml's boosting defaults (300 trees of depth <= 6 with <= 16 leaves, shrinkage 0.05), and no
        # early stopping: scikit-learn would otherwise stop early on > 10k rows and do less work
        "gradient-boosting": HistGradientBoostingClassifier(
            max_iter=300, learning_rate=0.05, max_depth=6, max_leaf_nodes=16, min_samples_leaf=10,
            early_stopping=False, random_state=1),
    }
    for name, model in models.items():
        if only and name not in only:
            continue
        pipe = Pipeline([("pre", pre), ("model", model)])
        start = time.perf_counter()
        pipe.fit(train[cols], y_train)
        seconds = time.perf_counter() - start
        auc = roc_auc_score(y_test, pipe.predict_proba(test[cols])[:, 1])
        emit(task="loan-default", algorithm=name, auc=round(auc, 4), seconds=round(seconds, 3),
             train_rows=int(len(train)), test_rows=int(len(test)),
             features=int(pipe.named_steps["pre"].transform(test[cols].head(1)).shape[1]))


def kmeans(customers_csv, id_col, k, drop):
    df = pd.read_csv(customers_csv)
    cols = [c for c in df.columns if c != id_col and c not in drop and pd.api.types.is_numeric_dtype(df[c])]
    x = StandardScaler().fit_transform(SimpleImputer(strategy="median").fit_transform(df[cols]))
    start = time.perf_counter()
    KMeans(n_clusters=k, n_init=3, random_state=1).fit(x)
    emit(task="segmentation", algorithm="kmeans", seconds=round(time.perf_counter() - start, 3),
         rows=int(x.shape[0]), cols=int(x.shape[1]))


def recommender(holdings_csv, k=7):
    h = pd.read_csv(holdings_csv)
    cust = h["customer_id"].astype("category")
    prod = h["product_id"].astype("category")
    x = sp.csr_matrix((np.ones(len(h), dtype=np.float32), (cust.cat.codes, prod.cat.codes)))
    x.data[:] = 1.0
    start = time.perf_counter()
    co = (x.T @ x).toarray()
    counts = np.diag(co).copy()
    norm = np.sqrt(np.outer(counts, counts))
    sim = np.divide(co, norm, out=np.zeros_like(co), where=norm > 0)
    np.fill_diagonal(sim, 0.0)
    scores = np.asarray(x @ sim)
    scores[x.nonzero()] = -np.inf
    kk = min(k, scores.shape[1] - 1)
    top = np.argpartition(-scores, kk, axis=1)[:, :kk]
    order = np.take_along_axis(scores, top, axis=1).argsort(axis=1)[:, ::-1]
    np.take_along_axis(top, order, axis=1)
    emit(task="recommender", algorithm="item-item-cosine", seconds=round(time.perf_counter() - start, 3),
         customers=int(x.shape[0]), products=int(x.shape[1]))


if __name__ == "__main__":
    # train= test= [models=a,b] [customers=] [holdings=]: the loan models (all, or those named), then
    # k-means and the recommender when their files are given
    args = dict(a.split("=", 1) for a in sys.argv[1:])
    drop = [c for c in args.get("drop", "").split(",") if c]
    only = [m for m in args.get("models", "").split(",") if m]
    loan_models(args["train"], args["test"], args.get("target", "defaulted"), args.get("id", "loan_id"), drop, only)
    if "customers" in args:
        kmeans(args["customers"], args.get("customer_id", "customer_id"), int(args.get("k", "6")), drop)
    if "holdings" in args:
        recommender(args["holdings"])
