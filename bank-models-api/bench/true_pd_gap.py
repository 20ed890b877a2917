"""Compares a bankml model's ROC AUC on a generated bank with the AUC of the generator's true_pd.

Usage: python3 true_pd_gap.py BANKDIR PREDICTIONS.csv   (predictions from 'bankml predict --input BANKDIR')
Prints both AUCs and their gap, then the ECE (10 equal-width bins) against the labels and against true_pd.
"""
import csv
import sys


def auc(labels, scores):
    pairs = sorted(zip(scores, labels))
    n_pos = sum(labels)
    n_neg = len(labels) - n_pos
    rank_sum, i = 0.0, 0
    while i < len(pairs):
        j = i
        while j + 1 < len(pairs) and pairs[j + 1][0] == pairs[i][0]:
            j += 1
        avg = (i + j) / 2 + 1
        rank_sum += avg * sum(l for _, l in pairs[i:j + 1])
        i = j + 1
    return (rank_sum - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg)


bank, pred = sys.argv[1], sys.argv[2]
label = {r["loan_id"]: 1 if r["defaulted"] == "true" else 0 for r in csv.DictReader(open(f"{bank}/loans.csv"))}
true_pd = {r["loan_id"]: float(r["true_pd"]) for r in csv.DictReader(open(f"{bank}/truth/loan_default_probability.csv"))}
model = {r["loan_id"]: float(r["probability"]) for r in csv.DictReader(open(pred))}
ids = [i for i in model if i in label]
y = [label[i] for i in ids]
a_model = auc(y, [model[i] for i in ids])
a_true = auc(y, [true_pd[i] for i in ids])
print(f"loans {len(ids)}  default rate {sum(y) / len(y):.3f}  model AUC {a_model:.4f}  true_pd AUC {a_true:.4f}  gap {a_true - a_model:+.4f}")


def ece(labels, probs, bins=10):
    """Expected calibration error with equal-width bins: sum over bins of |mean label - mean probability| weighted by bin size."""
    total, n = 0.0, len(probs)
    for b in range(bins):
        idx = [i for i, p in enumerate(probs) if min(int(p * bins), bins - 1) == b]
        if idx:
            total += len(idx) / n * abs(sum(labels[i] for i in idx) / len(idx) - sum(probs[i] for i in idx) / len(idx))
    return total


p_model = [model[i] for i in ids]
p_true = [true_pd[i] for i in ids]
print(f"ECE {ece(y, p_model):.4f}  ECE vs true_pd {ece(p_true, p_model):.4f}  true_pd's own ECE {ece(y, p_true):.4f}"
      f"  mean prediction {sum(p_model) / len(p_model):.4f}")
