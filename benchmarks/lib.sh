# What the scripts in benchmarks/ share; sourced by them (`. "$(dirname "$0")/lib.sh"`), not run.
# Sets root (the repository), cli (bankml.jar) and bench (benchmarks.jar), and defines the helpers below.

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cli="$root/bank-examples/bankml-cli/target/bankml.jar"
bench="$root/bank-examples/bankml-bench/target/benchmarks.jar"

# need_python MODULES PACKAGE...: installs the Debian PACKAGEs (needs root) unless python3 imports
# every one of MODULES ("sklearn pandas").
need_python() {
  local modules="$1"; shift
  if ! /usr/bin/python3 -c "import ${modules// /, }" 2>/dev/null; then
    echo "installing $* (Debian)..." >&2
    apt-get update -q >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >&2
  fi
}

# need_time: installs GNU time (/usr/bin/time -v, peak memory) when missing (needs root).
need_time() {
  [ -x /usr/bin/time ] || { apt-get update -q >&2; DEBIAN_FRONTEND=noninteractive apt-get install -y -q time >&2; }
}

# build_once MODULE...: packages the bank-examples MODULEs (bankml-cli, bankml-bench) when one of
# their jars is missing or BANKML_REBUILD=1; afterwards the jars are reused.
build_once() {
  local m missing=0 modules=()
  for m in "$@"; do
    modules+=("bank-examples/$m")
    case "$m" in
      bankml-cli) [ -f "$cli" ] || missing=1 ;;
      bankml-bench) [ -f "$bench" ] || missing=1 ;;
    esac
  done
  if [ "$missing" = 1 ] || [ "${BANKML_REBUILD:-0}" = 1 ]; then
    echo "building bankml (once; takes a few minutes)..." >&2
    local list
    list="$(IFS=,; echo "${modules[*]}")"
    (cd "$root" && mvn -B -q -DskipTests -Dmaven.test.skip.exec=true package -pl "$list" -am >&2)
  fi
}

# exec_java_program FILE.java ARG...: runs the single-file Java program benchmarks/FILE.java on the
# class path of the bankml.jar that ./bankml built (JAR=path overrides it; EXTRA_CP=jars adds e.g. a
# backend the jar does not bundle), with JAVA_OPTS; OMP_WAIT_POLICY defaults to passive (XGBoost's
# OpenMP threads busy-wait).
exec_java_program() {
  local program="$1"; shift
  local jar="${JAR:-$(find "$root/bank-examples" -name bankml.jar -path '*/target/*' | head -1)}"
  if [ -z "$jar" ]; then
    echo "no bankml.jar: build it with ./bankml --help first (or set JAR=...)" >&2
    exit 2
  fi
  export OMP_WAIT_POLICY="${OMP_WAIT_POLICY:-passive}"
  exec java ${JAVA_OPTS:-} -cp "$jar${EXTRA_CP:+:$EXTRA_CP}" "$root/benchmarks/$program" "$@"
}
