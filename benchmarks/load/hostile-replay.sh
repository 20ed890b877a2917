#!/usr/bin/env bash
# Replays every numbered defect of issue 15 ("hostile and careless input") against the built
# bankml.jar, as a careless user and as an attacker would, and prints for each: the command, the
# exit code (or HTTP status), the time taken and the first lines of the answer. Crafted bundles and
# Smile payloads are made here (Java serialisation streams by a small Java program, zips by Python).
# The web cases run against `bankml serve` on a random free 127.0.0.1 port.
#
# Usage: benchmarks/load/hostile-replay.sh [WORKDIR]    (build first: ./bankml --version)
# Exit status 1 when a case that must be refused exits 0 or 1, or prints a stack trace.
# The table in docs/security.md ("Issue 15 defects, retried") was made with this script.
set -uo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
jar="${BANKML_JAR:-$root/bank-examples/bankml-cli/target/bankml.jar}"
[[ -f "$jar" ]] || { echo "build first: ./bankml --version (no $jar)" >&2; exit 2; }
legacy="$root/bank-examples/bankml-cli/src/test/resources/legacy"
work="${1:-$(mktemp -d)}"
mkdir -p "$work"
cd "$work" || exit 2
# Keys of this replay only: never the user's own signing key.
export XDG_CONFIG_HOME="$work/config"
unset BANKML_SIGNING_KEY BANKML_SIGNING_KEY_FILE BANKML_TRUSTED_KEYS
failures=0

# run ID EXPECT(2|0|any) [JAVA_OPTS...] -- bankml args...   prints the command, exit code, time and answer.
run() {
  local id="$1" expect="$2"; shift 2
  local opts=()
  while [[ "$1" != "--" ]]; do opts+=("$1"); shift; done
  shift
  local start end rc
  start=$(date +%s.%N)
  java "${opts[@]}" -jar "$jar" "$@" >"out.$id" 2>&1
  rc=$?
  end=$(date +%s.%N)
  printf '\n### %s\n$ bankml %s\nexit %s, %.1f s\n' "$id" "$(shown "${opts[@]}" "$@")" "$rc" "$(echo "$end - $start" | bc)"
  grep -v '^\s*$' "out.$id" | cut -c1-400 | head -8
  if grep -q '^\s*at [a-z]\+\.' "out.$id"; then echo "!! stack trace"; failures=$((failures + 1)); fi
  if [[ "$expect" != any && "$rc" != "$expect" ]]; then echo "!! expected exit $expect"; failures=$((failures + 1)); fi
}

note() { printf '%s\n' "$*"; }

