#!/usr/bin/env bash
# Smoke checks of a PostgREST endpoint carrying supabase/migrations: what the contract suite relies on.
# Uses contract-backend/env (written by contract/real-backend.sh start) unless POSTGREST_URL and the keys are
# already in the environment, so it can also be pointed at another server, e.g. the sandbox's /rest/v1.
# Every run uses fresh ids and cleans up after itself; exits non-zero when a check fails.
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
readonly ROOT
if [[ -z "${POSTGREST_URL:-}" ]]; then
    env_file="${CONTRACT_BACKEND_DIR:-$ROOT/contract-backend}/env"
    [[ -f "$env_file" ]] || { echo "smoke: no $env_file (run contract/real-backend.sh start)" >&2; exit 2; }
    set -a
    # shellcheck source=/dev/null
    . "$env_file"
    set +a
fi
command -v jq >/dev/null || { echo "smoke: jq is required" >&2; exit 2; }

readonly URL="$POSTGREST_URL"
readonly EDITOR="Authorization: Bearer $POSTGREST_AUTHENTICATED_KEY"
readonly ANON="Authorization: Bearer $POSTGREST_ANON_KEY"
readonly JSON="Content-Type: application/json"
TMP="$(mktemp -d)"
readonly TMP
trap 'rm -rf "$TMP"' EXIT
passed=0
failed=0

uuid() { cat /proc/sys/kernel/random/uuid; }

# req METHOD PATH [BODY] [HEADER...]: sets STATUS, BODY and the headers file for header().
req() {
    local method="$1" path="$2" body="${3:-}"
    shift 3 || shift $#
    local args=(-s -X "$method" -D "$TMP/headers" -o "$TMP/body" -w '%{http_code}' -H "apikey: $POSTGREST_ANON_KEY")
    [[ -n "$body" ]] && args+=(--data-binary "$body")
    local h
    for h in "$@"; do args+=(-H "$h"); done
    STATUS="$(curl "${args[@]}" "$URL$path")"
    BODY="$(cat "$TMP/body")"
}

header() { sed -n "s/^$1: *//Ip" "$TMP/headers" | tr -d '\r' | head -n 1; }

check() {
    local name="$1" actual="$2" expected="$3"
    if [[ "$actual" == "$expected" ]]; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        printf 'FAIL %s\n  expected: %s\n  actual:   %s\n  body: %s\n' "$name" "$expected" "$actual" "$BODY" >&2
    fi
}

run="$(uuid)"
tag="${run:0:8}"
user_id="$(uuid)"
email="smoke-$run@example.com"
story_id="$(uuid)"
scene1="$(uuid)"; scene2="$(uuid)"; scene3="$(uuid)"

# --- access ------------------------------------------------------------------------------------------
req GET /users "" "$ANON"
check "anon select users: status" "$STATUS" 200
check "anon select users: body" "$BODY" "[]"

req POST /users "{\"user_id\":\"$user_id\",\"username\":\"smoke\",\"email\":\"$email\"}" "$EDITOR" "$JSON"
check "editor inserts user" "$STATUS" 201
check "insert returns no body by default" "$BODY" ""

req GET /users "" "$ANON"
check "anon still sees nothing" "$BODY" "[]"

req POST /users "{\"username\":\"anon\",\"email\":\"anon-$run@example.com\"}" "$ANON" "$JSON"
check "anon insert refused by RLS" "$STATUS $(jq -r .code <<<"$BODY")" "401 42501"

# --- errors ------------------------------------------------------------------------------------------
req POST /users "{\"username\":\"dup\",\"email\":\"$email\"}" "$EDITOR" "$JSON"
check "duplicate email: status" "$STATUS" 409
check "duplicate email: code" "$(jq -r .code <<<"$BODY")" 23505
check "duplicate email: message" "$(jq -r .message <<<"$BODY")" 'duplicate key value violates unique constraint "users_email_key"'

req GET "/users?user_id=eq.abc" "" "$EDITOR"
check "invalid uuid filter" "$STATUS $(jq -r .code <<<"$BODY")" "400 22P02"
check "invalid uuid message" "$(jq -r .message <<<"$BODY")" 'invalid input syntax for type uuid: "abc"'

