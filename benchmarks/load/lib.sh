# What the load tests in benchmarks/load/ share; sourced by them, not run: their common options, and
# `bankml serve` on 127.0.0.1 for the length of the script. Sets root (the repository), jar (the
# bankml.jar ./bankml built, or BANKML_JAR) and work (a temporary folder removed on exit).

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
jar="${BANKML_JAR:-$root/bank-examples/bankml-cli/target/bankml.jar}"

# parse_load_options ARG...: the options every load test takes, into port, connections, duration,
# threads and serve_args (what follows --, passed to `bankml serve`); the script sets their defaults
# first. Any other option NAME VALUE goes to the script's own function load_option NAME VALUE, which
# returns 1 for an option it does not know either.
parse_load_options() {
  serve_args=()
  while [[ $# -gt 0 ]]; do
    case "$1" in
      --port) port="$2"; shift 2 ;;
      --connections) connections="$2"; shift 2 ;;
      --duration) duration="$2"; shift 2 ;;
      --threads) threads="$2"; shift 2 ;;
      --) shift; serve_args=("$@"); break ;;
      *) if [[ $# -ge 2 ]] && declare -F load_option >/dev/null && load_option "$1" "$2"; then shift 2
         else echo "unknown option $1" >&2; exit 2; fi ;;
    esac
  done
}

# prepare_load_test: wrk installed (Debian package wrk), the jar built, the work folder made.
prepare_load_test() {
  command -v wrk >/dev/null || { echo "installing wrk (Debian package wrk)" >&2; apt-get install -y wrk >/dev/null; }
  [[ -f "$jar" ]] || { echo "build first: ./bankml --version (no $jar)" >&2; exit 2; }
  work="$(mktemp -d)"
  log="$work/server.log"
  trap 'rm -rf "$work"' EXIT
}

# start_server SERVE_OPTION...: `bankml serve` on 127.0.0.1:$port (JAVA_OPTS applied, output in
# $log), stopped on exit; waits up to 10 minutes for GET /api/schema, saved as $work/schema.json.
# Sets server (its process id) and url.
start_server() {
  java ${JAVA_OPTS:-} -jar "$jar" serve --host 127.0.0.1 --port "$port" "$@" >"$log" 2>&1 &
  server=$!
  trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
  url="http://127.0.0.1:$port"
  for _ in $(seq 1 600); do
    curl -fsS "$url/api/schema" -o "$work/schema.json" 2>/dev/null && break
    kill -0 "$server" 2>/dev/null || { echo "server exited:" >&2; cat "$log" >&2; exit 1; }
    sleep 1
  done
  [[ -s "$work/schema.json" ]] || { echo "server did not answer within 10 minutes" >&2; cat "$log" >&2; exit 1; }
}