# The arguments as shown: an argument over 120 characters is cut (the --record strings, a 70 KB header).
shown() {
  local a out=()
  for a in "$@"; do
    if [[ ${#a} -gt 120 ]]; then out+=("${a:0:60}…(${#a} characters)"); else out+=("$a"); fi
  done
  printf '%s' "${out[*]}"
}

echo "== setting up in $work (a 300-customer bank, a Smile logistic model on the loan view)" >&2
java -jar "$jar" generate --customers 300 --seed 3 --out bank -q >/dev/null
cp "$legacy/loan-applications.csv" apps.csv
java -jar "$jar" train --data apps.csv --target defaulted --id-column loan_id --id-column customer_id \
  --exclude true_pd --backend smile --algorithm logistic --cv 3 --out m.bankml -q >/dev/null 2>train.log \
  || { cat train.log; exit 1; }

# One valid record (row 1 of apps.csv, the model's columns only) as KEY=VALUE,...
record="$(python3 - <<'PY'
import csv
r = next(csv.DictReader(open("apps.csv")))
for k in ("loan_id", "customer_id", "defaulted", "true_pd", "application_date"):
    r.pop(k, None)
print(",".join(f"{k}={v}" for k, v in r.items()))
PY
)"
with() { python3 -c 'import sys; r=dict(kv.split("=",1) for kv in sys.argv[1].split(",")); r[sys.argv[2]]=sys.argv[3]; print(",".join(k+"="+v for k,v in r.items()))' "$record" "$1" "$2"; }

# csvset IN OUT ROW COLUMN VALUE: a copy of IN with one cell changed (ROW 0 is the first data row).
csvset() {
  python3 - "$@" <<'PY'
import csv, sys
src, dst, row, col, val = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5]
rows = list(csv.reader(open(src, newline="")))
i = rows[0].index(col)
rows[row + 1][i] = val
csv.writer(open(dst, "w", newline=""), lineterminator="\n").writerows(rows)
PY
}

# Crafted Java serialisation payloads with the Smile payload header of format 1.
cat >Craft.java <<'JAVA'
import java.io.*;
import java.nio.file.*;
import java.util.*;
public class Craft {
  public static void main(String[] a) throws Exception {
    // 100 levels of nested HashSets: hashing the root visits 2^100 sets (SerialDOS).
    Set<Object> root = new HashSet<>(), s1 = root, s2 = new HashSet<>();
    for (int i = 0; i < 100; i++) {
      Set<Object> t1 = new HashSet<>(), t2 = new HashSet<>();
      t1.add("x");
      s1.add(t1); s1.add(t2); s2.add(t1); s2.add(t2);
      s1 = t1; s2 = t2;
    }
    Files.write(Path.of("hashsets.bin"), payload(root));
    // long[200000000] declared in a tiny payload: 1.6 GB if allocated before checking.
    byte[] p = payload(new long[1]);
    int at = p.length - 12;
    p[at] = 0x0B; p[at + 1] = (byte) 0xEB; p[at + 2] = (byte) 0xC2; p[at + 3] = 0x00;
    Files.write(Path.of("longarray.bin"), Arrays.copyOf(p, p.length - 8));
    // double[200000000]: double arrays are on the format-1 list (coefficients), so only the length check stops it.
    p = payload(new double[1]);
    at = p.length - 12;
    p[at] = 0x0B; p[at + 1] = (byte) 0xEB; p[at + 2] = (byte) 0xC2; p[at + 3] = 0x00;
    Files.write(Path.of("doublearray.bin"), Arrays.copyOf(p, p.length - 8));
  }
  static byte[] payload(Object o) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.write("BANKML-SMILE-1\n".getBytes("US-ASCII"));
    try (ObjectOutputStream out = new ObjectOutputStream(b)) { out.writeObject(o); }
    return b.toByteArray();
  }
}
JAVA
java Craft.java || exit 1

# rezip IN OUT [--put NAME FILE] [--sub NAME REGEX REPLACEMENT] [--add NAME FILE] [--zeros NAME BYTES]
#       [--unsign]: a copy of bundle IN with entries replaced, edited or added and every checksum
#       (signature.json digests, or format 1's checksums.json) recomputed, as an attacker would.
cat >rezip.py <<'PY'
import hashlib, json, re, sys, zipfile
src, dst, args = sys.argv[1], sys.argv[2], sys.argv[3:]
zin = zipfile.ZipFile(src)
entries = {n: zin.read(n) for n in zin.namelist()}
zeros = {}
unsign = False
i = 0
while i < len(args):
    op = args[i]
    if op == "--put" or op == "--add":
        entries[args[i + 1]] = open(args[i + 2], "rb").read(); i += 3
    elif op == "--sub":
        text = entries[args[i + 1]].decode()
        new = re.sub(args[i + 2], args[i + 3], text, count=1)
        assert new != text, "no match for " + args[i + 2]
        entries[args[i + 1]] = new.encode(); i += 4
    elif op == "--zeros":
        zeros[args[i + 1]] = int(args[i + 2]); entries.pop(args[i + 1], None); i += 3
    elif op == "--unsign":
        unsign = True; i += 1
digest = lambda b: hashlib.sha256(b).hexdigest()
def zero_digest(n):
    h = hashlib.sha256(); chunk = bytes(1 << 20)
    for _ in range(n >> 20): h.update(chunk)
    return h.hexdigest()
if "signature.json" in entries:
    sig = json.loads(entries["signature.json"])
    sig["digests"] = {n: digest(b) for n, b in sorted(entries.items()) if n != "signature.json"}
    sig["digests"].update({n: zero_digest(s) for n, s in zeros.items()})
    if unsign:
        sig.update(algorithm="none", key_id="", signature="")
    entries["signature.json"] = json.dumps(sig, indent=2).encode()
elif "checksums.json" in entries:
    sums = json.loads(entries["checksums.json"])
    sums["entries"] = {n: digest(b) for n, b in sorted(entries.items()) if n != "checksums.json"}
    sums["entries"].update({n: zero_digest(s) for n, s in zeros.items()})
    entries["checksums.json"] = json.dumps(sums, indent=2).encode()
with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as z:
    for n, b in entries.items():
        z.writestr(n, b)
    for n, size in zeros.items():
        info = zipfile.ZipInfo(n)
        info.compress_type = zipfile.ZIP_DEFLATED
        with z.open(info, "w", force_zip64=True) as w:
            chunk = bytes(1 << 20)
            for _ in range(size >> 20): w.write(chunk)
