#!/usr/bin/env python3
"""scikit-learn's best of four standard models, chosen by inner cross-validation inside each outer
fold: the reference for `bankml evaluate --algorithm auto` (nested) on the same outer folds.

For each outer fold (read from FOLDS, one fold number per row, as bankml-bench OuterFolds prints
bankml's own), a stratified 5-fold inner CV on the outer training rows scores logistic regression,
random forest, histogram gradient boosting and XGBoost (each in the pipeline of
bank-models-api/bench/sklearn_baseline.py: median imputation + indicators, scaling, one-hot with
infrequent levels); the best by inner ROC AUC is refitted on the outer training rows and scores the
outer test rows. Prints one JSON line: the pooled out-of-fold AUC (as bankml's "auc"), the mean of
the per-fold AUCs, and each fold's winner.

Usage: python3 nested_sklearn.py FILE.csv TARGET POSITIVE FOLDS.txt [SEED]
"""
import json
import os
import sys
import time

import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier, RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import StratifiedKFold, cross_val_predict
from sklearn.pipeline import make_pipeline
from xgboost import XGBClassifier

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "bank-models-api", "bench"))
from sklearn_baseline import labelled, preprocessing  # noqa: E402  (the one reference pipeline)

path, target, positive, folds_path = sys.argv[1:5]
seed = int(sys.argv[5]) if len(sys.argv) > 5 else 42
x, y, num, cat = labelled(path, target, positive)
fold = np.array([int(l) for l in open(folds_path) if l.strip()])
assert len(fold) == len(y), "one fold number per row"


def pre():
    return preprocessing(num, cat)


def candidates():
    return {
        "logistic": LogisticRegression(max_iter=2000),
        "random-forest": RandomForestClassifier(n_estimators=200, min_samples_leaf=5, n_jobs=-1, random_state=seed),
        "hist-gradient-boosting": HistGradientBoostingClassifier(random_state=seed),
        "xgboost": XGBClassifier(tree_method="hist", n_estimators=300, learning_rate=0.05, max_depth=4,
                                 subsample=0.8, colsample_bytree=0.8, n_jobs=2, random_state=seed),
    }


start = time.perf_counter()
oof = np.zeros(len(y))
winners = []
for f in sorted(set(fold)):
    tr, te = fold != f, fold == f
    inner = StratifiedKFold(n_splits=5, shuffle=True, random_state=seed)
    scores = {}
    for name, model in candidates().items():
        p = cross_val_predict(make_pipeline(pre(), model), x[tr], y[tr], cv=inner, method="predict_proba")[:, 1]
        scores[name] = roc_auc_score(y[tr], p)
    best = max(scores, key=scores.get)
    model = make_pipeline(pre(), candidates()[best]).fit(x[tr], y[tr])
    oof[te] = model.predict_proba(x[te])[:, 1]
    winners.append({"fold": int(f) + 1, "algorithm": best, "inner_auc": round(scores[best], 4),
                    "outer_auc": round(roc_auc_score(y[te], oof[te]), 4),
                    "inner": {k: round(v, 4) for k, v in scores.items()}})
print(json.dumps({"file": path.split("/")[-1], "model": "scikit-learn best of 4 (nested)",
                  "auc": round(roc_auc_score(y, oof), 4),
                  "mean_fold_auc": round(float(np.mean([w["outer_auc"] for w in winners])), 4),
                  "seconds": round(time.perf_counter() - start, 1), "outer_folds": winners}))
