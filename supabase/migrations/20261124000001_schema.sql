-- StoryMimi Studio schema: users, stories and their ordered scenes.
-- Constraint names are left to Postgres on purpose (users_email_key, scenes_story_id_sequence_key, ...):
-- clients and the embedded sandbox server match on the messages that carry them.

create schema if not exists extensions;
-- Trigram indexes make the editors' case-insensitive substring search (ILIKE '%term%') usable at scale.
create extension if not exists pg_trgm with schema extensions;

create table public.users (
    user_id    uuid        primary key default gen_random_uuid(),
    username   text        not null,
    email      text        not null unique,
    created_at timestamptz not null default now()
);

create table public.stories (
    story_id   uuid        primary key default gen_random_uuid(),
    user_id    uuid        references public.users (user_id) on delete cascade,
    title      text        not null,
    prompt     text        not null default '',
    status     text        not null default 'PENDING'
                           check (status in ('PENDING', 'GENERATING', 'COMPLETED', 'ERROR')),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
);

create table public.scenes (
    scene_id   uuid        primary key default gen_random_uuid(),
    story_id   uuid        not null references public.stories (story_id) on delete cascade,
    sequence   integer     not null check (sequence >= 1),
    text       text        not null default '',
    image_url  text,
    audio_url  text,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    -- DEFERRABLE (initially immediate) makes Postgres check uniqueness at the end of each statement
    -- instead of row by row, so one UPDATE can permute the sequences of a story (reorder_scenes).
    -- Caveat: a deferrable constraint cannot be an ON CONFLICT arbiter; upsert scenes by scene_id.
    unique (story_id, sequence) deferrable initially immediate
);

comment on table public.users is 'Authors of generated stories.';
comment on table public.stories is 'Generated stories; status PENDING -> GENERATING -> COMPLETED | ERROR.';
comment on table public.scenes is 'Ordered scenes of a story; sequence is 1..n without gaps when written through reorder_scenes.';

-- The reference client's queries: a user's stories newest first, all stories newest first, filter by status.
create index stories_user_id_created_at_idx on public.stories (user_id, created_at desc);
create index stories_created_at_idx on public.stories (created_at desc);
create index stories_status_idx on public.stories (status);
-- gin_trgm_ops on the plain columns serves both ILIKE from PostgREST (title=ilike.*x*) and search_stories().
create index stories_title_trgm_idx on public.stories using gin (title extensions.gin_trgm_ops);
create index stories_prompt_trgm_idx on public.stories using gin (prompt extensions.gin_trgm_ops);
-- scenes (story_id, sequence) is served by the index behind scenes_story_id_sequence_key.

-- updated_at is owned by the server: whatever a client sends, an UPDATE stamps the transaction time.
-- Kept in a schema PostgREST does not expose, so it never shows up as an RPC endpoint.
create schema if not exists private;

create or replace function private.set_updated_at()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
    new.updated_at := now();
    return new;
end;
$$;

create trigger stories_set_updated_at
    before update on public.stories
    for each row execute function private.set_updated_at();

create trigger scenes_set_updated_at
    before update on public.scenes
    for each row execute function private.set_updated_at();
