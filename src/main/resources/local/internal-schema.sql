-- Tables behind Auth and Storage. They play the part of Supabase's "auth" and "storage" schemas: the
-- sb_ prefix keeps them out of the REST catalog, so /rest/v1 never serves them.
-- Statements are separated by a line holding only ';'.

CREATE TABLE IF NOT EXISTS sb_auth_users (
    id                 TEXT NOT NULL PRIMARY KEY,
    email              TEXT NOT NULL UNIQUE,
    password_hash      TEXT NOT NULL,
    role               TEXT NOT NULL DEFAULT 'authenticated',
    created_at         TEXT NOT NULL,
    updated_at         TEXT NOT NULL,
    last_sign_in_at    TEXT NULL
)
;
CREATE TABLE IF NOT EXISTS sb_auth_sessions (
    id         TEXT NOT NULL PRIMARY KEY,
    user_id    TEXT NOT NULL REFERENCES sb_auth_users (id) ON DELETE CASCADE,
    created_at TEXT NOT NULL
)
;
-- Refresh tokens are stored as SHA-256 digests: a copied database file does not hand out sessions.
CREATE TABLE IF NOT EXISTS sb_auth_refresh_tokens (
    token_hash TEXT NOT NULL PRIMARY KEY,
    session_id TEXT NOT NULL REFERENCES sb_auth_sessions (id) ON DELETE CASCADE,
    revoked    INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
)
;
CREATE TABLE IF NOT EXISTS sb_storage_buckets (
    id                 TEXT NOT NULL PRIMARY KEY,
    name               TEXT NULL,
    owner              TEXT NULL,
    public             INTEGER NOT NULL DEFAULT 0,
    file_size_limit    INTEGER NULL,
    allowed_mime_types TEXT NULL,
    created_at         TEXT NOT NULL,
    updated_at         TEXT NOT NULL
)
;
-- An object's bytes live in a file named after its version (objects/data/<2 chars>/<version>), never after
-- its key: keys need no path mapping, a move is a row update, and an upsert never overwrites a file that a
-- download may still be streaming. Columns added after the first release are also added by StorageSchema.
CREATE TABLE IF NOT EXISTS sb_storage_objects (
    id               TEXT NOT NULL PRIMARY KEY,
    bucket_id        TEXT NOT NULL REFERENCES sb_storage_buckets (id),
    name             TEXT NOT NULL,
    content_type     TEXT NOT NULL,
    cache_control    TEXT NOT NULL,
    size             INTEGER NOT NULL,
    etag             TEXT NOT NULL,
    owner            TEXT NULL,
    user_metadata    TEXT NULL,
    version          TEXT NULL,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    last_accessed_at TEXT NULL,
    UNIQUE (bucket_id, name)
)
;
-- TUS resumable uploads in progress; the received bytes are in objects/uploads/<id>.part and only
-- upload_offset bytes of that file count (a chunk cut off mid-way is truncated away).
CREATE TABLE IF NOT EXISTS sb_storage_uploads (
    id            TEXT NOT NULL PRIMARY KEY,
    bucket_id     TEXT NOT NULL,
    name          TEXT NOT NULL,
    upload_length INTEGER NOT NULL,
    upload_offset INTEGER NOT NULL DEFAULT 0,
    content_type  TEXT NOT NULL,
    cache_control TEXT NOT NULL,
    user_metadata TEXT NULL,
    upsert        INTEGER NOT NULL,
    owner         TEXT NULL,
    expires_at    TEXT NOT NULL
)
;
-- Facts about this data directory, e.g. that the demo data was seeded once (and must not come back after
-- an editor deleted it).
CREATE TABLE IF NOT EXISTS sb_meta (
    key   TEXT NOT NULL PRIMARY KEY,
    value TEXT NOT NULL
)
;
-- Who the current write request is (auth.uid() and auth.jwt() ->> 'email' for the revision triggers of
-- schema.sql): one row, filled at the start of each REST write transaction and emptied at its end.
CREATE TABLE IF NOT EXISTS sb_request_caller (
    sub   TEXT NULL,
    email TEXT NULL
)
