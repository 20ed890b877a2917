#!/usr/bin/env bash
# Behaviour before and after issue 13's refactor (docs/api.md, "Before and after"): re-trains the
# baseline's models with today's bankml on the baseline's bank, with the same commands and seeds, and
# compares predictions (full precision), segments and recommendations with what main @ 41832f4 wrote;
# then loads that code's bundles (format 1, unsigned) with today's bankml and compares again.
#
#   benchmarks/before-after.sh [BASELINE_DIR] [WORK_DIR]
#
# BASELINE_DIR (default /work/baseline, or $BASELINE) holds, made by bankml-before.jar (main @ 41832f4):
#   bank/                 generate --customers 3000 --seed 7
#   B-A.bankml            train --data bank --backend B --algorithm A --cv 3 --out B-A.bankml
#   pred/B-A.csv          predict --model B-A.bankml --input bank --explain --out pred/B-A.csv
#   seg-B/, seg-B.bankml, seg-B.json
#                         segment --data bank --k 6 --backend B --out seg-B --save seg-B.bankml --json
#   rec.csv               recommend --data bank --all --k 7 --out rec.csv
#   rec-eval.json         recommend --data bank --evaluate temporal --json
#   bankml-before.jar     that build
# Today's jar is bank-examples/bankml-cli/target/bankml.jar (built by ./bankml when sources changed),
# or the jar that BANKML_JAR names.
# Everything written goes to WORK_DIR (default: a new temporary folder), including the signing key
# (XDG_CONFIG_HOME), so your own key is not touched. Takes about 10 minutes on 2 busy cores.
# Prints one line per check (same / DIFFERENT) and exits 1 if any check differs.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
base="$(cd "${1:-${BASELINE:-/work/baseline}}" && pwd)"
work="${2:-$(mktemp -d -t bankml-before-after.XXXXXX)}"
mkdir -p "$work"/pred "$work"/old-pred "$work"/probe
work="$(cd "$work" && pwd)"
export XDG_CONFIG_HOME="$work/config" OMP_WAIT_POLICY="${OMP_WAIT_POLICY:-passive}"
old_jar="$base/bankml-before.jar"
if [ -n "${BANKML_JAR:-}" ]; then
  new_jar="$BANKML_JAR"   # a jar already built, e.g. from another checkout
else
  "$root/bankml" --version >/dev/null   # builds today's jar if the sources changed
  new_jar="$root/bank-examples/bankml-cli/target/bankml.jar"
fi
echo "baseline: $base"
echo "today:    $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo '?') ($new_jar)"
echo "work:     $work"

# The probe prints full-precision answers; the copy for the old jar drops the trust option its load lacks.
probe="$root/benchmarks/before-after/Probe.java"
mkdir -p "$work/probe/new" "$work/probe/old-src" "$work/probe/old"
javac -d "$work/probe/new" -cp "$new_jar" "$probe"
sed -e '/LoadOptions/d' -e 's/load(bundle, trusting)/load(bundle)/' "$probe" > "$work/probe/old-src/Probe.java"
javac -d "$work/probe/old" -cp "$old_jar" "$work/probe/old-src/Probe.java"
new() { java -jar "$new_jar" "$@"; }
new_probe() { java -cp "$new_jar:$work/probe/new" Probe "$@" 2>/dev/null; }
old_probe() { java -cp "$old_jar:$work/probe/old" Probe "$@" 2>/dev/null; }

failures=0
check() {   # check NAME FILE_A FILE_B
  if cmp -s "$2" "$3"; then
    printf '%-72s same\n' "$1"
  else
    printf '%-72s DIFFERENT (%s lines differ; diff %s %s)\n' "$1" \
      "$(diff "$2" "$3" | grep -c '^<' || true)" "$2" "$3"
    failures=$((failures + 1))
  fi
}
column() {   # column N FILE NAME: column N of a CSV file into the work folder
  cut -d, -f"$1" "$2" > "$work/$3"; echo "$work/$3"
}

for model in tribuo-logistic tribuo-random-forest tribuo-xgboost smile-logistic smile-random-forest \
    smile-gradient-boosting; do
  backend="${model%%-*}" algorithm="${model#*-}"
  [ -f "$base/$model.bankml" ] || { echo "no $base/$model.bankml: skipped"; continue; }
  new train -q --data "$base/bank" --backend "$backend" --algorithm "$algorithm" --cv 3 \
    --out "$work/$model.bankml" >/dev/null
  new predict -q --model "$work/$model.bankml" --input "$base/bank" --explain --out "$work/pred/$model.csv"
  check "$model: retrained, predict CSV probability column" \
    "$(column 2 "$base/pred/$model.csv" "pred/$model.before.probability")" \
    "$(column 2 "$work/pred/$model.csv" "pred/$model.after.probability")"
  check "$model: retrained, predict CSV (decision, score, grade, reasons)" "$base/pred/$model.csv" "$work/pred/$model.csv"
  old_probe loan "$base/$model.bankml" "$base/bank" > "$work/probe/$model.before"
  new_probe loan "$work/$model.bankml" "$base/bank" > "$work/probe/$model.after"
  check "$model: retrained, probabilities to the last bit" "$work/probe/$model.before" "$work/probe/$model.after"
  new predict -q --trust-unsigned --model "$base/$model.bankml" --input "$base/bank" --explain \
    --out "$work/old-pred/$model.csv" 2>/dev/null
  check "$model: old bundle loaded today, predict CSV" "$base/pred/$model.csv" "$work/old-pred/$model.csv"
  new_probe loan "$base/$model.bankml" "$base/bank" > "$work/probe/$model.old-bundle"
  check "$model: old bundle loaded today, probabilities to the last bit" \
    "$work/probe/$model.before" "$work/probe/$model.old-bundle"
done

for backend in tribuo smile; do
  new segment -q --data "$base/bank" --k 6 --backend "$backend" --out "$work/seg-$backend" \
    --save "$work/seg-$backend.bankml" --json > "$work/seg-$backend.json"
  check "segment $backend: segments.csv" "$base/seg-$backend/segments.csv" "$work/seg-$backend/segments.csv"
  # the summaries without their timing
  grep -v '"seconds"' "$base/seg-$backend.json" > "$work/seg-$backend.before.json" || true
  grep -v '"seconds"' "$work/seg-$backend.json" > "$work/seg-$backend.after.json" || true
  check "segment $backend: --json summary (all but seconds)" "$work/seg-$backend.before.json" \
    "$work/seg-$backend.after.json"
  check "segment $backend: profiles.json" "$base/seg-$backend/profiles.json" "$work/seg-$backend/profiles.json"
  new_probe segments "$base/seg-$backend.bankml" "$base/bank" > "$work/probe/seg-$backend.old-bundle"
  tail -n +2 "$base/seg-$backend/segments.csv" | cut -d, -f2 > "$work/probe/seg-$backend.before"
  check "segment $backend: old bundle loaded today, assignments" \
    "$work/probe/seg-$backend.before" "$work/probe/seg-$backend.old-bundle"
done

new recommend -q --data "$base/bank" --all --k 7 --out "$work/rec.csv"
check "recommend --all --k 7: rec.csv" "$base/rec.csv" "$work/rec.csv"
new recommend -q --data "$base/bank" --evaluate temporal --json > "$work/rec-eval.json"
check "recommend --evaluate temporal --json" "$base/rec-eval.json" "$work/rec-eval.json"

echo "$failures check(s) differ"
[ "$failures" -eq 0 ]
