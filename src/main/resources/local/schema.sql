-- The sandbox's "public" schema: the same tables, columns, defaults and constraints as supabase/migrations.
-- The REST layer reads everything it needs from SQLite's PRAGMAs, so a table added here is served at once.
--
-- Declared types carry the Postgres type (UUID, TEXT, INTEGER, BOOLEAN, TIMESTAMPTZ); the Java layer
-- canonicalises every value before it is bound. The CHECKs below are the safety net for anything that
-- bypasses it: a uuid is lowercase 8-4-4-4-12 hex, a timestamp is UTC text with exactly 6 fraction digits
-- (2026-11-24T06:51:18.123456Z), which sorts correctly as text.
-- Constraint names follow Postgres's defaults (users_email_key, stories_status_check, ...) because the
-- error messages carry them. Statements are separated by a line holding only ';'.

CREATE TABLE IF NOT EXISTS users (
    user_id    UUID        NOT NULL PRIMARY KEY DEFAULT (
                   lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4'
                   || substr(lower(hex(randomblob(2))), 2) || '-'
                   || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2)
                   || '-' || lower(hex(randomblob(6)))),
    username   TEXT        NOT NULL,
    email      TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%f000Z', 'now')),
    CONSTRAINT users_email_key UNIQUE (email),
    CONSTRAINT users_user_id_uuid CHECK (typeof(user_id) = 'text' AND length(user_id) = 36
        AND user_id GLOB '????????-????-????-????-????????????' AND user_id NOT GLOB '*[^0-9a-f-]*'),
    CONSTRAINT users_created_at_utc CHECK (typeof(created_at) = 'text' AND length(created_at) = 27
        AND created_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9][0-9][0-9][0-9]Z')
)
;
CREATE TABLE IF NOT EXISTS stories (
    story_id   UUID        NOT NULL PRIMARY KEY DEFAULT (
                   lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4'
                   || substr(lower(hex(randomblob(2))), 2) || '-'
                   || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2)
                   || '-' || lower(hex(randomblob(6)))),
    user_id    UUID        NULL,
    title      TEXT        NOT NULL,
    prompt     TEXT        NOT NULL DEFAULT '',
    status     TEXT        NOT NULL DEFAULT 'PENDING',
    created_at TIMESTAMPTZ NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%f000Z', 'now')),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%f000Z', 'now')),
    CONSTRAINT stories_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (user_id) ON DELETE CASCADE,
    CONSTRAINT stories_status_check CHECK (status IN ('PENDING', 'GENERATING', 'COMPLETED', 'ERROR')),
    CONSTRAINT stories_story_id_uuid CHECK (typeof(story_id) = 'text' AND length(story_id) = 36
        AND story_id GLOB '????????-????-????-????-????????????' AND story_id NOT GLOB '*[^0-9a-f-]*'),
    CONSTRAINT stories_user_id_uuid CHECK (user_id IS NULL OR (typeof(user_id) = 'text' AND length(user_id) = 36
        AND user_id GLOB '????????-????-????-????-????????????' AND user_id NOT GLOB '*[^0-9a-f-]*')),
    CONSTRAINT stories_created_at_utc CHECK (typeof(created_at) = 'text' AND length(created_at) = 27
        AND created_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9][0-9][0-9][0-9]Z'),
    CONSTRAINT stories_updated_at_utc CHECK (typeof(updated_at) = 'text' AND length(updated_at) = 27
        AND updated_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9][0-9][0-9][0-9]Z')
)
;
CREATE INDEX IF NOT EXISTS stories_user_id_created_at_idx ON stories (user_id, created_at DESC)
;
CREATE INDEX IF NOT EXISTS stories_created_at_idx ON stories (created_at DESC)
;
CREATE INDEX IF NOT EXISTS stories_status_idx ON stories (status)
;
CREATE TABLE IF NOT EXISTS scenes (
    scene_id   UUID        NOT NULL PRIMARY KEY DEFAULT (
                   lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4'
                   || substr(lower(hex(randomblob(2))), 2) || '-'
                   || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2)
                   || '-' || lower(hex(randomblob(6)))),
    story_id   UUID        NOT NULL,
    sequence   INTEGER     NOT NULL,
    text       TEXT        NOT NULL DEFAULT '',
    image_url  TEXT        NULL,
    audio_url  TEXT        NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%f000Z', 'now')),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%f000Z', 'now')),
    CONSTRAINT scenes_story_id_fkey FOREIGN KEY (story_id) REFERENCES stories (story_id) ON DELETE CASCADE,
    CONSTRAINT scenes_story_id_sequence_key UNIQUE (story_id, sequence),
    CONSTRAINT scenes_sequence_check CHECK (sequence >= 1),
    CONSTRAINT scenes_sequence_integer CHECK (typeof(sequence) = 'integer'),
    CONSTRAINT scenes_scene_id_uuid CHECK (typeof(scene_id) = 'text' AND length(scene_id) = 36
        AND scene_id GLOB '????????-????-????-????-????????????' AND scene_id NOT GLOB '*[^0-9a-f-]*'),
    CONSTRAINT scenes_story_id_uuid CHECK (typeof(story_id) = 'text' AND length(story_id) = 36
        AND story_id GLOB '????????-????-????-????-????????????' AND story_id NOT GLOB '*[^0-9a-f-]*'),
    CONSTRAINT scenes_created_at_utc CHECK (typeof(created_at) = 'text' AND length(created_at) = 27
        AND created_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9][0-9][0-9][0-9]Z'),
    CONSTRAINT scenes_updated_at_utc CHECK (typeof(updated_at) = 'text' AND length(updated_at) = 27
        AND updated_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9][0-9][0-9][0-9]Z')
)
;
-- The trash (supabase/migrations/20261207000003_trash.sql and 20261207000006_media_trash.sql): deleted users,
-- stories and scenes with their rows, and replaced or removed scene media.
CREATE TABLE IF NOT EXISTS trash (
    trash_id         UUID        NOT NULL PRIMARY KEY DEFAULT (
                         lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4'
                         || substr(lower(hex(randomblob(2))), 2) || '-'
                         || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2)
                         || '-' || lower(hex(randomblob(6)))),
    kind             TEXT        NOT NULL,
    item_id          UUID        NOT NULL,
    label            TEXT        NOT NULL,
    parent_id        UUID        NULL,
    parent_label     TEXT        NULL,
    story_count      INTEGER     NOT NULL DEFAULT 0,
    scene_count      INTEGER     NOT NULL DEFAULT 0,
    rows             JSONB       NOT NULL,
    deleted_by       UUID        NULL,
    deleted_by_email TEXT        NULL,
    deleted_at       TIMESTAMPTZ NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%f000Z', 'now')),
    CONSTRAINT trash_kind_check CHECK (kind IN ('user', 'story', 'scene', 'image', 'audio')),
    CONSTRAINT trash_rows_json CHECK (json_valid(rows)),
    CONSTRAINT trash_trash_id_uuid CHECK (typeof(trash_id) = 'text' AND length(trash_id) = 36
        AND trash_id GLOB '????????-????-????-????-????????????' AND trash_id NOT GLOB '*[^0-9a-f-]*'),
    CONSTRAINT trash_deleted_at_utc CHECK (typeof(deleted_at) = 'text' AND length(deleted_at) = 27
        AND deleted_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9][0-9][0-9][0-9]Z')
)
;
CREATE INDEX IF NOT EXISTS trash_deleted_at_idx ON trash (deleted_at DESC)
;
-- Revisions (supabase/migrations/20261207000004_revisions.sql): every saved change of a story, of a scene and of
-- a story's scene order. The triggers play the migration's record_revision(); who saves comes from
-- sb_request_caller, which the REST layer fills inside each write transaction (auth.uid() and auth.jwt() there).
CREATE TABLE IF NOT EXISTS revisions (
    revision_id      UUID        NOT NULL PRIMARY KEY DEFAULT (
                         lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4'
                         || substr(lower(hex(randomblob(2))), 2) || '-'
                         || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2)
                         || '-' || lower(hex(randomblob(6)))),
    story_id         UUID        NOT NULL,
    scene_id         UUID        NULL,
    kind             TEXT        NOT NULL,
    changes          JSONB       NOT NULL,
    created_by       UUID        NULL,
    created_by_email TEXT        NULL,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%f000Z', 'now')),
    CONSTRAINT revisions_kind_check CHECK (kind IN ('story', 'scene', 'order')),
    CONSTRAINT revisions_changes_json CHECK (json_valid(changes))
)
;
CREATE INDEX IF NOT EXISTS revisions_story_id_created_at_idx ON revisions (story_id, created_at DESC)
;
CREATE TRIGGER IF NOT EXISTS stories_record_revision AFTER UPDATE ON stories
WHEN OLD.title IS NOT NEW.title OR OLD.prompt IS NOT NEW.prompt OR OLD.status IS NOT NEW.status
BEGIN
    INSERT INTO revisions (story_id, scene_id, kind, changes, created_by, created_by_email, created_at)
    VALUES (NEW.story_id, NULL, 'story',
            json_patch(json_patch(
                CASE WHEN OLD.title IS NOT NEW.title
                     THEN json_object('title', json_object('from', OLD.title, 'to', NEW.title)) ELSE '{}' END,
                CASE WHEN OLD.prompt IS NOT NEW.prompt
                     THEN json_object('prompt', json_object('from', OLD.prompt, 'to', NEW.prompt)) ELSE '{}' END),
                CASE WHEN OLD.status IS NOT NEW.status
                     THEN json_object('status', json_object('from', OLD.status, 'to', NEW.status)) ELSE '{}' END),
            (SELECT sub FROM sb_request_caller), (SELECT email FROM sb_request_caller), NEW.updated_at);
END
;
CREATE TRIGGER IF NOT EXISTS scenes_record_revision AFTER UPDATE ON scenes
WHEN OLD.text IS NOT NEW.text OR OLD.image_url IS NOT NEW.image_url OR OLD.audio_url IS NOT NEW.audio_url
BEGIN
    INSERT INTO revisions (story_id, scene_id, kind, changes, created_by, created_by_email, created_at)
    VALUES (NEW.story_id, NEW.scene_id, 'scene',
            json_patch(json_patch(
                CASE WHEN OLD.text IS NOT NEW.text
                     THEN json_object('text', json_object('from', OLD.text, 'to', NEW.text)) ELSE '{}' END,
                CASE WHEN OLD.image_url IS NOT NEW.image_url
                     THEN json_object('image_url', json_object('from', OLD.image_url, 'to', NEW.image_url)) ELSE '{}' END),
                CASE WHEN OLD.audio_url IS NOT NEW.audio_url
                     THEN json_object('audio_url', json_object('from', OLD.audio_url, 'to', NEW.audio_url)) ELSE '{}' END),
            (SELECT sub FROM sb_request_caller), (SELECT email FROM sb_request_caller), NEW.updated_at);
END
