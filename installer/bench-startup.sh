#!/usr/bin/env bash
# Start-up benchmark: launch -> first frame of the INSTALLED app's main window vs a blank JavaFX window
# (src/test/java/.../startup/BlankWindowApp) on the same runtime with its own AOT cache, under one Xvfb,
# runs alternating, median of each. Both report "first frame after N ms" measured from process start.
# Usage: installer/bench-startup.sh [runs]   (default 5; needs the .deb installed, or APP_DIR=target/installer/image/storymimi-studio)
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${1:-5}
APP_DIR=${APP_DIR:-/opt/storymimi-studio}
RUNTIME=$APP_DIR/lib/runtime
WORK=$(mktemp -d /tmp/storymimi-bench.XXXXXX)
xvfb_pid=""
cleanup() { [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT

[ -x "$APP_DIR/bin/storymimi-studio" ] || { echo "bench: no app at $APP_DIR (install the .deb or set APP_DIR)" >&2; exit 1; }
if [ ! -f target/test-classes/com/storymimi/studio/startup/BlankWindowApp.class ]; then
  mvn -q -B -o test-compile
fi
# An AOT cache takes classes from jars only, not from a folder.
BLANK_CP=$WORK/blank-window.jar
"${JAVA_HOME:+$JAVA_HOME/bin/}jar" --create --file "$BLANK_CP" -C target/test-classes com/storymimi/studio/startup/BlankWindowApp.class

for display in $(seq 121 150); do [ -e "/tmp/.X11-unix/X$display" ] || break; done
Xvfb ":$display" -screen 0 1440x900x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
export DISPLAY=":$display"
sleep 1

first_frame_ms() { sed -n 's/^storymimi: first frame after \([0-9]*\) ms$/\1/p' | tail -1; }

app_run() {
  JAVA_TOOL_OPTIONS="-Dstorymimi.home=$WORK/home -Dstorymimi.exitAfterFirstFrame=true" \
    timeout 120 "$APP_DIR/bin/storymimi-studio" 2>/dev/null | first_frame_ms
}
blank_run() {
  timeout 120 "$RUNTIME/bin/java" "$@" --enable-native-access=javafx.graphics -cp "$BLANK_CP" \
    com.storymimi.studio.startup.BlankWindowApp 2>/dev/null | first_frame_ms
}
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }

# The blank window's cache is trained like the app's: one run that writes it at exit.
blank_run -XX:AOTCacheOutput="$WORK/blank.aot" >/dev/null
# Warm-up, not counted: the app's first start seeds the sandbox's demo data; both warm the page cache.
app_run >/dev/null; blank_run -XX:AOTCache="$WORK/blank.aot" >/dev/null

app_times=() blank_times=()
for i in $(seq "$RUNS"); do
  app_times+=("$(app_run)")
  blank_times+=("$(blank_run -XX:AOTCache="$WORK/blank.aot")")
done
app_median=$(printf '%s\n' "${app_times[@]}" | median)
blank_median=$(printf '%s\n' "${blank_times[@]}" | median)
echo "app   (installed, AOT cache): ${app_times[*]} ms -> median $app_median ms"
echo "blank (same runtime, AOT):    ${blank_times[*]} ms -> median $blank_median ms"
awk -v a="$app_median" -v b="$blank_median" 'BEGIN { printf "ratio app/blank: %.2f\n", a / b }'
