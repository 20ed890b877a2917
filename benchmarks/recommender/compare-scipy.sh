#!/usr/bin/env bash
# Fit + top-7 for every customer: bank-recommender (Java) against numpy/scipy sparse, side by side.
# Both read the same random holdings file (CUSTOMERS × 20 products, 3-5 holdings each); reading is
# not timed. Prints the median of RUNS runs per side and the ratio.
#   benchmarks/recommender/compare-scipy.sh            # 1,000,000 customers, 5 runs
#   CUSTOMERS=100000 RUNS=3 benchmarks/recommender/compare-scipy.sh
# Installs Debian's python3-numpy and python3-scipy if missing (needs root).
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
here="$root/benchmarks/recommender"
customers="${CUSTOMERS:-1000000}"
items="${ITEMS:-20}"
runs="${RUNS:-5}"
seed="${SEED:-42}"
python=/usr/bin/python3
threads="$(nproc)"

need_python "numpy scipy" python3-numpy python3-scipy
if [ ! -f "$root/bank-recommender/target/test-classes/dev/bankml/recommender/bench/ScipyComparison.class" ]; then
  (cd "$root" && mvn -B -q -o test-compile -pl bank-recommender -am)
fi
data_jar="$root/bank-data/target/classes"
cp="$root/bank-recommender/target/classes:$root/bank-recommender/target/test-classes:$data_jar"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$python" "$here/compare_scipy.py" generate "$work/holdings.bin" "$customers" "$items" "$seed"

median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

"$python" "$here/compare_scipy.py" time "$work/holdings.bin" "$runs" "$work/top-python.txt" | awk '/^run/ {print $2, $3}' >"$work/python.txt"
java -Xmx4g -XX:+UseParallelGC -cp "$cp" dev.bankml.recommender.bench.ScipyComparison \
  "$work/holdings.bin" "$runs" 1 "$work/top-java1.txt" | awk '/^run/ {print $2, $3}' >"$work/java1.txt"
java -Xmx4g -XX:+UseParallelGC -cp "$cp" dev.bankml.recommender.bench.ScipyComparison \
  "$work/holdings.bin" "$runs" "$threads" "$work/top-java.txt" | awk '/^run/ {print $2, $3}' >"$work/java.txt"

col() { awk -v c="$1" '{print $c}' "$2" | median; }
py="$(col 1 "$work/python.txt")"; pyc="$(col 2 "$work/python.txt")"
j1="$(col 1 "$work/java1.txt")"; j1c="$(col 2 "$work/java1.txt")"
jn="$(col 1 "$work/java.txt")"; jnc="$(col 2 "$work/java.txt")"
ratio() { awk -v a="$1" -v b="$2" 'BEGIN{printf "%.2fx", a/b}'; }
agree="$("$python" - "$work/top-python.txt" "$work/top-java.txt" <<'PY'
import sys
a = [set(l.split()) for l in open(sys.argv[1])]
b = [set(l.split()) for l in open(sys.argv[2])]
print(f"{sum(len(x & y) for x, y in zip(a, b)) / sum(len(x) for x in a):.4f}")
PY
)"
printf 'fit + top-7 for %s customers x %s products, median of %s runs (reading excluded); load average %s\n' \
  "$customers" "$items" "$runs" "$(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-34s %9s %9s %11s %9s\n' "implementation" "wall s" "vs scipy" "process CPU" "vs scipy"
printf '%-34s %9.3f %9s %11.3f %9s\n' "numpy/scipy sparse (python3)" "$py" "1.00x" "$pyc" "1.00x"
printf '%-34s %9.3f %9s %11.3f %9s\n' "bank-recommender, 1 thread" "$j1" "$(ratio "$py" "$j1")" "$j1c" "$(ratio "$pyc" "$j1c")"
printf '%-34s %9.3f %9s %11.3f %9s\n' "bank-recommender, $threads threads" "$jn" "$(ratio "$py" "$jn")" "$jnc" "$(ratio "$pyc" "$jnc")"
printf 'top-7 agreement on the first 10,000 customers: %s\n' "$agree"
