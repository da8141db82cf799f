#!/usr/bin/env bash
# Installer smoke test (CI, as root, after the tests). Builds the .deb, installs it, opens the INSTALLED app on a
# throwaway sandbox under Xvfb, checks that its main window appears with something drawn in it, closes it with
# SIGTERM and fails if it hangs, checks that a broken start ends with a message instead of hanging, uninstalls.
# SMOKE_DEB=path/to.deb skips the build. The screenshot and logs stay in target/installer-smoke/.
set -euo pipefail
cd "$(dirname "$0")/.."

APP=/opt/storymimi-studio/bin/storymimi-studio
TITLE="StoryMimi Studio"
WINDOW_TIMEOUT=60    # seconds from launch to a visible main window with content
EXIT_TIMEOUT=15      # seconds from SIGTERM, or from a failed start, to the process being gone
MIN_STDDEV=0.05      # a window showing text, table and sidebar; a blank window is ~0

OUT=$PWD/target/installer-smoke
WORK=$(mktemp -d /tmp/storymimi-smoke.XXXXXX)
xvfb_pid="" app_pid="" exit_status=""

say() { echo "installer-smoke: $*" >&2; }
fail() { say "FAIL: $*"; exit 1; }

cleanup() {
  [ -n "$app_pid" ] && kill -KILL "$app_pid" 2>/dev/null || true
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
  dpkg -s storymimi-studio >/dev/null 2>&1 && dpkg -r storymimi-studio >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

need_tools() {
  local missing=()
  command -v xdotool >/dev/null || missing+=(xdotool)
  command -v import >/dev/null && command -v convert >/dev/null || missing+=(imagemagick)
  command -v Xvfb >/dev/null || missing+=(xvfb)
  [ ${#missing[@]} -eq 0 ] && return 0
  say "installing ${missing[*]}"
  apt-get update -qq >/dev/null || true
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

build_and_install() {
  local deb=${SMOKE_DEB:-}
  if [ -z "$deb" ]; then
    # Not straight into $OUT: the package build starts with `mvn clean`, which removes target/.
    ./studio package >"$WORK/package.log" 2>&1 || { tail -40 "$WORK/package.log" >&2; fail "./studio package failed"; }
    deb=$(ls target/installer/storymimi-studio_*_amd64.deb)
    mkdir -p "$OUT" && cp "$WORK/package.log" "$OUT/"
  fi
  say "installing $deb ($(du -h "$deb" | cut -f1))"
  # dpkg -i leaves missing dependencies unconfigured; apt-get -f install fetches them and finishes the job.
  dpkg -i "$deb" >"$OUT/install.log" 2>&1 || \
    DEBIAN_FRONTEND=noninteractive apt-get -f install -y -qq --no-install-recommends >>"$OUT/install.log" 2>&1 || \
    { cat "$OUT/install.log" >&2; fail "the .deb did not install"; }
  [ "$(dpkg-query -W -f='${Status}' storymimi-studio)" = "install ok installed" ] || fail "the package is not configured"
  [ -x "$APP" ] || fail "$APP is missing"
  grep -q "^Categories=Office;Graphics;" /usr/share/applications/*storymimi-studio*.desktop || fail "no menu entry"
}

start_xvfb() {
  local display
  for display in $(seq 91 120); do [ -e "/tmp/.X11-unix/X$display" ] || break; done
  Xvfb ":$display" -screen 0 1440x900x24 -nolisten tcp >"$OUT/xvfb.log" 2>&1 &
  xvfb_pid=$!
  export DISPLAY=":$display"
  for _ in $(seq 50); do xdotool getdisplaygeometry >/dev/null 2>&1 && return 0; sleep 0.1; done
  fail "Xvfb did not start"
}

# Starts the installed app as a new user would: own HOME and XDG folders, nothing configured.
launch() {
  local home=$WORK/$1; shift
  mkdir -p "$home"
  env -i PATH="$PATH" DISPLAY="${DISPLAY:-}" HOME="$home" XDG_CONFIG_HOME="$home/.config" \
      XDG_DATA_HOME="$home/.local/share" XDG_STATE_HOME="$home/.local/state" "$@" "$APP" \
      >"$OUT/$(basename "$home").out" 2>"$OUT/$(basename "$home").err" &
  app_pid=$!
}

# Waits for the app to end, failing after the bound; sets exit_status (not a $(...): only this shell can wait).
wait_for_exit() {
  local deadline=$((SECONDS + EXIT_TIMEOUT))
  while kill -0 "$app_pid" 2>/dev/null; do
    [ $SECONDS -lt $deadline ] || fail "$1: still running ${EXIT_TIMEOUT}s later"
    sleep 0.2
  done
  wait "$app_pid" && exit_status=0 || exit_status=$?
  app_pid=""
}

window_stddev() { convert "$1" -colorspace Gray -format '%[fx:standard_deviation]' info:; }

smoke_main_window() {
  local started=$SECONDS window="" stddev=0
  launch fresh-user JAVA_TOOL_OPTIONS=-Xlog:aot
  while [ $((SECONDS - started)) -lt $WINDOW_TIMEOUT ]; do
    kill -0 "$app_pid" 2>/dev/null || { cat "$OUT/fresh-user.err" >&2; fail "the app ended before showing its window"; }
    window=$(xdotool search --onlyvisible --name "^$TITLE\$" 2>/dev/null | head -1 || true)
    # The sandbox seeds its demo data on first start; the users table fills in once it is served.
    if [ -n "$window" ] && grep -q "Local sandbox serving" "$OUT/fresh-user.out"; then
      sleep 2
      import -window "$window" "$OUT/window.png" 2>/dev/null || true
      stddev=$(window_stddev "$OUT/window.png" 2>/dev/null || echo 0)
      awk -v s="$stddev" -v m="$MIN_STDDEV" 'BEGIN { exit !(s > m) }' && break
    fi
    sleep 0.5
  done
  import -window root "$OUT/screen.png"
  [ -n "$window" ] || fail "no visible window titled '$TITLE' after ${WINDOW_TIMEOUT}s (screenshot: $OUT/screen.png)"
  awk -v s="$stddev" -v m="$MIN_STDDEV" 'BEGIN { exit !(s > m) }' || \
    fail "the main window looks empty (standard deviation $stddev <= $MIN_STDDEV; screenshot: $OUT/screen.png)"
  say "main window $(xdotool getwindowgeometry "$window" | sed -n 's/.*Geometry: //p') with content" \
      "(stddev $stddev) $((SECONDS - started))s after launch; screenshot: $OUT/screen.png"

  kill -TERM "$app_pid"
  wait_for_exit "after SIGTERM"
  say "closed by SIGTERM (exit status $exit_status)"
  grep -q "Seeded demo data" "$OUT/fresh-user.out" || fail "the fresh sandbox had no demo data"
  grep -q "Opened AOT cache $(dirname "$(dirname "$APP")")/lib/app/app.aot" "$OUT/fresh-user.out" && \
    ! grep -q "Unable to use AOT cache" "$OUT/fresh-user.out" "$OUT/fresh-user.err" || fail "the AOT cache was not used"
  [ -d "$WORK/fresh-user/.local/share/storymimi-studio/sandbox" ] || fail "the sandbox was not under XDG_DATA_HOME"
}

# A start that cannot work must end with a message on stderr, never hang with no window.
smoke_failed_start() {
  local name=$1 expected=$2; shift 2
  launch "$name" "$@"
  wait_for_exit "$name"
  [ "$exit_status" -ne 0 ] || fail "$name: exit status 0"
  grep -q "$expected" "$OUT/$name.err" || { cat "$OUT/$name.err" >&2; fail "$name: no '$expected' on stderr"; }
  say "$name: ended with status $exit_status and '$(grep -m1 "$expected" "$OUT/$name.err" | cut -c1-120)'"
}

rm -rf "$OUT" && mkdir -p "$OUT"
need_tools
build_and_install
start_xvfb
smoke_main_window
# The log folder's parent is a file: the app cannot create its folders.
touch "$WORK/a-file"
smoke_failed_start unwritable-state "could not start: it cannot write its folders" XDG_STATE_HOME="$WORK/a-file"
# No display at all (an ssh session without X): JavaFX cannot start its toolkit.
smoke_failed_start no-display "could not open its window" DISPLAY=
dpkg -r storymimi-studio >"$OUT/remove.log" 2>&1 || { cat "$OUT/remove.log" >&2; fail "dpkg -r failed"; }
[ ! -e "$APP" ] || fail "$APP still there after dpkg -r"
say "OK"
