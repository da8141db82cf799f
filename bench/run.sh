#!/usr/bin/env bash
# Every benchmark from one command (issue 23, first step): ./studio bench [name...] runs them in turn, each with
# what it needs set up here (a build, Xvfb with GTK for the window benchmarks, real PostgREST + PostgreSQL for the
# ones that compare against it, Node for supabase-js), keeps each one's whole output in target/bench/<name>.log
# and prints the lines with its results at the end. Each benchmark measures its own baseline in the same run.
#   ./studio bench            all but startup (startup needs the installed .deb: ./studio bench startup)
#   ./studio bench list       the names and what each measures
# Knobs: QUICK=1 runs the long ones on smaller data (for a try, not for docs/benchmarks.md).
set -euo pipefail
REPO=$(cd "$(dirname "$0")/.." && pwd)
cd "$REPO"
OUT=$REPO/target/bench
QUICK=${QUICK:-0}

# name | needs (window, postgrest, node, installed) | what it measures
BENCHES=(
  "sandbox-vs-postgrest|postgrest|the app's query mix on the sandbox vs real PostgREST + PostgreSQL, 1 and 4 clients"
  "create-with-scenes|postgrest|a 100-scene story in one RPC vs one insert per scene"
  "client|node|the Java client's read mix vs supabase-js, and a large upload vs curl"
  "large-catalogue|-|100 000 stories / 1 000 000 scenes: first page, count, search, heap"
  "fx-stalls|window|FX-thread stalls of the real window paging, searching, opening stories, uploading"
  "player|window|FX-thread stalls while the storyboard player plays a 100-scene story"
  "revisions|postgrest?|what recording history costs a save"
  "bundles|-|export and import of a 100-scene story vs cp + the one RPC"
  "startup|installed|the installed app's first frame vs a blank JavaFX window"
)

say() { echo "bench: $*" >&2; }

list() {
  local entry
  for entry in "${BENCHES[@]}"; do
    IFS='|' read -r name needs what <<<"$entry"
    printf '  %-22s %s\n' "$name" "$what"
  done
}

needs_of() {
  local entry
  for entry in "${BENCHES[@]}"; do
    IFS='|' read -r name needs what <<<"$entry"
    [ "$name" = "$1" ] && { echo "$needs"; return 0; }
  done
  return 1
}

classpath() {
  if [ ! -s target/cp.txt ] || [ pom.xml -nt target/cp.txt ]; then
    mvn -q -B dependency:build-classpath -Dmdep.outputFile=target/cp.txt >/dev/null
  fi
  echo "target/test-classes:target/classes:$(cat target/cp.txt)"
}

java_bench() { # class args...
  "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Dlogback.configurationFile="$REPO/bench/logback-bench.xml" \
    "${JAVA_EXTRA[@]}" -cp "$(classpath)" "$@"
}

xvfb_pid=""
backend_started=0
cleanup() {
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
  [ "$backend_started" = 1 ] && bash contract/real-backend.sh stop >/dev/null 2>&1 || true
}
trap cleanup EXIT

window() {
  [ -n "$xvfb_pid" ] && return 0
  local display
  for display in $(seq 131 160); do [ -e "/tmp/.X11-unix/X$display" ] || break; done
  Xvfb ":$display" -screen 0 1440x900x24 -nolisten tcp >/dev/null 2>&1 &
  xvfb_pid=$!
  export DISPLAY=":$display"
  # ALSA's null device: the player's narration "plays" without a sound card
  export XDG_CONFIG_HOME=$REPO/src/test/alsa
  sleep 1
}

postgrest() {
  [ "$backend_started" = 1 ] && return 0
  bash contract/real-backend.sh start >/dev/null  # it prints its env, keys included: never into a log
  backend_started=1
  set -a; . contract-backend/env; set +a
}

run_one() {
  local name=$1 needs
  needs=$(needs_of "$name") || { say "no benchmark called '$name'"; list >&2; return 2; }
  JAVA_EXTRA=()
  case "$needs" in
    window) window; JAVA_EXTRA=(-Dglass.platform=gtk) ;;
    postgrest) postgrest ;;
    postgrest\?) postgrest || say "$name: no real PostgREST here, the sandbox only" ;;
  esac
  local q=$QUICK
  case "$name" in
    sandbox-vs-postgrest) java_bench com.storymimi.studio.bench.SandboxVsPostgrestBench \
                            $([ "$q" = 1 ] && echo "1000 200 1" || echo "5000 1000 1") ;;
    create-with-scenes)   java_bench com.storymimi.studio.service.CreateWithScenesBenchmark $([ "$q" = 1 ] && echo 5 || echo 20) ;;
    client)               $([ "$q" = 1 ] && echo "env ROUNDS=1 UPLOAD_MB=50 UPLOAD_ROUNDS=1") bash bench/run-client-bench.sh ;;
    large-catalogue)      java_bench com.storymimi.studio.bench.LargeCatalogueBench \
                            $([ "$q" = 1 ] && echo "10000 10 50 4" || echo "100000 10 200 4") ;;
    fx-stalls)            java_bench com.storymimi.studio.bench.FxStallBench $([ "$q" = 1 ] && echo "10000 2 20" || echo "100000 2 40") ;;
    player)               java_bench com.storymimi.studio.bench.StoryboardStallBench $([ "$q" = 1 ] && echo 30 || echo 100) ;;
    revisions)            java_bench com.storymimi.studio.bench.RevisionCostBench 10 100 ;;
    bundles)              java_bench com.storymimi.studio.bench.BundleBench $([ "$q" = 1 ] && echo "2 100 200" || echo "5 100 200") ;;
    startup)              bash installer/bench-startup.sh $([ "$q" = 1 ] && echo 3 || echo 7) ;;
  esac
}

[ "${1:-}" = list ] && { list; exit 0; }
names=("$@")
if [ ${#names[@]} -eq 0 ]; then
  for entry in "${BENCHES[@]}"; do
    IFS='|' read -r name needs what <<<"$entry"
    [ "$name" = startup ] || names+=("$name")
  done
fi
for name in "${names[@]}"; do needs_of "$name" >/dev/null || { say "no benchmark called '$name'; these are:"; list >&2; exit 2; }; done

mkdir -p "$OUT"
say "building"
mvn -q -B -DskipTests test-compile >&2
failed=()
for name in "${names[@]}"; do
  say "$name: $(needs_of "$name" >/dev/null; for e in "${BENCHES[@]}"; do IFS='|' read -r n _ w <<<"$e"; [ "$n" = "$name" ] && echo "$w"; done)"
  started=$(date +%s)
  if run_one "$name" >"$OUT/$name.log" 2>&1; then
    say "$name: done in $(( $(date +%s) - started )) s, log in target/bench/$name.log"
  else
    say "$name: FAILED after $(( $(date +%s) - started )) s, see target/bench/$name.log"
    tail -5 "$OUT/$name.log" >&2
    failed+=("$name")
  fi
done

echo
echo "== results ($(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores) =="
for name in "${names[@]}"; do
  echo "-- $name"
  # the lines a benchmark prints with its figures: ratios, medians, tables, goals
  grep -E -i "ratio|[0-9.]+x|×|median|p50|p95|p99|goal|vs |baseline|RESULT|^\|" "$OUT/$name.log" \
    | grep -v -E "DEBUG|INFO|WARN|^\s+at |stall in" | head -40 || echo "   (no result lines; see target/bench/$name.log)"
done
[ ${#failed[@]} -eq 0 ] || { say "failed: ${failed[*]}"; exit 1; }