PY

echo "== High" >&2
# 1. A CSV with none of the model's columns; then one column dropped.
printf 'foo,bar\n1,2\n' >x.csv
run 1a 2 -- predict --model m.bankml --input x.csv --out p1.csv
python3 -c 'import csv,sys; rows=list(csv.reader(open("apps.csv"))); i=rows[0].index("annual_income"); csv.writer(open("dropped.csv","w",newline=""),lineterminator="\n").writerows([r[:i]+r[i+1:] for r in rows[:21]])'
run 1b 2 -- predict --model m.bankml --input dropped.csv --out p1.csv
run 1c 2 -- validate --model m.bankml --input x.csv

# 2. Nested HashSets, checksums recomputed: in a format-1 bundle (loads only with the opt-in), in an
#    unsigned format-2 bundle, and in the signed bundle (digest recomputed, signature now wrong).
python3 rezip.py "$legacy/smile-logistic.bankml" legacy-hashsets.bankml --put model.bin hashsets.bin
python3 rezip.py m.bankml unsigned-hashsets.bankml --put model.bin hashsets.bin --unsign
python3 rezip.py m.bankml signed-hashsets.bankml --put model.bin hashsets.bin
note "hashsets.bin: $(stat -c %s hashsets.bin) bytes"
run 2a 2 -- predict --model legacy-hashsets.bankml --input apps.csv --out p2.csv
run 2b 2 -Xmx512m -- predict --model legacy-hashsets.bankml --input apps.csv --out p2.csv --trust-unsigned
run 2c 2 -Xmx512m -- predict --model unsigned-hashsets.bankml --input apps.csv --out p2.csv --trust-unsigned
run 2d 2 -Xmx512m -- predict --model signed-hashsets.bankml --input apps.csv --out p2.csv --trust-unsigned

# 3. Memory bombs: long[200000000] in a payload, a 1 GiB entry in a bundle.
python3 rezip.py "$legacy/smile-logistic.bankml" legacy-longs.bankml --put model.bin longarray.bin
python3 rezip.py m.bankml unsigned-longs.bankml --put model.bin longarray.bin --unsign
note "longarray.bin: $(stat -c %s longarray.bin) bytes"
run 3a 2 -Xmx512m -- predict --model legacy-longs.bankml --input apps.csv --out p3.csv --trust-unsigned
run 3b 2 -Xmx512m -- predict --model unsigned-longs.bankml --input apps.csv --out p3.csv --trust-unsigned
python3 rezip.py "$legacy/smile-logistic.bankml" legacy-doubles.bankml --put model.bin doublearray.bin
run 3b-double 2 -Xmx512m -- predict --model legacy-doubles.bankml --input apps.csv --out p3.csv --trust-unsigned
python3 rezip.py m.bankml bomb.bankml --zeros huge.bin $((1 << 30))
python3 rezip.py m.bankml bomb-model.bankml --zeros model.bin $((1 << 30)) --unsign
note "bomb.bankml: $(stat -c %s bomb.bankml) bytes holding a 1 GiB entry"
run 3c 2 -Xmx1g -- predict --model bomb.bankml --input apps.csv --out p3.csv
run 3d 2 -Xmx1g -- predict --model bomb-model.bankml --input apps.csv --out p3.csv --trust-unsigned
run 3e 2 -Xmx512m -- predict --model bomb-model.bankml --input apps.csv --out p3.csv --trust-unsigned

# 4. The threshold edited and the checksums recomputed: signed (tampered), and unsigned with the opt-in.
for t in NaN -1; do
  python3 rezip.py m.bankml "thr$t.bankml" --sub manifest.json '"threshold" : [0-9.Ee-]+' "\"threshold\" : $t"
  python3 rezip.py m.bankml "thr$t-unsigned.bankml" --sub manifest.json '"threshold" : [0-9.Ee-]+' "\"threshold\" : $t" --unsign
  run "4-$t" 2 -- predict --model "thr$t.bankml" --input apps.csv --out p4.csv --trust-unsigned
  run "4-$t-unsigned" 2 -- predict --model "thr$t-unsigned.bankml" --input apps.csv --out p4.csv --trust-unsigned
done

