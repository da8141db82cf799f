#!/usr/bin/env bash
# Client benchmarks (issue 4), end to end against ONE local sandbox started here:
#   1. read mix: the Java SupabaseClient vs @supabase/supabase-js on Node, same requests, same server,
#      rounds in alternating order; prints requests/s of both and the ratio Java/JS (goal >= 1.5);
#   2. large upload: the Java StorageClient (TUS and plain PUT) vs curl on the same file and server; prints
#      MiB/s, the ratio Java/curl (goal >= 0.8) and the Java heap growth (goal <= 32 MiB).
# Knobs (environment): STORIES=2000 SCENES=5 CONCURRENCY=8 WARMUP=10 MEASURE=20 ROUNDS=2 UPLOAD_MB=200 UPLOAD_ROUNDS=4
#   ONLY=read|upload runs one half; JFR=1 records the Java read runs with Flight Recorder and prints where
#   the Java client spends its CPU (hot methods, allocations).
# Needs a JDK 25, Maven, Node >= 20 with npm, and curl.
set -euo pipefail
REPO=$(cd "$(dirname "$0")/.." && pwd)
NODE_DIR="$REPO/smoke/supabase-js"
. "$NODE_DIR/sandbox.sh"

STORIES=${STORIES:-2000} SCENES=${SCENES:-5} CONCURRENCY=${CONCURRENCY:-8}
WARMUP=${WARMUP:-10} MEASURE=${MEASURE:-20} ROUNDS=${ROUNDS:-2} UPLOAD_MB=${UPLOAD_MB:-200} UPLOAD_ROUNDS=${UPLOAD_ROUNDS:-4}

command -v node >/dev/null || { echo "bench: node not found" >&2; exit 1; }
command -v curl >/dev/null || { echo "bench: curl not found" >&2; exit 1; }
[ -d "$NODE_DIR/node_modules/@supabase/supabase-js" ] || (cd "$NODE_DIR" && npm ci --no-audit --no-fund --loglevel=error) >&2
sandbox_build

WORK=$(mktemp -d "${TMPDIR:-/tmp}/storymimi-bench.XXXXXX")
cleanup() { sandbox_stop; rm -rf "$WORK"; }
trap cleanup EXIT
# The sandbox's global object limit defaults to 50 MiB (the Supabase CLI's); raise it so the upload runs UPLOAD_MB.
MAX_OBJECT_MB=$(( UPLOAD_MB + 56 > 256 ? UPLOAD_MB + 56 : 256 ))
SANDBOX_JAVA_OPTS="${SANDBOX_JAVA_OPTS:-} -Dstorymimi.sandbox.maxObjectMb=$MAX_OBJECT_MB"
sandbox_start "$WORK/sandbox"

java_main() {
  "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Dlogback.configurationFile="$REPO/bench/logback-bench.xml" \
    "${JAVA_EXTRA[@]}" \
    -cp "$(sandbox_classpath)" "com.storymimi.studio.bench.$1" "${@:2}"
}
# RESULT lines to stdout; everything else (errors, logs) to stderr so a failure says why
result_of() { awk '/^RESULT / { print; next } { print > "/dev/stderr" }'; }
field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p"; }
mean() { awk '{ s += $1; n++ } END { if (n) printf "%.1f", s / n; else print "nan" }'; }
mean3() { awk '{ s += $1; n++ } END { if (n) printf "%.3f", s / n; else print "nan" }'; }

echo "== machine: $(nproc) cores, $(uname -sr), Java $("$JAVA_HOME/bin/java" -version 2>&1 | head -n 1 | cut -d'"' -f2), Node $(node --version), $(curl --version | head -n 1 | cut -d' ' -f1-2)"

ONLY=${ONLY:-}
JAVA_EXTRA=()
read_summary="skipped" upload_summary="skipped" heap_summary="skipped"

# ---------- 1. read mix ----------
if [ "$ONLY" != upload ]; then
echo "== dataset: $STORIES stories x $SCENES scenes"
java_main BenchDataset "$WORK/ids.txt" "$STORIES" "$SCENES"
: >"$WORK/read.txt"
run_java_read() {
  local jfr=()
  [ -z "${JFR:-}" ] || jfr=(-XX:StartFlightRecording=filename="$WORK/read-java.jfr",settings=profile,delay="${WARMUP}s")
  JAVA_EXTRA=("${jfr[@]}")
  java_main ReadMixBench "$WORK/ids.txt" "$CONCURRENCY" "$WARMUP" "$MEASURE" | result_of | tee -a "$WORK/read.txt"
  JAVA_EXTRA=()
  if [ -n "${JFR:-}" ]; then
    "$JAVA_HOME/bin/jfr" view --width 160 hot-methods "$WORK/read-java.jfr" | head -n 30
    "$JAVA_HOME/bin/jfr" view --width 160 allocation-by-class "$WORK/read-java.jfr" | head -n 20
  fi
}
run_js_read() { (cd "$NODE_DIR" && node bench-read.mjs "$WORK/ids.txt" "$CONCURRENCY" "$WARMUP" "$MEASURE") | result_of | tee -a "$WORK/read.txt"; }
echo "== read mix: concurrency $CONCURRENCY, ${WARMUP}s warm-up, ${MEASURE}s measured, $ROUNDS rounds (alternating order)"
for round in $(seq 1 "$ROUNDS"); do
  if [ $((round % 2)) -eq 1 ]; then run_java_read; run_js_read; else run_js_read; run_java_read; fi
