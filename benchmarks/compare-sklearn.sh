#!/usr/bin/env bash
# bankml (both backends) side by side with scikit-learn on one generated bank.
#
#   benchmarks/compare-sklearn.sh [CUSTOMERS]      (default 20000)
#
# Generates a bank, exports its loan-application view (stratified 75/25 split, seed 7) and customer
# view to CSV, then trains on exactly those files: logistic regression, random forest and gradient
# boosting (ROC AUC on the test part, training seconds including the feature pipeline), k-means (k = 6)
# on the standardised customer view, and the item-item recommender (fit + top-7 for every customer).
# Prints one table with the ratio bankml / scikit-learn in each row. All measured in the same run.
# Environment: BANK_DIR=dir keeps/reuses the generated bank; KEEP=dir keeps both sides' JSON lines;
# BANKML_TASKS=loan-default,segmentation,recommender limits bankml's side; BANKML_REBUILD=1 rebuilds.
# Installs Debian's python3-sklearn and python3-pandas if missing (needs root).
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
customers="${1:-20000}"
py=/usr/bin/python3

need_python "sklearn pandas scipy" python3-sklearn python3-pandas python3-scipy
# A fresh clone builds once; afterwards the jars are reused (BANKML_REBUILD=1 forces a build).
build_once bankml-cli bankml-bench
jar="$bench"
java=(java ${JAVA_OPTS:-})
# XGBoost (Tribuo) and scikit-learn's HistGradientBoosting use OpenMP, whose threads busy-wait by
# default; on a small or shared machine that steals the CPU from everything else in the process.
export OMP_WAIT_POLICY="${OMP_WAIT_POLICY:-passive}"

work="$(mktemp -d)"
if [ -n "${KEEP:-}" ]; then
  mkdir -p "$KEEP"
  trap 'cp "$work"/*.jsonl "$KEEP"/ 2>/dev/null || true; rm -rf "$work"' EXIT
else
  trap 'rm -rf "$work"' EXIT
fi
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
# BANK_DIR=dir reuses (or keeps) the generated bank there instead of a temporary one.
bank="${BANK_DIR:-$work/bank}"
if [ ! -f "$bank/loans.csv" ]; then
  echo "generating a bank of $customers customers in $bank ..." >&2
  "${java[@]}" -jar "$cli" generate --customers "$customers" --seed 7 --out "$bank" --quiet >&2
else
  echo "using the bank in $bank" >&2
fi
"${java[@]}" -cp "$jar" dev.bankml.bench.SklearnComparison export "$bank" "$work"

echo "running bankml ..." >&2
"${java[@]}" -cp "$jar" dev.bankml.bench.SklearnComparison run "$work" "$bank" ${BANKML_TASKS:-} > "$work/bankml.jsonl"
echo "running scikit-learn ..." >&2
"$py" "$root/benchmarks/sklearn_side.py" train="$work/loans_train.csv" test="$work/loans_test.csv" \
  customers="$work/customers_view.csv" holdings="$bank/holdings.csv" drop=customer_id > "$work/sklearn.jsonl"

load_after="$(cut -d' ' -f1-3 /proc/loadavg)"
cpu="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
jv="$("${java[@]}" -version 2>&1 | head -1)"
skv="$("$py" -c 'import sklearn, numpy; print("scikit-learn", sklearn.__version__, "numpy", numpy.__version__)')"
"$py" - "$work/bankml.jsonl" "$work/sklearn.jsonl" "$customers" "$cpu" "$jv" "$skv" "$load_before" "$load_after" <<'PY'
import json, os, sys
ours = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
theirs = {(r["task"], r["algorithm"]): r for r in map(json.loads, open(sys.argv[2])) if r}
alias = {"xgboost": "gradient-boosting", "gradient-boosting": "gradient-boosting"}
print(f"bankml vs scikit-learn on one generated bank ({sys.argv[3]} customers)")
print(f"machine: {sys.argv[4]}, {os.cpu_count()} cores; {sys.argv[5]}; {sys.argv[6]}")
print(f"load average (1/5/15 min) before: {sys.argv[7]}, after: {sys.argv[8]}")
loans = next((r for r in theirs.values() if "train_rows" in r), None)
if loans:
    print(f"loans: {loans['train_rows']} train / {loans['test_rows']} test rows; customers view: "
          f"{next((r['rows'] for r in theirs.values() if r.get('task') == 'segmentation'), '?')} rows")
print(f"{'task':<13} {'backend':<7} {'algorithm':<18} {'AUC':>7} {'sk AUC':>7} {'seconds':>8} {'sk sec':>7} {'time ratio':>10}")
for r in ours:
    sk = theirs.get((r["task"], alias.get(r["algorithm"], r["algorithm"])))
    if sk is None and r["task"] == "recommender":
        sk = next((v for (t, _), v in theirs.items() if t == "recommender"), None)
    if sk is None and r["task"] == "segmentation":
        sk = theirs.get(("segmentation", "kmeans"))
    auc = f"{r['auc']:.4f}" if "auc" in r else "-"
    skauc = f"{sk['auc']:.4f}" if sk and "auc" in sk else "-"
    sksec = f"{sk['seconds']:.3f}" if sk else "-"
    ratio = f"{r['seconds'] / sk['seconds']:.2f}" if sk and sk["seconds"] > 0 else "-"
    print(f"{r['task']:<13} {r['backend']:<7} {r['algorithm']:<18} {auc:>7} {skauc:>7} {r['seconds']:>8.3f} {sksec:>7} {ratio:>10}")
print("time ratio = bankml seconds / scikit-learn seconds (below 1: bankml is faster)")
PY