# The refusals above timed inside the JVM (LoanDefaultModel.load alone, no JVM start-up), -Xmx512m.
cat >TimeLoad.java <<'JAVA'
import dev.bankml.data.bundle.LoadOptions;
import dev.bankml.models.loan.LoanDefaultModel;
import java.nio.file.Path;
public class TimeLoad {
  public static void main(String[] a) {
    for (String f : a) {
      long start = System.nanoTime();
      String outcome;
      try {
        LoanDefaultModel.load(Path.of(f), LoadOptions.defaults().trustingUnsigned());
        outcome = "LOADED";
      } catch (RuntimeException | Error e) {
        outcome = e.getClass().getSimpleName();
      }
      Runtime r = Runtime.getRuntime();
      System.out.printf("%-28s %-26s %7.1f ms  heap used %4d MB%n", f, outcome, (System.nanoTime() - start) / 1e6,
          (r.totalMemory() - r.freeMemory()) >> 20);
    }
  }
}
JAVA
printf '\n### 2-3 timed (in the JVM, -Xmx512m, --trust-unsigned; first load includes class loading)\n'
java -Xmx512m -cp "$jar" TimeLoad.java m.bankml legacy-hashsets.bankml unsigned-hashsets.bankml legacy-longs.bankml \
  unsigned-longs.bankml legacy-doubles.bankml bomb.bankml bomb-model.bankml thrNaN-unsigned.bankml 2>/dev/null | tee timed.txt
grep -q LOADED <(tail -n +2 timed.txt) && { echo "!! a crafted bundle loaded"; failures=$((failures + 1)); }

echo "== Medium" >&2
# 5. The CLI against the web API's rules: absurd numbers, a misspelt field, a partial record, and CSV mode.
run 5-good 0 -- predict --model m.bankml --record "$record"
run 5a 2 -- predict --model m.bankml --record "$(with amount 1e308)"
run 5b 2 -- predict --model m.bankml --record "$(with amount -5)"
run 5c 2 -- predict --model m.bankml --record "$(with amount Infinity)"
run 5d 2 -- predict --model m.bankml --record "$(with bogus 1)"
run 5e 2 -- predict --model m.bankml --record amount=5000
csvset apps.csv amount-1e308.csv 0 amount 1e308
run 5f 2 -- predict --model m.bankml --input amount-1e308.csv --out p5.csv
csvset apps.csv amount-inf.csv 1 amount Infinity
run 5g 2 -- predict --model m.bankml --input amount-inf.csv --out p5.csv
python3 -c 'import csv; rows=list(csv.reader(open("apps.csv"))); rows[0].append("bogus"); [r.append("1") for r in rows[1:]]; csv.writer(open("bogus-col.csv","w",newline=""),lineterminator="\n").writerows(rows)'
run 5h 2 -- predict --model m.bankml --input bogus-col.csv --out p5.csv
run 5i 0 -- predict --model m.bankml --input amount-1e308.csv --out p5.csv --lenient

# 6. One impossible date.
csvset apps.csv date-0230.csv 0 application_date 2024-02-30
run 6a 2 -- profile --data date-0230.csv
run 6b 2 -- train --data date-0230.csv --id-column loan_id --id-column customer_id --exclude true_pd --backend smile --algorithm logistic --cv 3 --out m6.bankml
cp -r bank bank-0230
csvset bank/loans.csv bank-0230/loans.csv 0 application_date 2024-02-30
run 6c 2 -- train --data bank-0230 --backend smile --algorithm logistic --cv 3 --out m6.bankml

# 7. Two valid 1e308 values in evaluate.
csvset apps.csv two-1e308.csv 0 amount 1e308
csvset two-1e308.csv two-1e308.csv 1 amount 1e308
run 7 any -- evaluate --data two-1e308.csv --id-column loan_id --id-column customer_id --exclude true_pd --backend smile --algorithm logistic --cv 3

# 8. segment on non-finite and huge values; --k 3 on two distinct points.
for v in Infinity -Infinity NaN 1e308; do
  csvset apps.csv "seg$v.csv" 2 annual_income "$v"
  run "8-$v" any -- segment --data "seg$v.csv" --k 3 --out "seg$v" -q
done
printf 'a,b\n1,1\n1,1\n2,2\n2,2\n1,1\n2,2\n' >two-points.csv
run 8-k3 2 -- segment --data two-points.csv --k 3 --out segtwo -q
cp -r bank bank-inf
csvset bank/customers.csv bank-inf/customers.csv 3 annual_income Infinity
run 8-bank-Infinity 2 -- segment --data bank-inf --k 3 --out seg-bank-inf -q
csvset bank/customers.csv bank-inf/customers.csv 3 annual_income 1e308
run 8-bank-1e308 any -- segment --data bank-inf --k 3 --out seg-bank-inf -q

