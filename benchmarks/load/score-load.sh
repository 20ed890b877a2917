#!/usr/bin/env bash
# Load test of POST /api/score: starts `bankml serve` on 127.0.0.1, builds a request body from the
# typical applicant of GET /api/schema, runs wrk (50 connections, 30 s by default), prints
# requests/s and p50/p99 latency, stops the server. Exit status 1 when there were errors or
# p99 >= the target.
#
# Usage: benchmarks/load/score-load.sh [--port 18080] [--connections 50] [--duration 30s]
#        [--threads 2] [--target-p99-ms 50] [-- extra `bankml serve` options, e.g. --model FILE]
set -euo pipefail
. "$(dirname "$0")/lib.sh"

port=18080
connections=50
duration=30s
threads=2
target_p99_ms=50
load_option() {
  case "$1" in
    --target-p99-ms) target_p99_ms="$2" ;;
    *) return 1 ;;
  esac
}
parse_load_options "$@"
prepare_load_test
start_server "${serve_args[@]}"

# The typical applicant as the JSON body, numbers as numbers.
body="$(python3 -c '
import json, sys
fields = json.load(open(sys.argv[1]))["fields"]
out = {}
for f in fields:
    v = f["typical"]
    out[f["name"]] = float(v) if f["type"] == "number" else v
print(json.dumps(out))
' "$work/schema.json")"
curl -fsS -H 'Content-Type: application/json' -d "$body" "$url/api/score" >/dev/null

lua="$work/score.lua"
python3 -c '
import json, sys
body = sys.argv[1]
print("wrk.method = \"POST\"")
print("wrk.headers[\"Content-Type\"] = \"application/json\"")
print("wrk.body = " + json.dumps(body))
' "$body" >"$lua"

# Warm the JIT, then measure.
wrk -t "$threads" -c "$connections" -d 5s -s "$lua" "$url/api/score" >/dev/null
wrk -t "$threads" -c "$connections" -d "$duration" -s "$lua" --latency "$url/api/score" | tee "$work/wrk.txt"

to_ms() { # wrk prints 812.00us, 1.23ms, 2.01s
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'
}
rps="$(awk '/^Requests\/sec:/ {print $2}' "$work/wrk.txt")"
p50="$(to_ms "$(awk '$1 == "50%" {print $2}' "$work/wrk.txt")")"
p99="$(to_ms "$(awk '$1 == "99%" {print $2}' "$work/wrk.txt")")"
requests="$(awk '/requests in/ {print $1}' "$work/wrk.txt")"
non2xx="$(awk '/Non-2xx or 3xx responses:/ {print $NF}' "$work/wrk.txt")"
socket="$(awk -F'[ ,]+' '/Socket errors:/ {print $4 + $6 + $8 + $10}' "$work/wrk.txt")"
errors=$(( ${non2xx:-0} + ${socket:-0} ))

echo
echo "POST /api/score, $connections connections, $duration, $threads wrk threads on $(nproc) cores"
echo "requests:   $requests"
echo "errors:     $errors (non-2xx ${non2xx:-0}, socket ${socket:-0})"
echo "requests/s: $rps"
echo "p50:        $p50 ms"
echo "p99:        $p99 ms (target < $target_p99_ms ms)"
if [[ "$errors" -ne 0 ]] || awk -v p="$p99" -v t="$target_p99_ms" 'BEGIN { exit !(p >= t) }'; then
  echo "FAIL"
  exit 1
fi
echo "PASS"
