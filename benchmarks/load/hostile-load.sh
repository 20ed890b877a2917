#!/usr/bin/env bash
# Hostile load test of the web API (issue 15): `bankml serve` on 127.0.0.1 under wrk, 50 clients
# for 60 s per round, three rounds; about 10 % of the requests are malformed or hostile (trailing
# JSON, a key given twice, invalid UTF-8, deep nesting, a non-finite or implausible number, an
# unknown field or level, a list for a value, a body over the limit, a CSV with a byte-order mark,
# formula cells, a missing column). Reports per round the answers by status class and the server's
# heap after a full GC and its resident memory. Exit status 1 when any answer was a 5xx or the heap
# after GC grew by more than 25 % (+16 MB) from round 1 to the last round.
#
# Usage: benchmarks/load/hostile-load.sh [--port 18081] [--connections 50] [--duration 60s]
#        [--rounds 3] [--threads 2] [--malformed-percent 10] [-- `bankml serve` options]
# Without serve options it generates a 1,500-customer bank (seed 5), trains a Tribuo logistic
# model on it, and serves both. wrk (Debian package `wrk`) is installed when missing.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

port=18081
connections=50
duration=60s
rounds=3
threads=2
malformed=10
load_option() {
  case "$1" in
    --rounds) rounds="$2" ;;
    --malformed-percent) malformed="$2" ;;
    *) return 1 ;;
  esac
}
parse_load_options "$@"
prepare_load_test
if [[ ${#serve_args[@]} -eq 0 ]]; then
  echo "generating a 1,500-customer bank and training a Tribuo logistic model (about a minute)" >&2
  java -jar "$jar" generate --customers 1500 --seed 5 --out "$work/bank" -q
  java -jar "$jar" train --data "$work/bank" --backend tribuo --algorithm logistic --cv 3 --out "$work/m.bankml" -q
  serve_args=(--data "$work/bank" --model "$work/m.bankml")
fi
start_server -q "${serve_args[@]}"

# The typical applicant (numbers as numbers), a good batch CSV, and the hostile variants, as Lua.
python3 - "$work/schema.json" "$malformed" >"$work/hostile.lua" <<'PY'
import json, sys
fields = json.load(open(sys.argv[1]))["fields"]
malformed = float(sys.argv[2]) / 100
good = {}
for f in fields:
    v = f["typical"]
    good[f["name"]] = float(v) if f["type"] == "number" else v
body = json.dumps(good)
names = [f["name"] for f in fields]
row = [json.dumps(good[n]).strip('"') for n in names]
csv = ",".join(names) + "\n" + ",".join(row) + "\n"
num = next(f["name"] for f in fields if f["type"] == "number")
cat = next((f["name"] for f in fields if f["type"] == "category"), num)
def with_(k, v):
    d = dict(good); d[k] = v; return json.dumps(d)
hostile = [
    ("/api/score", "application/json", body + ' {"x": 1}'),                       # trailing content
    ("/api/score", "application/json", body[:-1] + ', "%s": 1}' % num),           # a key twice
    ("/api/score", "application/json", body.encode().replace(b'"', b'\xff', 1)),  # invalid UTF-8 (a Latin-1 byte)
    ("/api/score", "application/json", "[" * 5000 + "]" * 5000),                  # deep nesting
    ("/api/score", "application/json", with_(num, 1e308)),                        # implausible number
    ("/api/score", "application/json", with_(num, "Infinity")),                   # non-finite
    ("/api/score", "application/json", with_(num, -5)),                           # negative
    ("/api/score", "application/json", with_("bogus", 1)),                        # unknown field
    ("/api/score", "application/json", with_(cat, "<script>alert(1)</script>")),  # unknown level, markup
    ("/api/score", "application/json", with_(num, [1, 2])),                       # a list for a value
    ("/api/score", "application/json", '{"%s": 5000}' % num),                     # one field alone
    ("/api/score", "application/json", '{"a": "' + "x" * 70000 + '"}'),           # over the 64 KB limit
    ("/api/score", "application/json", "{"),                                      # truncated
    ("/api/score?lenient=maybe", "application/json", body),                       # bad parameter
    ("/api/score/batch", "text/csv", "\ufeff" + csv.replace(row[0], "=HYPERLINK(\"x\")", 1)),  # BOM, formula
    ("/api/score/batch", "text/csv", "foo,bar\n1,2\n"),                           # none of the columns
    ("/api/score/batch", "text/csv", csv + '"unclosed\n'),                        # broken quoting
]
def lua(s):
    """A Lua string literal of the UTF-8 bytes of s (or of bytes s): printable ASCII as is, the rest as \\ddd."""
    b = s if isinstance(s, bytes) else s.encode("utf-8")
    return '"' + "".join(chr(c) if 32 <= c < 127 and c not in (34, 92) else "\\%03d" % c for c in b) + '"'
print("local good = " + lua(body))
print("local batch = " + lua(csv))
print("local hostile = {")
for path, ctype, b in hostile:
    print("  {%s, %s, %s}," % (lua(path), lua(ctype), lua(b)))
print("}")
print("local malformed = %f" % malformed)
PY
cat >>"$work/hostile.lua" <<'LUA'
counts = {}  -- global: done() reads it from every thread with thread:get
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args)
  counts = {s2 = 0, s4 = 0, s5 = 0, other = 0}
  math.randomseed(os.time() + math.floor(os.clock() * 1e6))
end
function request()
  local r = math.random()
  if r < malformed then
    local h = hostile[math.random(#hostile)]
    return wrk.format("POST", h[1], {["Content-Type"] = h[2]}, h[3])
  elseif r < malformed + 0.05 then
    return wrk.format("POST", "/api/score/batch", {["Content-Type"] = "text/csv"}, batch)
  end
  return wrk.format("POST", "/api/score", {["Content-Type"] = "application/json"}, good)
end
function response(status, headers, body)
  if status >= 500 then counts.s5 = counts.s5 + 1
  elseif status >= 400 then counts.s4 = counts.s4 + 1
  elseif status >= 200 and status < 300 then counts.s2 = counts.s2 + 1
  else counts.other = counts.other + 1 end
end
function done(summary, latency, requests)
  local t = {s2 = 0, s4 = 0, s5 = 0, other = 0}
  for _, thread in ipairs(threads) do
    local c = thread:get("counts")
    for k, v in pairs(c) do t[k] = t[k] + v end
  end
  io.write(string.format("STATUS 2xx=%d 4xx=%d 5xx=%d other=%d\n", t.s2, t.s4, t.s5, t.other))
  io.write(string.format("LATENCY p50_us=%d p99_us=%d\n", latency:percentile(50), latency:percentile(99)))
end
LUA

# The server's heap in use after a full collection (MB) and its resident set (MB).
heap_after_gc() {
  jcmd "$server" GC.run >/dev/null
  sleep 1
  jcmd "$server" GC.heap_info | awk '/used/ { for (i = 1; i <= NF; i++) if ($i == "used") { v = $(i + 1); sub(/K,?$/, "", v); s += v } } END { printf "%.1f", s / 1024 }'
}
rss() { awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$server/status"; }

echo "warming up (10 s)" >&2
wrk -t "$threads" -c "$connections" -d 10s -s "$work/hostile.lua" "$url" >/dev/null
base_heap="$(heap_after_gc)"
printf '%-6s %10s %10s %8s %5s %8s %9s %9s %14s %8s\n' round requests 2xx 4xx 5xx socket p50_ms p99_ms heap_after_gc rss_mb
printf '%-6s %10s %10s %8s %5s %8s %9s %9s %14s %8s\n' start - - - - - - - "$base_heap MB" "$(rss)"
fail=0
first_heap=""
last_heap=""
for r in $(seq 1 "$rounds"); do
  wrk -t "$threads" -c "$connections" -d "$duration" --timeout 10s -s "$work/hostile.lua" "$url" >"$work/round$r.txt"
  requests="$(awk '/requests in/ {print $1}' "$work/round$r.txt")"
  read -r s2 s4 s5 <<<"$(awk -F'[ =]' '/^STATUS/ {print $3, $5, $7}' "$work/round$r.txt")"
  read -r p50 p99 <<<"$(awk -F'[ =]' '/^LATENCY/ {printf "%.1f %.1f", $3 / 1000, $5 / 1000}' "$work/round$r.txt")"
  socket="$(awk -F'[ ,]+' '/Socket errors:/ {print $4 + $6 + $8 + $10}' "$work/round$r.txt")"
  heap="$(heap_after_gc)"
  [[ -z "$first_heap" ]] && first_heap="$heap"
  last_heap="$heap"
  printf '%-6s %10s %10s %8s %5s %8s %9s %9s %14s %8s\n' "$r" "$requests" "$s2" "$s4" "$s5" "${socket:-0}" "$p50" "$p99" "$heap MB" "$(rss)"
  [[ "${s5:-1}" -eq 0 ]] || fail=1
done
kill -0 "$server" 2>/dev/null || { echo "the server died:" >&2; tail -50 "$log" >&2; exit 1; }
if awk -v a="$first_heap" -v b="$last_heap" 'BEGIN { exit !(b > a * 1.25 + 16) }'; then
  echo "heap after GC grew from $first_heap MB (round 1) to $last_heap MB (round $rounds)"
  fail=1
fi
echo "server log: $(grep -c " ERROR " "$log" || true) ERROR lines"
echo "POST /api/score and /api/score/batch, $connections connections, $rounds x $duration, ${malformed}% hostile, $threads wrk threads on $(nproc) cores"
if [[ "$fail" -ne 0 ]]; then
  echo "FAIL"
  exit 1
fi
echo "PASS (no 5xx; heap after GC flat)"
