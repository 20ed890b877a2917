#!/usr/bin/env bash
# `bankml recommend --all --k 7` against the numpy/scipy item-item equivalent on the same bank, cold:
# every run is a fresh process on each side (a new JVM for bankml, a new python3 for numpy/scipy),
# and each side times itself from the read tables on: bankml's own fit_seconds + recommend_seconds
# (holdings matrix, similarities, eligibility, top k), numpy/scipy's sparse matrix, X^T X, cosine,
# X.S, masks and top k (benchmarks/recommender/cli_scipy.py). Reading the CSVs is not timed on
# either side. The runs alternate sides, so both see the same machine. Prints medians and ratios,
# and how many customers get exactly the same list from bankml and the numpy/scipy equivalent.
#   benchmarks/recommender/compare-cli.sh                       # 100,000 customers (seed 7), 7 runs
#   BANK_DIR=/tmp/bank100k RUNS=5 benchmarks/recommender/compare-cli.sh
# BANK_DIR keeps (or reuses) the generated bank; CUSTOMERS sets its size; K the list length;
# BANKML_JAR measures another build of bankml.jar (e.g. an older one, for before/after).
# Installs Debian's python3-numpy, python3-scipy and python3-pandas if missing (needs root); builds
# bankml.jar if it is missing (BANKML_REBUILD=1 forces it).
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
here="$root/benchmarks/recommender"
customers="${CUSTOMERS:-100000}"
runs="${RUNS:-7}"
k="${K:-7}"
py=/usr/bin/python3

need_python "numpy scipy pandas" python3-numpy python3-scipy python3-pandas
if [ -n "${BANKML_JAR:-}" ]; then
  cli="$BANKML_JAR"
else
  build_once bankml-cli
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
bank="${BANK_DIR:-$work/bank}"
if [ ! -f "$bank/holdings.csv" ]; then
  echo "generating a bank of $customers customers (seed 7) in $bank ..." >&2
  java -jar "$cli" generate --customers "$customers" --seed 7 --out "$bank" --quiet >&2
  rm -f "$bank/transactions.csv" # 15 kB a customer, not read here
fi

load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
: >"$work/bankml.txt"; : >"$work/plain.txt"; : >"$work/equivalent.txt"
for r in $(seq "$runs"); do
  echo "run $r/$runs" >&2
  java -jar "$cli" recommend --data "$bank" --all --k "$k" --out "$work/recs.csv" --json --quiet \
    | "$py" -c 'import json, sys; o = json.load(sys.stdin); print(o["fit_seconds"], o["recommend_seconds"], o["fit_seconds"] + o["recommend_seconds"])' \
    >>"$work/bankml.txt"
  "$py" "$here/cli_scipy.py" "$bank" "$k" plain "$work/top-plain.txt" | awk '/^seconds/ {print $2}' >>"$work/plain.txt"
  "$py" "$here/cli_scipy.py" "$bank" "$k" equivalent "$work/top-equivalent.txt" | awk '/^seconds/ {print $2}' >>"$work/equivalent.txt"
done
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"

"$py" - "$work" "$bank" "$customers" "$runs" "$k" "$load_before" "$load_after" <<'PY'
import csv, os, statistics, subprocess, sys
work, bank, customers, runs, k, before, after = sys.argv[1:8]
rows = lambda f: [list(map(float, l.split())) for l in open(os.path.join(work, f)) if l.strip()]
ours = rows("bankml.txt")
plain = statistics.median(r[0] for r in rows("plain.txt"))
equiv = statistics.median(r[0] for r in rows("equivalent.txt"))
fit = statistics.median(r[0] for r in ours)
rec = statistics.median(r[1] for r in ours)
total = statistics.median(r[2] for r in ours)
# agreement: bankml's CSV against the numpy/scipy equivalent's lists (product indices in products.csv order)
products = [r["product_id"] for r in csv.DictReader(open(os.path.join(bank, "products.csv")))]
index = {p: i for i, p in enumerate(products)}
lists = {}
with open(os.path.join(work, "recs.csv")) as f:
    for r in csv.DictReader(f):
        lists.setdefault(r["customer_id"], []).append(index[r["product_id"]])
ids = [r["customer_id"] for r in csv.DictReader(open(os.path.join(bank, "customers.csv")))]
theirs = [list(map(int, l.split())) for l in open(os.path.join(work, "top-equivalent.txt"))]
same = sum(lists.get(c, []) == t for c, t in zip(ids, theirs))
jv = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
import numpy, scipy, pandas
print(f"bankml recommend --all --k {k} vs numpy/scipy on one bank ({len(ids)} customers), median of {runs} cold runs each")
print(f"{os.cpu_count()} cores; {jv}; numpy {numpy.__version__} scipy {scipy.__version__} pandas {pandas.__version__}")
print(f"load average (1/5/15 min) before: {before}, after: {after}")
print(f"{'implementation':<46} {'seconds':>8} {'bankml / this':>14}")
print(f"{'bankml: fit_seconds':<46} {fit:>8.3f}")
print(f"{'bankml: recommend_seconds':<46} {rec:>8.3f}")
print(f"{'bankml: fit_seconds + recommend_seconds':<46} {total:>8.3f}")
print(f"{'numpy/scipy plain (cosine, top k)':<46} {plain:>8.3f} {total / plain:>13.2f}x")
print(f"{'numpy/scipy equivalent (+ eligibility, blend)':<46} {equiv:>8.3f} {total / equiv:>13.2f}x")
print(f"same top-{k} list as the numpy/scipy equivalent: {same / len(ids):.4f} of customers")
print("ratio = bankml seconds / numpy/scipy seconds, each the median of its own runs (below 1: bankml is faster)")
PY
