#!/usr/bin/env bash
# Runs smoke.mjs (the official @supabase/supabase-js against the local sandbox) end to end: compiles if needed,
# starts a sandbox on a throwaway data directory and a free port, runs node, stops the sandbox, exits with
# node's status. Needs Node >= 20, npm and a JDK 25.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
. "$HERE/sandbox.sh"

command -v node >/dev/null || { echo "smoke: node not found (Node 20 or newer is needed)" >&2; exit 1; }
if [ ! -d "$HERE/node_modules/@supabase/supabase-js" ]; then
  (cd "$HERE" && npm ci --no-audit --no-fund --loglevel=error) >&2
fi
sandbox_build

WORK=$(mktemp -d "${TMPDIR:-/tmp}/storymimi-smoke.XXXXXX")
cleanup() { sandbox_stop; rm -rf "$WORK"; }
trap cleanup EXIT
sandbox_start "$WORK"

status=0
(cd "$HERE" && node smoke.mjs) || status=$?
if [ "$status" -ne 0 ] && [ -n "${SMOKE_KEEP_LOG:-}" ]; then
  sed 's/\(key: *\|password: *\).*/\1[REDACTED]/' "$WORK/serve.out" > "$SMOKE_KEEP_LOG"
fi
exit "$status"
