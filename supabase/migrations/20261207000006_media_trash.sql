-- Replaced and removed media go to the trash too, so that an editor who drops the wrong image on a scene, or
-- removes its narration, gets the old one back (undo, or Restore in the Trash) until the trash is emptied.
--
-- A media item is kind 'image' or 'audio'; item_id is the scene, parent the story, label the scene's text like a
-- scene item. Its rows hold {"users": [], "stories": [], "scenes": [],
-- "media": [{"scene_id": ..., "image_url" | "audio_url": <the old URL>}]}: the same URL columns as a scene row, so
-- whoever collects the media a trash item keeps reads scenes and media alike. Studio uploads every new file to a
-- new object key (Supabase's advice for changing files, as CDNs cache by key), so the kept object is never
-- overwritten by a later upload.

alter table public.trash drop constraint trash_kind_check;
alter table public.trash add constraint trash_kind_check check (kind in ('user', 'story', 'scene', 'image', 'audio'));

comment on table public.trash is
    'Deleted users, stories and scenes with their rows, and replaced or removed scene media, until restored or deleted for good.';

-- Points the locked scene row's image_url (p_kind 'image') or audio_url ('audio') at p_url (null removes it).
-- The URL it named before becomes a media trash item; a media trash item of this scene holding p_url leaves the
-- trash (its object is in use again). Nothing happens when the column holds p_url already.
create function private.put_scene_media(p_scene public.scenes, p_kind text, p_url text)
returns public.scenes
language plpgsql
volatile
security invoker
set search_path = ''
as $$
declare
    column_name text := p_kind || '_url';
    old_url text := case p_kind when 'image' then p_scene.image_url else p_scene.audio_url end;
    story_title text;
    result public.scenes;
begin
    if old_url is not distinct from p_url then
        return p_scene;
    end if;
    if p_kind = 'image' then
        update public.scenes set image_url = p_url where scene_id = p_scene.scene_id returning * into result;
    else
        update public.scenes set audio_url = p_url where scene_id = p_scene.scene_id returning * into result;
    end if;
    if p_url is not null then
        delete from public.trash
        where kind = p_kind and item_id = p_scene.scene_id and rows -> 'media' -> 0 ->> column_name = p_url;
    end if;
    if old_url is not null then
        select title into story_title from public.stories where story_id = p_scene.story_id;
        insert into public.trash (kind, item_id, label, parent_id, parent_label, story_count, scene_count, rows,
                                  deleted_by, deleted_by_email)
        values (p_kind, p_scene.scene_id, left(p_scene.text, 80), p_scene.story_id, story_title, 0, 0,
                jsonb_build_object('users', '[]'::jsonb, 'stories', '[]'::jsonb, 'scenes', '[]'::jsonb,
                    'media', jsonb_build_array(jsonb_build_object('scene_id', p_scene.scene_id, column_name, old_url))),
                auth.uid(), auth.jwt() ->> 'email');
    end if;
    return result;
end;
$$;

-- Sets a scene's image or narration URL, keeping the one it replaces in the trash, in one transaction.
-- p_expected_updated_at is the scene's updated_at as the editor loaded it (null: whatever it is now).
-- Errors: 22023 (HTTP 400) p_kind is not 'image' or 'audio';
--         PT404 (HTTP 404) no such scene;
--         PT409 (HTTP 409) the scene changed since it was loaded (nothing is changed).
-- Returns the scene row.
create function public.set_scene_media(p_scene_id uuid, p_kind text, p_url text, p_expected_updated_at timestamptz)
returns jsonb
language plpgsql
volatile
security invoker
set search_path = ''
as $$
declare
    scene public.scenes;
begin
    if p_kind is null or p_kind not in ('image', 'audio') then
        raise exception using errcode = '22023', message = 'p_kind must be ''image'' or ''audio''';
    end if;
    select * into scene from public.scenes where scene_id = p_scene_id for update;
    if not found then
        raise exception using errcode = 'PT404', message = 'scene not found',
            detail = format('No scene with scene_id %s is visible.', p_scene_id);
    end if;
    if p_expected_updated_at is not null and scene.updated_at <> p_expected_updated_at then
        raise exception using errcode = 'PT409', message = 'scene changed since it was loaded',
            hint = 'Reload the scene and try again.';
    end if;
    return to_jsonb(private.put_scene_media(scene, p_kind, p_url));
end;
$$;

-- restore_trash as in 20261207000003_trash.sql, and for a media item: the scene names the kept URL again and the
-- URL it named until now goes to the trash in its place. 23503 when the scene is not there any more.
create or replace function public.restore_trash(p_trash_id uuid)
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

    if item.kind in ('image', 'audio') then
        select * into scene from public.scenes where scene_id = item.item_id for update;
        if not found then
            raise exception using errcode = '23503', message = 'the scene is not there any more',
                detail = format('No scene with scene_id %s exists.', item.item_id),
                hint = 'Restore the scene from the trash first.';
        end if;
        perform private.put_scene_media(scene, item.kind, item.rows -> 'media' -> 0 ->> (item.kind || '_url'));
        delete from public.trash where trash_id = p_trash_id;
        return to_jsonb(item) - 'rows';
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

revoke all on function private.put_scene_media(public.scenes, text, text) from public;
grant execute on function private.put_scene_media(public.scenes, text, text) to authenticated, service_role;
grant execute on function public.set_scene_media(uuid, text, text, timestamptz) to anon, authenticated, service_role;

notify pgrst, 'reload schema';
