-- Revisions: every saved change of a story (title, prompt, status), of a scene (text, image, narration) and of a
-- story's scene order is recorded with who made it and when, in the same transaction as the change. Triggers
-- record the row changes, whatever path the write took (Studio, the generator, a PATCH by hand); reorder_scenes
-- records the order, once per reorder rather than once per moved row.
--
-- A revision holds what changed: {"text": {"from": "...", "to": "..."}} (one entry per changed column), or
-- {"order": {"from": [scene ids], "to": [scene ids]}}. Editors read revisions and restore from them by saving the
-- old value again (which records a revision of its own); nobody but these functions writes them.
-- There is no foreign key to stories: a story's history outlives a trip to the trash.

create table public.revisions (
    revision_id      uuid        primary key default gen_random_uuid(),
    story_id         uuid        not null,
    -- The changed scene; null for a story's own columns and for an order change.
    scene_id         uuid,
    kind             text        not null check (kind in ('story', 'scene', 'order')),
    changes          jsonb       not null,
    created_by       uuid,
    created_by_email text,
    created_at       timestamptz not null default now()
);

comment on table public.revisions is 'Saved changes of stories, scenes and scene order: who, when, from what to what.';

create index revisions_story_id_created_at_idx on public.revisions (story_id, created_at desc);

grant select on public.revisions to anon, authenticated, service_role;
alter table public.revisions enable row level security;
create policy "editors read revisions" on public.revisions
    for select to authenticated using (true);

-- {"column": {"from": old, "to": new}} for each column whose value changed; an empty object when none did.
create function private.changed_columns(old_row jsonb, new_row jsonb, columns text[])
returns jsonb
language sql
immutable
set search_path = ''
as $$
    select coalesce(jsonb_object_agg(c, jsonb_build_object('from', old_row -> c, 'to', new_row -> c)), '{}'::jsonb)
    from unnest(columns) as c
    where old_row -> c is distinct from new_row -> c;
$$;

-- Who saves: the token's sub when it is a uuid (Supabase's always are), else null; never a reason to refuse a save.
create function private.caller_id()
returns uuid
language sql
stable
set search_path = ''
as $$
    select case when sub ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then sub::uuid end
    from (select auth.jwt() ->> 'sub' as sub) as claim;
$$;

-- SECURITY DEFINER: the revision is written whatever the caller may do on revisions (editors may only read).
create function private.record_revision()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
    story_columns constant text[] := array['title', 'prompt', 'status'];
    scene_columns constant text[] := array['text', 'image_url', 'audio_url'];
    changes jsonb;
begin
    if tg_table_name = 'stories' then
        changes := private.changed_columns(to_jsonb(old), to_jsonb(new), story_columns);
        if changes <> '{}'::jsonb then
            insert into public.revisions (story_id, scene_id, kind, changes, created_by, created_by_email)
            values (new.story_id, null, 'story', changes, private.caller_id(), auth.jwt() ->> 'email');
        end if;
    else
        changes := private.changed_columns(to_jsonb(old), to_jsonb(new), scene_columns);
        if changes <> '{}'::jsonb then
            insert into public.revisions (story_id, scene_id, kind, changes, created_by, created_by_email)
            values (new.story_id, new.scene_id, 'scene', changes, private.caller_id(), auth.jwt() ->> 'email');
        end if;
    end if;
    return null;
end;
$$;

create trigger stories_record_revision
    after update on public.stories
    for each row execute function private.record_revision();

create trigger scenes_record_revision
    after update on public.scenes
    for each row execute function private.record_revision();

create function private.record_order_revision(p_story_id uuid, p_from uuid[], p_to uuid[])
returns void
language sql
security definer
set search_path = ''
as $$
    insert into public.revisions (story_id, scene_id, kind, changes, created_by, created_by_email)
    select p_story_id, null, 'order',
           jsonb_build_object('order', jsonb_build_object('from', to_jsonb(p_from), 'to', to_jsonb(p_to))),
           private.caller_id(), auth.jwt() ->> 'email'
    where p_from is distinct from p_to;
$$;

-- reorder_scenes (SECURITY INVOKER) calls it, so its callers need the schema; PostgREST does not expose
-- "private", so no HTTP request can call anything in it directly.
grant usage on schema private to authenticated, service_role;
revoke execute on function private.record_order_revision(uuid, uuid[], uuid[]) from public;
grant execute on function private.record_order_revision(uuid, uuid[], uuid[]) to authenticated, service_role;

-- reorder_scenes as in 20261207000002, recording the order it replaced.
create or replace function public.reorder_scenes(p_story_id uuid, p_scene_ids uuid[], p_expected_ids uuid[] default null)
returns setof public.scenes
language plpgsql
volatile
security invoker
set search_path = ''
as $$
declare
    requested integer := coalesce(cardinality(p_scene_ids), 0);
    current_order uuid[];
begin
    if p_scene_ids is null or array_position(p_scene_ids, null) is not null then
        raise exception using errcode = '22023', message = 'p_scene_ids must be an array of scene ids without nulls';
    end if;
    if (select count(distinct id) from unnest(p_scene_ids) as id) <> requested then
        raise exception using errcode = '22023', message = 'p_scene_ids contains duplicate scene ids';
    end if;
    -- Locking the story row serialises concurrent reorders of the same story.
    perform 1 from public.stories where story_id = p_story_id for update;
    if not found then
        raise exception using errcode = 'PT404', message = 'story not found',
            detail = format('No story with story_id %s is visible.', p_story_id);
    end if;

    select coalesce(array_agg(scene_id order by sequence), '{}') into current_order
    from public.scenes where story_id = p_story_id;
    if cardinality(current_order) <> requested or not (current_order <@ p_scene_ids) then
        raise exception using errcode = 'PT409',
            message = 'scene ids do not match the scenes of the story',
            detail = format('The story has %s scenes; %s ids were given.', cardinality(current_order), requested),
            hint = 'Reload the story''s scenes and send all of their ids in the new order.';
    end if;
    if current_order = p_scene_ids then
        return query select * from public.scenes where story_id = p_story_id order by sequence;
        return;
    end if;
    if p_expected_ids is not null and current_order is distinct from p_expected_ids then
        raise exception using errcode = 'PT409',
            message = 'the scenes were reordered elsewhere',
            detail = 'The current order is not the order the move was made from.',
            hint = 'Reload the story''s scenes and make the move again.';
    end if;

    -- One statement: the deferrable unique (story_id, sequence) is checked when it ends, so swaps are fine.
    update public.scenes s
    set sequence = wanted.position
    from unnest(p_scene_ids) with ordinality as wanted(scene_id, position)
    where s.scene_id = wanted.scene_id
      and s.story_id = p_story_id
      and s.sequence <> wanted.position;

    perform private.record_order_revision(p_story_id, current_order, p_scene_ids);

    return query
        select * from public.scenes where story_id = p_story_id order by sequence;
end;
$$;

grant execute on function public.reorder_scenes(uuid, uuid[], uuid[]) to anon, authenticated, service_role;

notify pgrst, 'reload schema';