done
java_rps=$(grep 'client=java' "$WORK/read.txt" | field rps | mean)
js_rps=$(grep 'client=js' "$WORK/read.txt" | field rps | mean)
read_ratio=$(awk -v j="$java_rps" -v s="$js_rps" 'BEGIN { printf "%.2f", j / s }')
java_cpu=$(grep 'client=java' "$WORK/read.txt" | field cpu_ms_per_req | mean3)
js_cpu=$(grep 'client=js' "$WORK/read.txt" | field cpu_ms_per_req | mean3)
read_summary="Java $java_rps req/s, supabase-js $js_rps req/s, ratio Java/JS $read_ratio (goal >= 1.5); client CPU per request: Java $java_cpu ms, supabase-js $js_cpu ms"
fi

# ---------- 2. large upload ----------
if [ "$ONLY" != read ]; then
auth=(-H "apikey: $SANDBOX_SERVICE_KEY" -H "Authorization: Bearer $SANDBOX_SERVICE_KEY")
bucket=bench-uploads
curl -sS -o /dev/null "${auth[@]}" -H 'Content-Type: application/json' -X POST "$SANDBOX_URL/storage/v1/bucket" \
  -d "{\"id\":\"$bucket\",\"name\":\"$bucket\",\"public\":false,\"file_size_limit\":\"$((UPLOAD_MB + 10))MB\"}"
curl -fsS -o /dev/null "${auth[@]}" "$SANDBOX_URL/storage/v1/bucket/$bucket" \
  || { echo "bench: could not create bucket $bucket (bucket API missing?)" >&2; exit 1; }
max_size=$(curl -sS -D - -o /dev/null -X OPTIONS "${auth[@]}" "$SANDBOX_URL/storage/v1/upload/resumable" \
  | tr -d '\r' | sed -n 's/^[Tt]us-[Mm]ax-[Ss]ize: *//p')
size=$((UPLOAD_MB * 1024 * 1024))
upload_note=""
if [ -n "$max_size" ] && [ "$size" -gt "$max_size" ]; then
  size=$(( (max_size / 1048576 - 2) * 1048576 ))
  upload_note="BLOCKED: the sandbox refuses objects above $max_size bytes (global limit, Tus-Max-Size); measured with $((size / 1048576)) MiB instead of $UPLOAD_MB MiB"
  echo "== $upload_note"
fi
head -c "$size" /dev/urandom >"$WORK/upload.bin"
: >"$WORK/upload.txt"
run_curl_upload() {
  local out
  out=$(curl -sS -o "$WORK/curl-body.txt" -w '%{http_code} %{time_total}' -X POST -T "$WORK/upload.bin" "${auth[@]}" \
    -H 'Content-Type: application/octet-stream' -H 'x-upsert: true' -H 'Expect:' \
    "$SANDBOX_URL/storage/v1/object/$bucket/curl.bin")
  set -- $out
  [ "$1" = 200 ] || { echo "bench: curl upload answered $1: $(cat "$WORK/curl-body.txt")" >&2; exit 1; }
  awk -v b="$size" -v t="$2" 'BEGIN { printf "RESULT client=curl mode=plain bytes=%d seconds=%.2f mib_s=%.1f\n", b, t, b / 1048576 / t }' \
    | tee -a "$WORK/upload.txt"
}
run_java_upload() { java_main UploadBench "$WORK/upload.bin" "$bucket" "java-$1.bin" "$1" | result_of | tee -a "$WORK/upload.txt"; }
echo "== upload: $((size / 1048576)) MiB, $UPLOAD_ROUNDS rounds (alternating order)"
for round in $(seq 1 "$UPLOAD_ROUNDS"); do
  if [ $((round % 2)) -eq 1 ]; then run_curl_upload; run_java_upload tus; run_java_upload plain
  else run_java_upload plain; run_java_upload tus; run_curl_upload; fi
done
curl_mibs=$(grep 'client=curl' "$WORK/upload.txt" | field mib_s | mean)
tus_mibs=$(grep 'mode=tus' "$WORK/upload.txt" | field mib_s | mean)
plain_mibs=$(grep 'client=java mode=plain' "$WORK/upload.txt" | field mib_s | mean)
heap_peak=$(grep 'client=java' "$WORK/upload.txt" | field heap_peak_growth_mib | sort -n | tail -n 1)
heap_after=$(grep 'client=java' "$WORK/upload.txt" | field heap_after_growth_mib | sort -n | tail -n 1)
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
upload_summary="curl $curl_mibs MiB/s; Java TUS $tus_mibs MiB/s (ratio Java/curl $(ratio "$tus_mibs" "$curl_mibs")); Java plain PUT $plain_mibs MiB/s (ratio $(ratio "$plain_mibs" "$curl_mibs")) (goal >= 0.8)"
heap_summary="worst Java upload: peak growth $heap_peak MiB, retained after GC $heap_after MiB (goal <= 32)"
fi

echo
echo "== summary"
echo "read mix:  $read_summary"
echo "upload:    $upload_summary"
echo "heap:      $heap_summary"
[ -z "${upload_note:-}" ] || echo "note:      $upload_note"
