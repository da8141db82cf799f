-- The trash: deleting a user, story or scene in Studio moves it here instead of losing it. A trash item keeps
-- the deleted rows as JSON (the user, their stories, the stories' scenes) and is restored by re-inserting them
-- with their ids and timestamps; their Storage objects stay in place until the item is deleted for good.
--
-- Why an archive table and not a deleted_at column on users/stories/scenes: a trashed row that stayed in its
-- table would keep holding its unique keys (a new scene could not take the trashed one's sequence, a new
-- user not the trashed one's email), the generator (service_role bypasses RLS) would still see and work on
-- trashed stories, and every existing read would need a filter. Here normal reads never see trashed rows
-- on any role, and the tables' constraints stay as they are. deleted_at lives on the trash item.
--
-- Every change goes through one function call (one transaction): trash_user, trash_story, trash_scene and
-- restore_trash. Deleting for good is a plain DELETE on public.trash (Prefer: return=representation gives
-- the rows back, so the caller knows which Storage objects to remove), and so is purging by age
-- (deleted_at=lt.<time>).

create table public.trash (
    trash_id         uuid        primary key default gen_random_uuid(),
    kind             text        not null check (kind in ('user', 'story', 'scene')),
    -- The deleted user's, story's or scene's id.
    item_id          uuid        not null,
    -- What the Trash view shows: the username, the story title, or the first 80 characters of the scene text.
    label            text        not null,
    -- The user (for a story) or story (for a scene) it belonged to, and that one's name/title when trashed.
    parent_id        uuid,
    parent_label     text,
    story_count      integer     not null default 0,
    scene_count      integer     not null default 0,
    -- {"users": [...], "stories": [...], "scenes": [...]}: the rows as to_jsonb gave them.
    rows             jsonb       not null,
    deleted_by       uuid,
    deleted_by_email text,
    deleted_at       timestamptz not null default now()
);

comment on table public.trash is 'Deleted users, stories and scenes with their rows, until restored or deleted for good.';

create index trash_deleted_at_idx on public.trash (deleted_at desc);

grant all on public.trash to anon, authenticated, service_role;
alter table public.trash enable row level security;
create policy "editors manage the trash" on public.trash
    for all to authenticated using (true) with check (true);

-- Moves a story and its scenes to the trash. PT404 when there is no such story. Returns the trash item
-- without its rows.
create function public.trash_story(p_story_id uuid)
returns jsonb
language plpgsql
volatile
security invoker
set search_path = ''
as $$
declare
    story public.stories;
    owner_name text;
    story_scenes jsonb;
    item public.trash;
begin
    select * into story from public.stories where story_id = p_story_id for update;
    if not found then
        raise exception using errcode = 'PT404', message = 'story not found',
            detail = format('No story with story_id %s is visible.', p_story_id);
    end if;
    select username into owner_name from public.users where user_id = story.user_id;
    select coalesce(jsonb_agg(to_jsonb(s) order by s.sequence), '[]'::jsonb) into story_scenes
    from public.scenes s where s.story_id = p_story_id;

    insert into public.trash (kind, item_id, label, parent_id, parent_label, story_count, scene_count, rows,
                              deleted_by, deleted_by_email)
    values ('story', story.story_id, story.title, story.user_id, owner_name, 1, jsonb_array_length(story_scenes),
            jsonb_build_object('users', '[]'::jsonb, 'stories', jsonb_build_array(to_jsonb(story)),
                               'scenes', story_scenes),
            auth.uid(), auth.jwt() ->> 'email')
    returning * into item;

    delete from public.stories where story_id = p_story_id;
    return to_jsonb(item) - 'rows';
end;
$$;

-- Moves a scene to the trash and closes the gap it leaves (the later scenes move up by one, in the same
-- statement, so the deferrable unique (story_id, sequence) holds). PT404 when there is no such scene.
create function public.trash_scene(p_scene_id uuid)
returns jsonb
language plpgsql
volatile
security invoker
set search_path = ''
as $$
declare
    scene public.scenes;
    story_title text;
    item public.trash;
begin
    select * into scene from public.scenes where scene_id = p_scene_id;
    if not found then
        raise exception using errcode = 'PT404', message = 'scene not found',
            detail = format('No scene with scene_id %s is visible.', p_scene_id);
    end if;
    -- Locking the story row serialises this with reorders and other deletes of the same story's scenes.
    select title into story_title from public.stories where story_id = scene.story_id for update;

    insert into public.trash (kind, item_id, label, parent_id, parent_label, story_count, scene_count, rows,
                              deleted_by, deleted_by_email)
    values ('scene', scene.scene_id, left(scene.text, 80), scene.story_id, story_title, 0, 1,
            jsonb_build_object('users', '[]'::jsonb, 'stories', '[]'::jsonb, 'scenes', jsonb_build_array(to_jsonb(scene))),
            auth.uid(), auth.jwt() ->> 'email')
    returning * into item;

    delete from public.scenes where scene_id = p_scene_id;
    update public.scenes set sequence = sequence - 1
    where story_id = scene.story_id and sequence > scene.sequence;
    return to_jsonb(item) - 'rows';
end;
$$;

-- Moves a user with all of their stories and those stories' scenes to the trash, as one item.
-- PT404 when there is no such user.
create function public.trash_user(p_user_id uuid)
returns jsonb
language plpgsql
volatile
security invoker
set search_path = ''
as $$
declare
    author public.users;
    user_stories jsonb;
    user_scenes jsonb;
    item public.trash;
begin
    select * into author from public.users where user_id = p_user_id for update;
    if not found then
        raise exception using errcode = 'PT404', message = 'user not found',
            detail = format('No user with user_id %s is visible.', p_user_id);
    end if;
    select coalesce(jsonb_agg(to_jsonb(s) order by s.created_at, s.story_id), '[]'::jsonb) into user_stories
    from public.stories s where s.user_id = p_user_id;
    select coalesce(jsonb_agg(to_jsonb(c) order by c.story_id, c.sequence), '[]'::jsonb) into user_scenes
    from public.scenes c join public.stories s on s.story_id = c.story_id where s.user_id = p_user_id;

    insert into public.trash (kind, item_id, label, parent_id, parent_label, story_count, scene_count, rows,
                              deleted_by, deleted_by_email)
    values ('user', author.user_id, author.username, null, author.email, jsonb_array_length(user_stories),
            jsonb_array_length(user_scenes),
            jsonb_build_object('users', jsonb_build_array(to_jsonb(author)), 'stories', user_stories,
                               'scenes', user_scenes),
            auth.uid(), auth.jwt() ->> 'email')
    returning * into item;

    delete from public.users where user_id = p_user_id;
    return to_jsonb(item) - 'rows';
end;
$$;

-- Puts a trash item's rows back with their ids and timestamps and removes the item. A scene goes back to its
-- position (the scenes from there on move down by one), or to the end when the story has fewer scenes now.
-- Errors:
--   PT404 (HTTP 404) no such trash item (restored or deleted for good meanwhile);
--   23503 (HTTP 409) the story's user or the scene's story is not there any more (restore that first);
--   23505 (HTTP 409) a row with the same key exists again, e.g. a new user took the email.
-- Returns the restored trash item without its rows.
create function public.restore_trash(p_trash_id uuid)
returns jsonb
language plpgsql
volatile
security invoker
set search_path = ''
as $$
declare
    item public.trash;
    scene public.scenes;
    story public.stories;
    last_sequence integer;
begin
    select * into item from public.trash where trash_id = p_trash_id for update;
    if not found then
        raise exception using errcode = 'PT404', message = 'trash item not found',
            detail = format('No trash item with trash_id %s is visible.', p_trash_id);
    end if;

    if item.kind = 'story' then
        story := jsonb_populate_record(null::public.stories, item.rows -> 'stories' -> 0);
        if story.user_id is not null and not exists (select 1 from public.users where user_id = story.user_id) then
            raise exception using errcode = '23503', message = 'the story''s user is not there any more',
                detail = format('No user with user_id %s exists.', story.user_id),
                hint = 'Restore the user from the trash first.';
        end if;
    elsif item.kind = 'scene' then
        scene := jsonb_populate_record(null::public.scenes, item.rows -> 'scenes' -> 0);
        perform 1 from public.stories where story_id = scene.story_id for update;
        if not found then
            raise exception using errcode = '23503', message = 'the scene''s story is not there any more',
                detail = format('No story with story_id %s exists.', scene.story_id),
                hint = 'Restore the story from the trash first.';
        end if;
        select coalesce(max(sequence), 0) into last_sequence from public.scenes where story_id = scene.story_id;
        scene.sequence := least(scene.sequence, last_sequence + 1);
        update public.scenes set sequence = sequence + 1
        where story_id = scene.story_id and sequence >= scene.sequence;
        insert into public.scenes select scene.*;
    end if;

    if item.kind <> 'scene' then
        insert into public.users
        select * from jsonb_populate_recordset(null::public.users, item.rows -> 'users');
        insert into public.stories
        select * from jsonb_populate_recordset(null::public.stories, item.rows -> 'stories');
        insert into public.scenes
        select * from jsonb_populate_recordset(null::public.scenes, item.rows -> 'scenes');
    end if;

    delete from public.trash where trash_id = p_trash_id;
    return to_jsonb(item) - 'rows';
end;
$$;

grant execute on function public.trash_story(uuid) to anon, authenticated, service_role;
grant execute on function public.trash_scene(uuid) to anon, authenticated, service_role;
grant execute on function public.trash_user(uuid) to anon, authenticated, service_role;
grant execute on function public.restore_trash(uuid) to anon, authenticated, service_role;

notify pgrst, 'reload schema';