# 9. Output files.
printf 'old\n' >p9.csv; chmod 0644 p9.csv; ino=$(stat -c %i p9.csv)
run 9a 0 -- predict --model m.bankml --input apps.csv --out p9.csv
note "p9.csv mode $(stat -c %a p9.csv), inode $ino -> $(stat -c %i p9.csv) (a new file renamed over the old one)"
mkdir -p emptydir
run 9b 2 -- predict --model m.bankml --input apps.csv --out emptydir
note "emptydir still a directory: $([[ -d emptydir ]] && echo yes || echo NO)"
printf 'old\n' >rec9.csv; chmod 0644 rec9.csv; ino=$(stat -c %i rec9.csv)
run 9c 0 -- recommend --data bank --all --out rec9.csv -q
note "rec9.csv mode $(stat -c %a rec9.csv), inode $ino -> $(stat -c %i rec9.csv)"
ls -a | grep -i '\.tmp' && note "!! temporary files left" || note "no temporary files left"

echo "== Low (command line)" >&2
printf 'amount,name\n1,caf\xe9\n2,ok\n' >latin1.csv
run L-utf8 2 -- profile --data latin1.csv
cp -r bank bank-latin1
python3 -c 'd=open("bank/loans.csv","rb").read().split(b"\n"); d[3]=d[3].replace(b",",b",\xe9",1); open("bank-latin1/loans.csv","wb").write(b"\n".join(d))'
run L-utf8-bank 2 -- predict --model m.bankml --input bank-latin1 --out pl.csv
printf '\xef\xbb\xbf' | cat - apps.csv >apps-bom.csv
run L-bom-cli 0 -- predict --model m.bankml --input apps-bom.csv --out pbom.csv
python3 rezip.py m.bankml traversal.bankml --add ../../evil.txt x.csv
python3 rezip.py m.bankml traversal-unsigned.bankml --add ../../evil.txt x.csv --unsign
run L-traversal 2 -- predict --model traversal.bankml --input apps.csv --out pt.csv
run L-traversal-unsigned 2 -- predict --model traversal-unsigned.bankml --input apps.csv --out pt.csv --trust-unsigned
run L-delim 2 -- profile --data apps.csv --delimiter '"'
run L-dir 2 -- profile --data emptydir
run L-devzero 2 -- profile --data /dev/zero
run L-predict-dir 2 -- predict --model m.bankml --input emptydir --out pd.csv
run L-input-flag 2 -- predict --model m.bankml --input nosuch.csv --out pd.csv
run L-model-dir 2 -- predict --model emptydir --input apps.csv --out pd.csv
run L-model-devzero 2 -- predict --model /dev/zero --input apps.csv --out pd.csv
run L-input-devzero 2 -- predict --model m.bankml --input /dev/zero --out pd.csv
python3 -c 'import csv; rows=list(csv.reader(open("apps.csv"))); i=rows[0].index("purpose"); rows[1][i]="x"*50_000_000; csv.writer(open("big-field.csv","w",newline=""),lineterminator="\n").writerows(rows[:3])'
run L-50MB 2 -- predict --model m.bankml --input big-field.csv --out pb.csv
note "longest output line: $(awk '{ print length }' out.L-50MB | sort -n | tail -1) characters"
grep -q '… (50000000 characters)' out.L-50MB || { echo "!! the cut value does not name the field's length"; failures=$((failures + 1)); }
python3 -c 'import csv; rows=list(csv.reader(open("apps.csv"))); rows[2][0]=rows[1][0]; csv.writer(open("dup-ids.csv","w",newline=""),lineterminator="\n").writerows(rows)'
run L-dup-ids 0 -- predict --model m.bankml --input dup-ids.csv --out pdup.csv
python3 -c 'import csv; rows=list(csv.reader(open("apps.csv"))); i=rows[0].index("defaulted"); rows[0][i]="Status"
for r in rows[1:]: r[i]="bad" if r[i]=="1" or r[i]=="true" else "good"
csv.writer(open("status.csv","w",newline=""),lineterminator="\n").writerows(rows)'
run L-target-status 0 -- profile --data status.csv --target Status --positive bad -q
run L-target-status-default any -- profile --data status.csv --target Status -q
run L-evaluate-status 0 -- evaluate --data status.csv --target Status --positive bad --id-column loan_id --id-column customer_id --exclude true_pd --backend smile --algorithm logistic --cv 3 -q
run L-evaluate-status-default any -- evaluate --data status.csv --target Status --id-column loan_id --id-column customer_id --exclude true_pd --backend smile --algorithm logistic --cv 3 -q
run L-train-status-default any -- train --data status.csv --target Status --id-column loan_id --id-column customer_id --exclude true_pd --backend smile --algorithm logistic --cv 3 --out ms.bankml -q

