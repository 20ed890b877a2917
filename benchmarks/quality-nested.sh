#!/usr/bin/env bash
# Issue 14's quality bar: bankml's `evaluate --algorithm auto` (nested cross-validation) against the
# best of scikit-learn's four standard models (logistic regression, random forest, histogram
# gradient boosting, XGBoost) chosen by inner cross-validation, on the SAME outer folds, on the three
# credit-shaped CSVs of bank-models-api/bench/make_credit_csvs.py.
#
#   benchmarks/quality-nested.sh [NAME...]     (default: german_like mid_numeric wide_categorical)
#
# Environment: BACKEND (default: bankml's default backend), SEED (1), TIME_LIMIT (bankml's
# --time-limit, default 30m), KEEP=dir keeps the CSVs and JSON. Needs Debian's python3-sklearn,
# python3-pandas and python3-xgboost (installed if missing; needs root).
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
py=/usr/bin/python3
seed="${SEED:-1}"
names=("$@")
[ ${#names[@]} -gt 0 ] || names=(german_like mid_numeric wide_categorical)
need_python "sklearn pandas xgboost" python3-sklearn python3-pandas python3-xgboost
build_once bankml-cli bankml-bench
export OMP_WAIT_POLICY="${OMP_WAIT_POLICY:-passive}"
work="${KEEP:-$(mktemp -d)}"
mkdir -p "$work"
[ -n "${KEEP:-}" ] || trap 'rm -rf "$work"' EXIT
"$py" "$root/bank-models-api/bench/make_credit_csvs.py" "$work" > "$work/shapes.txt"
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
backend=()
[ -z "${BACKEND:-}" ] || backend=(--backend "$BACKEND")
for name in "${names[@]}"; do
  read -r _ rows target positive _ < <(grep "^$name " "$work/shapes.txt")
  csv="$work/$name.csv"
  "$py" -c "import pandas as pd, sys; d = pd.read_csv(sys.argv[1]); print('\n'.join((d[sys.argv[2]].astype(str) == sys.argv[3]).astype(int).astype(str)))" \
    "$csv" "$target" "$positive" > "$work/$name.labels"
  java -cp "$bench" dev.bankml.bench.OuterFolds "$work/$name.labels" 5 "$seed" > "$work/$name.folds"
  echo "bankml auto on $name ..." >&2
  start=$(date +%s.%N)
  java ${JAVA_OPTS:-} -jar "$cli" evaluate --data "$csv" --target "$target" --positive "$positive" "${backend[@]}" \
    --algorithm auto --cv 5 --seed "$seed" --time-limit "${TIME_LIMIT:-30m}" --json -q > "$work/$name.bankml.json"
  echo "$(date +%s.%N) - $start" | bc > "$work/$name.bankml.seconds"
  echo "scikit-learn nested best of 4 on $name ..." >&2
  "$py" "$root/benchmarks/nested_sklearn.py" "$csv" "$target" "$positive" "$work/$name.folds" "$seed" > "$work/$name.sklearn.json"
done
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"
"$py" - "$work" "$load_before" "$load_after" "${names[@]}" <<'PY'
import json, sys
work, before, after, names = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
print(f"nested 5-fold, the same outer folds on both sides; load average before {before}, after {after}")
print(f"{'data':<18} {'bankml auto':>11} {'sk best of 4':>12} {'difference':>10}  bankml winners / scikit-learn winners (by outer fold)  seconds bankml / sk")
for n in names:
    b = json.load(open(f"{work}/{n}.bankml.json"))
    s = json.loads(open(f"{work}/{n}.sklearn.json").read())
    bw = ",".join(f["algorithm"] for f in b.get("outer_folds", []))
    sw = ",".join(f["algorithm"] for f in s["outer_folds"])
    secs = float(open(f"{work}/{n}.bankml.seconds").read())
    print(f"{n:<18} {b['auc']:>11.4f} {s['auc']:>12.4f} {b['auc'] - s['auc']:>+10.4f}  {b['backend']}: {bw} / {sw}  {secs:.0f} / {s['seconds']:.0f}"
          f"  selection={b.get('selection')}")
PY
