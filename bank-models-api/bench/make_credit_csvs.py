"""Writes synthetic credit CSVs of several 'public dataset' shapes for the scikit-learn comparison.

Mixed numeric and categorical columns, real missing values, non-linear effects and interactions,
5-30 % positives. Usage: python3 make_credit_csvs.py OUTDIR
"""
import sys
import numpy as np
import pandas as pd


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def german_like(rng, n=1000):
    # small, many categoricals, ~30 % bad (the German-credit shape)
    d = pd.DataFrame({
        "duration": rng.integers(4, 72, n),
        "amount": np.round(rng.lognormal(8, 0.7, n)),
        "age": rng.integers(19, 75, n),
        "installment_rate": rng.integers(1, 5, n),
        "checking": rng.choice(["<0", "0-200", ">200", "none"], n, p=[.27, .27, .06, .40]),
        "history": rng.choice(["critical", "delayed", "paid", "existing", "none"], n),
        "purpose": rng.choice(["car", "furniture", "radio/tv", "education", "business", "repairs"], n),
        "savings": rng.choice(["<100", "100-500", "500-1000", ">1000", "unknown"], n),
        "employment": rng.choice(["unemployed", "<1", "1-4", "4-7", ">7"], n),
        "housing": rng.choice(["own", "rent", "free"], n, p=[.7, .2, .1]),
    })
    z = (-1.6 + 0.03 * (d.duration - 20) + 0.25 * np.log(d.amount / 3000)
         + np.where(d.checking == "<0", 1.0, np.where(d.checking == "none", -0.9, 0))
         + np.where(d.history == "critical", -0.5, np.where(d.history == "delayed", 0.6, 0))
         + np.where(d.age < 25, 0.5, 0) + np.where((d.age > 60) & (d.housing == "free"), 0.6, 0)
         + np.where(d.savings == "<100", 0.4, 0) + 0.1 * d.installment_rate)
    d["bad"] = np.where(rng.random(n) < sigmoid(z), "bad", "good")
    for c, rate in [("savings", .05), ("employment", .03), ("amount", .02)]:
        d.loc[rng.random(n) < rate, c] = np.nan
    return d, "bad", "bad"


def mid_numeric(rng, n=20000):
    # mostly numeric with missing values and thresholds, ~8 % positives (a 'give me some credit' shape)
    util = np.clip(rng.beta(1.2, 3, n) * 1.3, 0, 1.5)
    age = rng.integers(21, 90, n)
    late30 = rng.poisson(0.25, n)
    late90 = rng.poisson(0.08, n)
    debt_ratio = rng.lognormal(-1, 0.8, n)
    income = np.round(rng.lognormal(8.5, 0.6, n))
    open_lines = rng.poisson(8, n)
    dependents = rng.poisson(0.8, n)
    region = rng.choice(["north", "south", "east", "west", "centre"], n)
    z = (-3.4 + 2.2 * np.minimum(util, 1) ** 2 + 0.9 * np.minimum(late30, 3) + 1.4 * np.minimum(late90, 2)
         - 0.02 * (age - 50) + 0.5 * (debt_ratio > 1.0) - 0.3 * np.log(income / 5000)
         + 0.3 * (open_lines < 3) + 0.5 * (util > 0.9) * (late30 > 0) + np.where(region == "south", 0.25, 0))
    d = pd.DataFrame({"utilization": util.round(4), "age": age, "late_30_59": late30, "late_90": late90,
                      "debt_ratio": debt_ratio.round(4), "monthly_income": income, "open_lines": open_lines,
                      "dependents": dependents.astype(float), "region": region})
    d["delinquent"] = (rng.random(n) < sigmoid(z)).astype(int)
    d.loc[rng.random(n) < 0.2, "monthly_income"] = np.nan
    d.loc[rng.random(n) < 0.03, "dependents"] = np.nan
    return d, "delinquent", "1"


def wide_categorical(rng, n=50000):
    # larger, a high-cardinality categorical, ~15 % positives (a 'lending club' shape)
    grade = rng.choice(list("ABCDEFG"), n, p=[.18, .28, .25, .15, .08, .04, .02])
    state = rng.choice([f"S{i:02d}" for i in range(40)], n)
    term = rng.choice(["36 months", "60 months"], n, p=[.7, .3])
    purpose = rng.choice(["debt_consolidation", "credit_card", "home_improvement", "other", "major_purchase",
                          "small_business", "car", "medical"], n)
    home = rng.choice(["RENT", "MORTGAGE", "OWN"], n)
    annual_inc = np.round(rng.lognormal(11, 0.5, n))
    loan_amnt = np.round(rng.uniform(1000, 40000, n), -2)
    dti = np.clip(rng.normal(18, 8, n), 0, 45)
    emp_length = rng.integers(0, 11, n).astype(float)
    revol_util = np.clip(rng.normal(50, 25, n), 0, 130)
    inq = rng.poisson(0.7, n)
    g = np.array([ord(c) - 65 for c in grade])
    state_eff = {f"S{i:02d}": e for i, e in enumerate(rng.normal(0, 0.15, 40))}
    z = (-2.6 + 0.35 * g + 0.4 * (term == "60 months") + 0.02 * (dti - 18) + 0.004 * (revol_util - 50)
         - 0.35 * np.log(annual_inc / 60000) + 0.25 * np.log(loan_amnt / 15000) + 0.12 * np.minimum(inq, 4)
         + np.where(purpose == "small_business", 0.5, 0) + np.array([state_eff[s] for s in state])
         + 0.3 * (home == "RENT") * (dti > 25))
    d = pd.DataFrame({"grade": grade, "term": term, "purpose": purpose, "home_ownership": home, "addr_state": state,
                      "annual_inc": annual_inc, "loan_amnt": loan_amnt, "dti": dti.round(2),
                      "emp_length": emp_length, "revol_util": revol_util.round(1), "inq_last_6mths": inq})
    d["charged_off"] = np.where(rng.random(n) < sigmoid(z), "yes", "no")
    d.loc[rng.random(n) < 0.06, "emp_length"] = np.nan
    d.loc[rng.random(n) < 0.01, "revol_util"] = np.nan
    return d, "charged_off", "yes"


if __name__ == "__main__":
    out = sys.argv[1]
    rng = np.random.default_rng(2024)
    for name, make in [("german_like", german_like), ("mid_numeric", mid_numeric), ("wide_categorical", wide_categorical)]:
        d, target, positive = make(rng)
        d.to_csv(f"{out}/{name}.csv", index=False)
        print(name, len(d), target, positive, f"{(d[target].astype(str) == positive).mean():.3f}")