echo "== Web" >&2
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
java -Xmx512m -jar "$jar" serve --host 127.0.0.1 --port "$port" --data bank --model m.bankml -q >serve.log 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null' EXIT
url="http://127.0.0.1:$port"
for _ in $(seq 1 300); do curl -fsS "$url/api/schema" -o schema.json 2>/dev/null && break; sleep 1; done
python3 - <<'PY'
import csv, json
r = next(csv.DictReader(open("apps.csv")))
fields = json.load(open("schema.json"))["fields"]
good = {f["name"]: (float(r[f["name"]]) if f["type"] == "number" else r[f["name"]]) for f in fields}
json.dump(good, open("good.json", "w"))
names = ["loan_id"] + [f["name"] for f in fields]
rows = list(csv.DictReader(open("apps.csv")))[:3]
rows[0]["loan_id"] = "=HYPERLINK(\"http://x\")"; rows[1]["loan_id"] = "@SUM(A1)"; rows[2]["loan_id"] = "-5+cmd"
with open("batch.csv", "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n"); w.writerow(names); w.writerows([[x[n] for n in names] for x in rows])
open("batch-bom.csv", "wb").write(b"\xef\xbb\xbf" + open("batch.csv", "rb").read())
body = json.dumps(good)
open("trailing.json", "w").write(body + ' {"x": 1}')
open("dupkey.json", "w").write(body[:-1] + ', "amount": 1}')
d = dict(good); d["purpose"] = "</script><script>alert(1)</script>"; json.dump(d, open("script.json", "w"))
PY
web() {  # web ID EXPECTED-STATUS curl-args...
  local id="$1" expect="$2"; shift 2
  local status
  status=$(curl -sS -o "web.$id" -D "hdr.$id" -w '%{http_code}' "$@")
  printf '\n### %s\n$ curl %s\nHTTP %s\n' "$id" "$(shown "$@")" "$status"
  head -c 400 "web.$id"; echo
  grep -iE '^(content-security-policy|x-content-type-options|x-frame-options|referrer-policy)' "hdr.$id" | tr -d '\r' | cut -c1-60
  [[ "$status" == "$expect" ]] || { echo "!! expected HTTP $expect"; failures=$((failures + 1)); }
}
web 10-batch 200 -X POST -H 'Content-Type: text/csv' --data-binary @batch.csv "$url/api/score/batch"
web 10-batch-bom 200 -X POST -H 'Content-Type: text/csv' --data-binary @batch-bom.csv "$url/api/score/batch"
note "formula cells in the download: $(grep -o "^[^,]*" web.10-batch-bom | tail -3 | tr '\n' ' ')"
web L-script 400 -X POST -H 'Content-Type: application/json' --data-binary @script.json "$url/api/score"
grep -q '</script>' web.L-script && { echo "!! <script> unescaped"; failures=$((failures + 1)); }
web L-trailing 400 -X POST -H 'Content-Type: application/json' --data-binary @trailing.json "$url/api/score"
web L-dupkey 400 -X POST -H 'Content-Type: application/json' --data-binary @dupkey.json "$url/api/score"
web L-1e308 400 -X POST -H 'Content-Type: application/json' --data-binary "$(python3 -c 'import json; d=json.load(open("good.json")); d["amount"]=1e308; print(json.dumps(d))')" "$url/api/score"
web L-431 431 -H "X-Big: $(head -c 70000 /dev/zero | tr '\0' a)" "$url/api/schema"
printf '\n### L-400 (a malformed request line, raw)\n'
python3 - "$port" <<'PY' | tr -d '\r' | head -12
import socket, sys
s = socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=5)
s.sendall(b"GET /\x01 HTTP/1.1\r\nHost: x\r\n\r\n")
print(s.recv(4096).decode("latin-1"))
PY
kill "$server"; wait "$server" 2>/dev/null; trap - EXIT
grep -c ' ERROR ' serve.log | xargs -I{} echo "server log: {} ERROR lines"

echo
echo "failures: $failures"
[[ $failures -eq 0 ]]
