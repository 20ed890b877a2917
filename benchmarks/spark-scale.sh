#!/usr/bin/env bash
# How the nightly batch on Spark scales: for each bank size, generate the bank with the Spark job,
# then run every job with local[1] and local[2] (one and two cores of this machine) and report
# customers per second and peak memory.
#
#   benchmarks/spark-scale.sh [CUSTOMERS...]       (default: 100000 1000000)
#
# Each run is its own JVM (./bankml spark ..., driver and executor in one process in local mode)
# under /usr/bin/time -v: "peak MB" is its maximum resident set, "seconds" the job's own wall time
# from its summary line (Spark start-up excluded, about 5-10 s), "customers/s" the bank's customers
# over those seconds (the jobs' unit of work: features and score read every transaction of them).
# The loan model (tribuo logistic) and the segmentation (k-means, k = 6) are trained once on a
# 20,000-customer bank made by ./bankml generate. Environment: KEEP=dir keeps banks and outputs;
# JAVA_OPTS (default -Xmx6g) is passed to every JVM; JOBS (default "generate features score segment
# recommend") picks jobs; MASTERS (default "local[1] local[2]").
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(100000 1000000)
jobs="${JOBS:-generate features score segment recommend}"
masters="${MASTERS:-local[1] local[2]}"
export JAVA_OPTS="${JAVA_OPTS:--Xmx6g}"
need_time
work="${KEEP:-$(mktemp -d)}"
mkdir -p "$work"
bankml="$root/bankml"

# models, once (the CLI reads a local bank)
if [ ! -f "$work/loans.bankml" ]; then
  "$bankml" generate --customers 20000 --seed 7 --out "$work/train-bank" -q >&2
  "$bankml" train --data "$work/train-bank" --backend tribuo --algorithm logistic --out "$work/loans.bankml" -q >&2
  "$bankml" segment --data "$work/train-bank" --backend tribuo --k 6 --out "$work/segments-out" --save "$work/segments.bankml" --quiet >&2
fi

# runs one job; prints "seconds<TAB>peak MB<TAB>rows out"
run() {
  local log="$work/last.log"
  /usr/bin/time -v "$bankml" spark "$@" >"$log" 2>&1 || { cat "$log" >&2; return 1; }
  local summary seconds peak rows
  summary="$(grep '^bankml spark [a-z]*: rows in' "$log" | tail -1)"
  seconds="$(sed -n 's/.*, \([0-9.]*\) s; wrote.*/\1/p' <<<"$summary")"
  rows="$(sed -n 's/.*rows out \([0-9,]*\),.*/\1/p' <<<"$summary" | tr -d ,)"
  peak="$(awk '/Maximum resident set size/ {printf "%.0f", $6 / 1024}' "$log")"
  printf '%s\t%s\t%s\n' "$seconds" "$peak" "$rows"
}

printf '| customers | job | master | seconds | customers/s | rows out | peak MB |\n|---|---|---|---|---|---|---|\n'
for n in "${sizes[@]}"; do
  bank="$work/bank-$n"
  made=""  # the bank's own generation (local[2]) is the generate row for local[2]: no second 1M run
  if [ ! -d "$bank" ]; then
    made="$(run generate --customers "$n" --seed 1 --out "$bank" --master 'local[2]')"
  fi
  for job in $jobs; do
    for m in $masters; do
      out="$work/out-$n-$job"
      case "$job" in
        generate)
          if [ "$m" = 'local[2]' ] && [ -n "$made" ]; then r="$made"
          else r="$(run generate --customers "$n" --seed 1 --out "$out" --master "$m")"; fi ;;
        features) r="$(run features --bank "$bank" --out "$out" --master "$m")" ;;
        score) r="$(run score --bank "$bank" --model "$work/loans.bankml" --out "$out" --master "$m")" ;;
        segment) r="$(run segment --bank "$bank" --model "$work/segments.bankml" --out "$out" --master "$m")" ;;
        recommend) r="$(run recommend --bank "$bank" --k 7 --out "$out" --master "$m")" ;;
      esac
      IFS=$'\t' read -r seconds peak rows <<<"$r"
      printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$n" "$job" "$m" "$seconds" \
        "$(awk -v n="$n" -v s="$seconds" 'BEGIN {printf "%.0f", n / s}')" "$rows" "$peak"
      rm -rf "$out"
    done
  done
done
[ -n "${KEEP:-}" ] || rm -rf "$work"
