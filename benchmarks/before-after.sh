#!/usr/bin/env bash
# Behaviour before and after issue 13's refactor (docs/api.md, "Before and after"): loads the
# baseline's bundles (format 1, unsigned, written by main @ 41832f4) with today's bankml and compares
# their predictions with that code's, to the last bit; segments and recommends with today's bankml and
# compares with what that code wrote; then re-trains the baseline's models with the same commands and
# seeds on the same bank and compares their predictions, to the last bit.
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
# (XDG_CONFIG_HOME), so your own key is not touched. Takes 15 to 40 minutes on 2 busy cores (the
# forests and boosted models' cross-validated training).
# QUICK=1 leaves out the re-training (a few minutes instead).
# Prints one line per check (same / DIFFERENT) and exits 1 if any check differs. JSON outputs are
# compared value by value (benchmarks/before-after/json_same.py, python3): fields added since are
# named, not counted; the segment summary's seconds are left out.
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
if [ -n "${BANKML_JAR:-}" ]; then
  echo "today:    $new_jar"
else
  echo "today:    $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo '?') ($new_jar)"
fi
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
    printf '%-72s DIFFERENT (%s lines differ: diff %s %s)\n' "$1" \
      "$(diff "$2" "$3" | grep -c '^[<>]' || true)" "$2" "$3"
    failures=$((failures + 1))
  fi
}
column() {   # column N FILE NAME: column N of a CSV file into the work folder
  cut -d, -f"$1" "$2" > "$work/$3"; echo "$work/$3"
}

models="tribuo-logistic smile-logistic tribuo-random-forest smile-random-forest smile-gradient-boosting tribuo-xgboost"

# 1. The old bundles (format 1, unsigned), loaded today: the same answers as that code gave.
for model in $models; do
  [ -f "$base/$model.bankml" ] || { echo "no $base/$model.bankml: skipped"; continue; }
  old_probe loan "$base/$model.bankml" "$base/bank" > "$work/probe/$model.before"
  new predict -q --trust-unsigned --model "$base/$model.bankml" --input "$base/bank" --explain \
    --out "$work/old-pred/$model.csv" 2>/dev/null
  check "$model: old bundle loaded today, predict CSV" "$base/pred/$model.csv" "$work/old-pred/$model.csv"
  new_probe loan "$base/$model.bankml" "$base/bank" > "$work/probe/$model.old-bundle"
  check "$model: old bundle loaded today, probabilities to the last bit" \
    "$work/probe/$model.before" "$work/probe/$model.old-bundle"
done

json_check() {   # json_check NAME BEFORE AFTER [KEY ...]: every value BEFORE has is in AFTER, equal
  local name="$1" verdict
  shift
  verdict="$(python3 "$root/benchmarks/before-after/json_same.py" "$@")" || failures=$((failures + 1))
  printf '%-72s %s\n' "$name" "$verdict"
}

# 2. Segmentations (k = 6, both backends) and recommendations, computed today.
for backend in tribuo smile; do
  # relative paths, as the baseline was made: the summary lists the files it wrote
  (cd "$work" && new segment -q --data "$base/bank" --k 6 --backend "$backend" --out "seg-$backend" \
    --save "seg-$backend.bankml" --json > "seg-$backend.json")
  check "segment $backend: segments.csv" "$base/seg-$backend/segments.csv" "$work/seg-$backend/segments.csv"
  json_check "segment $backend: --json summary (all but seconds)" "$base/seg-$backend.json" \
    "$work/seg-$backend.json" seconds
  json_check "segment $backend: profiles.json" "$base/seg-$backend/profiles.json" "$work/seg-$backend/profiles.json"
  new_probe segments "$base/seg-$backend.bankml" "$base/bank" > "$work/probe/seg-$backend.old-bundle"
  tail -n +2 "$base/seg-$backend/segments.csv" | cut -d, -f2 > "$work/probe/seg-$backend.before"
  check "segment $backend: old bundle loaded today, assignments" \
    "$work/probe/seg-$backend.before" "$work/probe/seg-$backend.old-bundle"
done

new recommend -q --data "$base/bank" --all --k 7 --out "$work/rec.csv" >/dev/null
check "recommend --all --k 7: rec.csv" "$base/rec.csv" "$work/rec.csv"
new recommend -q --data "$base/bank" --evaluate temporal --json > "$work/rec-eval.json"
json_check "recommend --evaluate temporal --json" "$base/rec-eval.json" "$work/rec-eval.json"

# 3. The same models re-trained today with the same command and seed (slowest last); QUICK=1 skips it.
[ "${QUICK:-0}" = 1 ] && models=""
for model in $models; do
  backend="${model%%-*}" algorithm="${model#*-}"
  [ -f "$work/probe/$model.before" ] || continue
  new train -q --data "$base/bank" --backend "$backend" --algorithm "$algorithm" --cv 3 \
    --out "$work/$model.bankml" >/dev/null
  new predict -q --model "$work/$model.bankml" --input "$base/bank" --explain --out "$work/pred/$model.csv"
  check "$model: retrained, predict CSV probability column" \
    "$(column 2 "$base/pred/$model.csv" "pred/$model.before.probability")" \
    "$(column 2 "$work/pred/$model.csv" "pred/$model.after.probability")"
  check "$model: retrained, predict CSV (decision, score, grade, reasons)" "$base/pred/$model.csv" "$work/pred/$model.csv"
  new_probe loan "$work/$model.bankml" "$base/bank" > "$work/probe/$model.after"
  check "$model: retrained, probabilities to the last bit" "$work/probe/$model.before" "$work/probe/$model.after"
done

echo "$failures check(s) differ"
[ "$failures" -eq 0 ]
