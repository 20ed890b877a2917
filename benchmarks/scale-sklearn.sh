#!/usr/bin/env bash
# How training time, memory and AUC grow with the number of loans: bankml's fastest gradient boosting
# and random forest against scikit-learn's HistGradientBoosting and RandomForest, side by side, in
# one run, on 10k, 100k and 1M generated loan rows.
#
#   benchmarks/scale-sklearn.sh [ROWS...]        (default: 10000 100000 1000000)
#
# benchmarks/scale_data.py writes each size's training file (and a third as many test rows): 37 loan
# inputs that both sides' pipelines turn into about 90 features. Each model trains in its own process
# under /usr/bin/time -v, so "peak MB" is that process's maximum resident set (reading the CSVs, the
# pipeline and the model; the JVM runs with -Xmx8g). Seconds are the pipeline + model fit alone
# (CSV reading excluded, and on bankml's side after an untimed 2,000-row warm-up fit), as in
# benchmarks/compare-sklearn.sh, whose model settings both sides share (benchmarks/sklearn_side.py,
# bankml-bench SklearnComparison).
# Environment: BANKML_MODELS (default xgboost:gradient-boosting,xgboost:random-forest) picks bankml's
# side; SKLEARN_MODELS (default gradient-boosting,random-forest); KEEP=dir keeps the JSON lines and
# the data; RESUME=1 (with KEEP) keeps the lines already in KEEP/scale.jsonl and measures only the
# missing ones; OUT=file.tsv also writes the table as TSV (for docs/performance.md's chart:
# benchmarks/scale_chart.py OUT.tsv PNG).
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
py=/usr/bin/python3
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10000 100000 1000000)
bankml_models="${BANKML_MODELS:-xgboost:gradient-boosting,xgboost:random-forest}"
sklearn_models="${SKLEARN_MODELS:-gradient-boosting,random-forest}"

need_python "sklearn pandas scipy" python3-sklearn python3-pandas python3-scipy
need_time
build_once bankml-bench
jar="$bench"
export OMP_WAIT_POLICY="${OMP_WAIT_POLICY:-passive}"

work="${KEEP:-$(mktemp -d)}"
mkdir -p "$work"
[ -n "${KEEP:-}" ] || trap 'rm -rf "$work"' EXIT
results="$work/scale.jsonl"
[ "${RESUME:-0}" = 1 ] && [ -f "$results" ] || : > "$results"
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"

# measure SIDE ROWS COMMAND...: runs COMMAND under /usr/bin/time -v and appends its JSON line with peak_mb
measure() {
  local side="$1" rows="$2" model="$3"
  shift 3
  if grep -q "\"side\": \"$side\", \"rows\": $rows, \"model\": \"$model\"" "$results" 2>/dev/null; then
    echo "  (kept from the earlier run)" >&2
    return 0
  fi
  local out="$work/run.out" tv="$work/run.time"
  if ! /usr/bin/time -v -o "$tv" "$@" > "$out" 2> "$work/run.err"; then
    echo "failed: $* (see below)" >&2
    grep -v '^[[:space:]]*at ' "$work/run.err" | tail -5 >&2
    return 0
  fi
  local kb
  kb="$(awk -F': ' '/Maximum resident set size/ {print $2}' "$tv")"
  "$py" - "$out" "$side" "$rows" "$kb" "$model" >> "$results" <<'PY'
import json, sys
for line in open(sys.argv[1]):
    if line.strip().startswith("{"):
        r = json.loads(line)
        r = {"side": sys.argv[2], "rows": int(sys.argv[3]), "model": sys.argv[5], **r,
             "peak_mb": round(int(sys.argv[4]) / 1024)}
        print(json.dumps(r))
PY
}

for rows in "${sizes[@]}"; do
  data="$work/rows-$rows"
  mkdir -p "$data"
  [ -f "$data/loans_train.csv" ] || "$py" "$root/benchmarks/scale_data.py" "$data" "$rows" 7
  IFS=, read -r -a ours <<< "$bankml_models"
  for bm in "${ours[@]}"; do
    echo "bankml $bm on $rows rows ..." >&2
    measure bankml "$rows" "$bm" java -Xmx8g ${JAVA_OPTS:-} -cp "$jar" dev.bankml.bench.SklearnComparison fit "$data" "${bm%%:*}" "${bm#*:}"
  done
  IFS=, read -r -a theirs <<< "$sklearn_models"
  for sm in "${theirs[@]}"; do
    echo "scikit-learn $sm on $rows rows ..." >&2
    measure scikit-learn "$rows" "$sm" "$py" "$root/benchmarks/sklearn_side.py" train="$data/loans_train.csv" \
      test="$data/loans_test.csv" drop=customer_id models="$sm"
  done
  [ -n "${KEEP:-}" ] || rm -rf "$data"
done
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"

skv="$("$py" -c 'import sklearn; print("scikit-learn", sklearn.__version__)')"
jv="$(java -version 2>&1 | head -1)"
"$py" - "$results" "$load_before" "$load_after" "$skv" "$jv" "${OUT:-}" <<'PY'
import json, os, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
family = {"gradient-boosting": "boosting", "xgboost": "boosting", "random-forest": "forest"}
print(f"training time, peak memory and test AUC by training rows; {os.cpu_count()} cores; {sys.argv[5]}; {sys.argv[4]}")
print(f"load average (1/5/15 min) before: {sys.argv[2]}, after: {sys.argv[3]}")
head = f"{'rows':>9} {'family':<9} {'side':<13} {'model':<28} {'features':>8} {'seconds':>9} {'peak MB':>8} {'AUC':>7} {'time ratio':>10}"
print(head)
tsv = ["rows\tfamily\tside\tmodel\tseconds\tpeak_mb\tauc"]
for r in sorted(rows, key=lambda r: (r["rows"], family.get(r["algorithm"], r["algorithm"]), r["side"])):
    fam = family.get(r["algorithm"], r["algorithm"])
    model = (r["backend"] + " " if "backend" in r else "") + r["algorithm"]
    ref = next((s for s in rows if s["side"] == "scikit-learn" and s["rows"] == r["rows"]
                and family.get(s["algorithm"]) == fam), None)
    ratio = f"{r['seconds'] / ref['seconds']:.2f}" if ref and r["side"] == "bankml" and ref["seconds"] > 0 else "-"
    print(f"{r['rows']:>9,} {fam:<9} {r['side']:<13} {model:<28} {r.get('features', '-'):>8} {r['seconds']:>9.2f}"
          f" {r['peak_mb']:>8,} {r['auc']:>7.4f} {ratio:>10}")
    tsv.append(f"{r['rows']}\t{fam}\t{r['side']}\t{model}\t{r['seconds']}\t{r['peak_mb']}\t{r['auc']}")
print("time ratio = bankml seconds / scikit-learn seconds for the same family and rows (below 1: bankml is faster)")
if sys.argv[6]:
    open(sys.argv[6], "w").write("\n".join(tsv) + "\n")
PY
