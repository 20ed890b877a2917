#!/usr/bin/env python3
"""Loan applications of any size for benchmarks/scale-sklearn.sh: ROWS training rows in
OUTDIR/loans_train.csv and ROWS/3 more (drawn the same way) in OUTDIR/loans_test.csv.

Shaped like bankml's loan-application view: 28 numeric inputs (applicant, loan, bureau and account
behaviour; six with missing values), 9 categorical inputs (grade, purpose, product, ...) with 3-10
levels, about 10 % defaults drawn from a non-linear function with thresholds and an interaction.
bankml's default pipeline turns these 37 inputs into about 90 features (scaled numbers, missing
indicators, one-hot levels), as does scikit-learn's equivalent.

Usage: python3 scale_data.py OUTDIR ROWS [SEED]
"""
import sys

import numpy as np
import pandas as pd


def loans(n, rng):
    grade = rng.choice(list("ABCDEFG"), n, p=[.18, .27, .24, .15, .09, .05, .02])
    g = np.array([ord(c) - 65 for c in grade])
    d = {
        "annual_income": np.round(rng.lognormal(10.6, 0.55, n), -2),
        "age": rng.integers(19, 80, n),
        "employment_years": np.clip(rng.gamma(2.0, 3.0, n), 0, 45).round(1),
        "credit_score": np.clip(rng.normal(690 - 25 * g, 45), 300, 850).round(),
        "tenure_months": rng.integers(0, 300, n),
        "dependents": rng.poisson(0.9, n),
        "amount": np.round(rng.lognormal(9.3, 0.7, n), -1),
        "term_months": rng.choice([12, 24, 36, 48, 60, 84], n),
        "interest_rate": (0.05 + 0.025 * g + rng.normal(0, 0.01, n)).round(4),
        "debt_to_income": np.clip(rng.normal(0.28, 0.12, n), 0, 1.2).round(3),
        "existing_debt": np.round(rng.lognormal(9, 1.1, n), -1),
        "delinquencies": rng.poisson(0.2 + 0.1 * g),
        "inquiries_6m": rng.poisson(0.8, n),
        "txn_count_90d": rng.poisson(60, n),
        "spend_90d": np.round(rng.lognormal(8.2, 0.6, n), 2),
        "income_90d": np.round(rng.lognormal(8.9, 0.5, n), 2),
        "avg_balance": np.round(rng.lognormal(7.5, 1.2, n), 2),
        "max_balance": np.round(rng.lognormal(8.2, 1.1, n), 2),
        "min_balance": np.round(rng.normal(300, 900, n), 2),
        "overdraft_days": rng.poisson(1.5 + 0.8 * g),
        "atm_share": rng.beta(2, 8, n).round(3),
        "online_share": rng.beta(5, 3, n).round(3),
        "card_spend_share": rng.beta(4, 4, n).round(3),
        "gambling_share": (rng.beta(0.3, 30, n)).round(4),
        "salary_regular": (rng.random(n) < 0.8).astype(int),
        "months_since_delinquency": rng.integers(0, 120, n).astype(float),
        "utilisation": np.clip(rng.beta(1.5, 3, n) * 1.3, 0, 1.5).round(3),
        "savings_balance": np.round(rng.lognormal(7, 1.8, n), 2),
        "grade": grade,
        "purpose": rng.choice(["debt_consolidation", "car", "home_improvement", "education", "medical", "wedding",
                               "holiday", "business", "furniture", "other"], n),
        "home_ownership": rng.choice(["rent", "mortgage", "own", "other"], n, p=[.4, .38, .2, .02]),
        "employment_status": rng.choice(["employed", "self_employed", "unemployed", "retired", "student"], n,
                                        p=[.68, .12, .05, .1, .05]),
        "education": rng.choice(["secondary", "vocational", "bachelor", "master", "doctorate"], n),
        "marital_status": rng.choice(["single", "married", "divorced", "widowed"], n),
        "region": rng.choice(["north", "south", "east", "west", "centre", "coast", "capital", "islands"], n),
        "product": rng.choice(["personal_loan", "car_loan", "credit_line", "student_loan", "sme_loan"], n),
        "channel": rng.choice(["branch", "online", "mobile"], n),
    }
    util = d["utilisation"]
    z = (-3.9 + 0.28 * g - 0.5 * np.log(d["annual_income"] / 40000) + 1.8 * np.maximum(d["debt_to_income"] - 0.35, 0)
         + 0.35 * np.minimum(d["delinquencies"], 3) + 0.12 * np.minimum(d["inquiries_6m"], 5)
         + 1.1 * (util > 0.9) + 0.6 * (util > 0.9) * (d["salary_regular"] == 0)
         - 0.004 * (d["credit_score"] - 690) + 0.08 * np.minimum(d["overdraft_days"], 10)
         + 6 * d["gambling_share"] + 0.25 * np.log(d["amount"] / 10000) + 0.006 * (d["term_months"] - 36)
         + np.where(d["employment_status"] == "unemployed", 0.7, 0) + np.where(d["age"] < 25, 0.35, 0)
         + np.where(d["purpose"] == "business", 0.4, 0) - 0.15 * np.log1p(d["savings_balance"] / 1000))
    d["defaulted"] = (rng.random(n) < 1 / (1 + np.exp(-z))).astype(int)
    df = pd.DataFrame(d)
    for c, rate in [("annual_income", .04), ("employment_years", .06), ("credit_score", .03),
                    ("months_since_delinquency", .45), ("savings_balance", .1), ("existing_debt", .05)]:
        df.loc[rng.random(n) < rate, c] = np.nan
    df.insert(0, "loan_id", np.arange(1, n + 1))
    df.insert(0, "customer_id", df["loan_id"])  # an id, never a feature (as in the exported loan view)
    return df


if __name__ == "__main__":
    out, rows = sys.argv[1], int(sys.argv[2])
    rng = np.random.default_rng(int(sys.argv[3]) if len(sys.argv) > 3 else 7)
    total = rows * 4 // 3  # ROWS training rows, a quarter as many test rows
    df = loans(total, rng)
    df.iloc[:rows].to_csv(f"{out}/loans_train.csv", index=False)
    df.iloc[rows:].to_csv(f"{out}/loans_test.csv", index=False)
    print(f"{rows} training rows, {total - rows} test rows, {df['defaulted'].mean():.3f} defaulted", file=sys.stderr)
