"""scikit-learn reference on one CSV: the same protocol as 'bankml evaluate --cv 5' (stratified 5-fold,
pooled out-of-fold ROC AUC), with imputation + one-hot, then logistic regression or gradient boosting.

Usage: python3 sklearn_baseline.py FILE.csv TARGET POSITIVE [SEED]
Prints one JSON line per model. benchmarks/nested_sklearn.py reads the CSV and builds the
preprocessing with labelled() and preprocessing() from here.
"""
import json
import sys
import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import StratifiedKFold, cross_val_predict
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler



def labelled(path, target, positive):
    """The CSV's feature columns x, its 0/1 labels y (1 where TARGET reads POSITIVE), and the names of
    the categorical (text) and numeric columns of x."""
    d = pd.read_csv(path, keep_default_na=True)
    y = (d[target].astype(str) == positive).astype(int).values
    x = d.drop(columns=[target])
    cat = [c for c in x.columns if x[c].dtype == object]
    num = [c for c in x.columns if c not in cat]
    return x, y, num, cat


def preprocessing(num, cat):
    """Median imputation with missing indicators and scaling of the numeric columns, one-hot of the
    categorical ones (a 'missing' level; levels under 1 % folded into one)."""
    return ColumnTransformer([
        ("num", make_pipeline(SimpleImputer(strategy="median", add_indicator=True), StandardScaler()), num),
        ("cat", make_pipeline(SimpleImputer(strategy="constant", fill_value="missing"),
                              OneHotEncoder(handle_unknown="infrequent_if_exist", min_frequency=0.01)), cat),
    ], sparse_threshold=0)


if __name__ == "__main__":
    path, target, positive = sys.argv[1], sys.argv[2], sys.argv[3]
    seed = int(sys.argv[4]) if len(sys.argv) > 4 else 42
    x, y, num, cat = labelled(path, target, positive)
    cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=seed)
    for name, model in [("logistic", LogisticRegression(max_iter=2000)),
                        ("gradient-boosting", HistGradientBoostingClassifier(random_state=seed))]:
        p = cross_val_predict(make_pipeline(preprocessing(num, cat), model), x, y, cv=cv, method="predict_proba")[:, 1]
        print(json.dumps({"file": path.split("/")[-1], "model": "sklearn " + name, "auc": round(roc_auc_score(y, p), 4)}))