req POST /stories '{"title":"t","colour":"red"}' "$EDITOR" "$JSON"
check "unknown column" "$STATUS $(jq -r .code <<<"$BODY")" "400 PGRST204"

req GET /no_such_table "" "$EDITOR"
check "unknown table: status" "$STATUS" 404
check "unknown table: code (42P01 up to v12, PGRST205 from v13)" \
    "$(jq -r '.code | test("^(42P01|PGRST205)$")' <<<"$BODY")" true

# --- create_story_with_scenes ------------------------------------------------------------------------
story_json="{\"story\":{\"story_id\":\"$story_id\",\"user_id\":\"$user_id\",\"title\":\"$tag Dragon\",\"prompt\":\"smoke\"},
  \"scenes\":[{\"scene_id\":\"$scene1\",\"sequence\":1,\"text\":\"one\"},
              {\"scene_id\":\"$scene2\",\"sequence\":2,\"text\":\"two\",\"image_url\":\"http://x/2.png\"},
              {\"scene_id\":\"$scene3\",\"sequence\":3,\"text\":\"three\"}]}"
req POST /rpc/create_story_with_scenes "$story_json" "$EDITOR" "$JSON"
check "create_story_with_scenes: status" "$STATUS" 200
check "create_story_with_scenes: story" "$(jq -r '[.story_id, .status, .user_id] | join(" ")' <<<"$BODY")" \
    "$story_id PENDING $user_id"
check "create_story_with_scenes: scenes in order" "$(jq -c '[.scenes[] | [.sequence, .text]]' <<<"$BODY")" \
    '[[1,"one"],[2,"two"],[3,"three"]]'

req POST /rpc/create_story_with_scenes "$story_json" "$EDITOR" "$JSON"
check "create_story_with_scenes twice" "$STATUS $(jq -r .code <<<"$BODY")" "409 23505"

req POST /rpc/create_story_with_scenes "{\"story\":{\"title\":\"$tag broken\"},\"scenes\":[{\"text\":\"no sequence\"}]}" "$EDITOR" "$JSON"
check "create_story_with_scenes is atomic: error" "$STATUS $(jq -r .code <<<"$BODY")" "400 23502"
req GET "/stories?title=eq.$tag%20broken" "" "$EDITOR"
check "create_story_with_scenes is atomic: no story left" "$BODY" "[]"

# --- reorder_scenes ----------------------------------------------------------------------------------
req POST /rpc/reorder_scenes "{\"p_story_id\":\"$story_id\",\"p_scene_ids\":[\"$scene3\",\"$scene2\",\"$scene1\"]}" "$EDITOR" "$JSON"
check "reorder_scenes: status" "$STATUS" 200
check "reorder_scenes: reversed" "$(jq -c '[.[] | [.sequence, .text]]' <<<"$BODY")" '[[1,"three"],[2,"two"],[3,"one"]]'

req POST /rpc/reorder_scenes "{\"p_story_id\":\"$story_id\",\"p_scene_ids\":[\"$scene3\",\"$scene2\"]}" "$EDITOR" "$JSON"
check "reorder_scenes: incomplete list" "$STATUS $(jq -r .code <<<"$BODY")" "409 PT409"

req POST /rpc/reorder_scenes "{\"p_story_id\":\"$(uuid)\",\"p_scene_ids\":[]}" "$EDITOR" "$JSON"
check "reorder_scenes: unknown story" "$STATUS $(jq -r .code <<<"$BODY")" "404 PT404"

# --- search_stories ----------------------------------------------------------------------------------
req POST /stories "[{\"user_id\":\"$user_id\",\"title\":\"$tag 50% off\"},{\"user_id\":\"$user_id\",\"title\":\"$tag 500 offers\"},
                   {\"user_id\":\"$user_id\",\"title\":\"$tag ÄRGER im Wald\"},{\"user_id\":\"$user_id\",\"title\":\"$tag a_b\\\\c\"},{\"user_id\":\"$user_id\",\"title\":\"$tag axbyc\"}]" \
    "$EDITOR" "$JSON"
check "bulk insert" "$STATUS" 201

req POST /rpc/search_stories "{\"term\":\"$tag 50%\"}" "$EDITOR" "$JSON"
check "search_stories: % is literal" "$(jq -c '[.[].title]' <<<"$BODY")" "[\"$tag 50% off\"]"

req POST /rpc/search_stories "{\"term\":\"$tag a_b\\\\\"}" "$EDITOR" "$JSON"
check "search_stories: _ and \\ are literal" "$(jq -c '[.[].title]' <<<"$BODY")" "[\"$tag a_b\\\\c\"]"

req POST /rpc/search_stories "{\"term\":\"$tag ärger\"}" "$EDITOR" "$JSON"
check "search_stories: case-insensitive beyond ASCII" "$(jq -c '[.[].title]' <<<"$BODY")" "[\"$tag ÄRGER im Wald\"]"

req GET "/stories?select=title&title=ilike.*%C3%A4rger*&user_id=eq.$user_id" "" "$EDITOR"
check "ilike *ärger* matches ÄRGER" "$(jq -c '[.[].title]' <<<"$BODY")" "[\"$tag ÄRGER im Wald\"]"

req POST /rpc/story_status_counts '{}' "$EDITOR" "$JSON"
check "story_status_counts: four statuses" "$(jq -c '[.[].status]' <<<"$BODY")" '["PENDING","GENERATING","COMPLETED","ERROR"]'
check "story_status_counts: counts are numbers" "$(jq -c '[.[].count | type] | unique' <<<"$BODY")" '["number"]'

# --- ranges and single objects -----------------------------------------------------------------------
req GET "/stories?user_id=eq.$user_id&order=created_at.desc&limit=2" "" "$EDITOR" "Prefer: count=exact"
check "count=exact limit=2 of 6: status" "$STATUS" 206
check "count=exact limit=2 of 6: Content-Range" "$(header Content-Range)" "0-1/6"

req GET "/stories?user_id=eq.$user_id&title=eq.none" "" "$EDITOR" "Prefer: count=exact"
check "empty result with count" "$STATUS $(header Content-Range)" "200 */0"
req GET "/stories?user_id=eq.$user_id&title=eq.none" "" "$EDITOR"
check "empty result without count" "$STATUS $(header Content-Range)" "200 */*"

req GET "/stories?story_id=eq.$(uuid)" "" "$EDITOR" "Accept: application/vnd.pgrst.object+json"
check "single object, 0 rows" "$STATUS $(jq -r .code <<<"$BODY")" "406 PGRST116"
req GET "/stories?user_id=eq.$user_id&limit=2" "" "$EDITOR" "Accept: application/vnd.pgrst.object+json"
check "single object, 2 rows" "$STATUS $(jq -r .code <<<"$BODY")" "406 PGRST116"
req GET "/stories?story_id=eq.$story_id" "" "$EDITOR" "Accept: application/vnd.pgrst.object+json"
check "single object, 1 row" "$STATUS $(jq -r .story_id <<<"$BODY")" "200 $story_id"

# --- PATCH and the updated_at trigger ----------------------------------------------------------------
req PATCH "/stories?story_id=eq.$story_id" '{"status":"GENERATING","updated_at":"2000-01-01T00:00:00Z"}' \
    "$EDITOR" "$JSON" "Prefer: return=representation"
check "PATCH return=representation" "$STATUS $(jq -r '.[0].status' <<<"$BODY") $(header Content-Range)" "200 GENERATING 0-0/*"
check "updated_at is set by the server" "$(jq -r '.[0].updated_at | startswith("2000")' <<<"$BODY")" false

req PATCH "/stories?story_id=eq.$story_id" '{"status":"DONE"}' "$EDITOR" "$JSON"
check "status CHECK" "$STATUS $(jq -r .code <<<"$BODY")" "400 23514"

# --- cascade -----------------------------------------------------------------------------------------
req DELETE "/users?user_id=eq.$user_id" "" "$EDITOR" "$JSON"
check "delete user" "$STATUS" 204
req GET "/stories?user_id=eq.$user_id" "" "$EDITOR"
check "cascade removed the user's stories" "$BODY" "[]"
req GET "/scenes?story_id=eq.$story_id" "" "$EDITOR"
check "cascade removed the story's scenes" "$BODY" "[]"

echo "smoke: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
