-- RPC functions called as POST /rest/v1/rpc/<name> with a JSON object of named arguments.
-- All are SECURITY INVOKER: they run as the caller's role, so RLS applies exactly as for table requests
-- (anon reads nothing and cannot write; authenticated editors can do everything).
-- search_path is pinned to '' and every name is schema-qualified, so a caller cannot hijack a lookup.

-- Creates a story and all of its scenes in one transaction (a function call is one): either everything
-- is written or nothing is.
--   story:  {"story_id"?, "user_id"?, "title", "prompt"?, "status"?}  (story_id generated when absent,
--           prompt defaults to '', status to PENDING)
--   scenes: [{"scene_id"?, "sequence", "text"?, "image_url"?, "audio_url"?}, ...]  (null means none)
-- Returns the stored story row as JSON with "scenes": the stored scenes ordered by sequence.
-- Not idempotent: calling it again with an existing story_id fails with 23505 (HTTP 409,
-- stories_pkey); a client retrying after a lost response should treat 409 as "maybe applied" and re-read.
create or replace function public.create_story_with_scenes(story jsonb, scenes jsonb)
returns jsonb
language plpgsql
volatile
security invoker
set search_path = ''
as $$
declare
    created public.stories;
    created_scenes jsonb;
begin
    if story is null or jsonb_typeof(story) <> 'object' then
        raise exception using errcode = '22023', message = 'story must be a JSON object';
    end if;
    if scenes is not null and jsonb_typeof(scenes) not in ('array', 'null') then
        raise exception using errcode = '22023', message = 'scenes must be a JSON array';
    end if;

    insert into public.stories (story_id, user_id, title, prompt, status)
    values (coalesce((story ->> 'story_id')::uuid, gen_random_uuid()),
            (story ->> 'user_id')::uuid,
            story ->> 'title',
            coalesce(story ->> 'prompt', ''),
            coalesce(story ->> 'status', 'PENDING'))
    returning * into created;

    if jsonb_typeof(scenes) = 'array' then
        insert into public.scenes (scene_id, story_id, sequence, text, image_url, audio_url)
        select coalesce((element ->> 'scene_id')::uuid, gen_random_uuid()),
               created.story_id,
               (element ->> 'sequence')::integer,
               coalesce(element ->> 'text', ''),
               element ->> 'image_url',
               element ->> 'audio_url'
        from jsonb_array_elements(scenes) as element;
    end if;

    select coalesce(jsonb_agg(to_jsonb(s) order by s.sequence), '[]'::jsonb)
    into created_scenes
    from public.scenes s
    where s.story_id = created.story_id;

    return to_jsonb(created) || jsonb_build_object('scenes', created_scenes);
end;
$$;

comment on function public.create_story_with_scenes(jsonb, jsonb) is
    'Atomically inserts a story and its scenes; returns the story with a "scenes" array. 23505 if story_id exists.';

-- Gives a story's scenes the order of p_scene_ids: sequence = position in the array (1..n, no gaps).
-- The array must hold every scene id of the story exactly once. Errors:
--   22023 (HTTP 400) p_scene_ids is null or contains null or duplicate ids;
--   PT404 (HTTP 404) the story does not exist or the caller cannot see it;
--   PT409 (HTTP 409) the ids are not exactly the story's current scenes (a stale list: re-read and retry).
-- Returns the story's scenes ordered by their new sequence.
create or replace function public.reorder_scenes(p_story_id uuid, p_scene_ids uuid[])
returns setof public.scenes
language plpgsql
volatile
security invoker
set search_path = ''
as $$
declare
    requested integer := coalesce(cardinality(p_scene_ids), 0);
    current_ids uuid[];
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

    select coalesce(array_agg(scene_id), '{}') into current_ids
    from public.scenes where story_id = p_story_id;
    if cardinality(current_ids) <> requested or not (current_ids <@ p_scene_ids) then
        raise exception using errcode = 'PT409',
            message = 'scene ids do not match the scenes of the story',
            detail = format('The story has %s scenes; %s ids were given.', cardinality(current_ids), requested),
            hint = 'Reload the story''s scenes and send all of their ids in the new order.';
    end if;

    -- One statement: the deferrable unique (story_id, sequence) is checked when it ends, so swaps are fine.
    update public.scenes s
    set sequence = wanted.position
    from unnest(p_scene_ids) with ordinality as wanted(scene_id, position)
    where s.scene_id = wanted.scene_id
      and s.story_id = p_story_id
      and s.sequence <> wanted.position;

    return query
        select * from public.scenes where story_id = p_story_id order by sequence;
end;
$$;

comment on function public.reorder_scenes(uuid, uuid[]) is
    'Sets sequence = position in p_scene_ids atomically; PT404 unknown story, PT409 ids not exactly the story''s scenes.';

-- Case-insensitive substring search on title or prompt, newest first. The term is literal: %, _ and \
-- match themselves (they are escaped before ILIKE, which keeps the trigram indexes usable).
-- An empty or null term matches every story. max_results is clamped to 0..1000, result_offset to >= 0.
-- EXECUTE ... USING plans each call with the actual pattern, so a rare term uses the trigram indexes and a
-- frequent one walks stories_created_at_idx; a cached generic plan would always do the latter.
create or replace function public.search_stories(term text, max_results integer default 50, result_offset integer default 0)
returns setof public.stories
language plpgsql
stable
security invoker
set search_path = ''
as $$
declare
    pattern text := '%' || replace(replace(replace(coalesce(term, ''), '\', '\\'), '%', '\%'), '_', '\_') || '%';
begin
    return query execute
        'select s.* from public.stories s
         where s.title ilike $1 escape ''\'' or s.prompt ilike $1 escape ''\''
         order by s.created_at desc, s.story_id desc
         limit $2 offset $3'
        using pattern,
              greatest(least(coalesce(max_results, 50), 1000), 0),
              greatest(coalesce(result_offset, 0), 0);
end;
$$;

comment on function public.search_stories(text, integer, integer) is
    'Literal, case-insensitive substring search on title or prompt, newest first.';

-- Number of stories per status; all four statuses are always present, in lifecycle order.
create or replace function public.story_status_counts()
returns table (status text, count bigint)
language sql
stable
security invoker
set search_path = ''
as $$
    select known.status, count(s.story_id)
    from (values ('PENDING', 1), ('GENERATING', 2), ('COMPLETED', 3), ('ERROR', 4)) as known(status, position)
    left join public.stories s on s.status = known.status
    group by known.status, known.position
    order by known.position;
$$;

comment on function public.story_status_counts() is 'Stories per status, all four statuses, zero included.';

grant execute on function public.create_story_with_scenes(jsonb, jsonb) to anon, authenticated, service_role;
grant execute on function public.reorder_scenes(uuid, uuid[]) to anon, authenticated, service_role;
grant execute on function public.search_stories(text, integer, integer) to anon, authenticated, service_role;
grant execute on function public.story_status_counts() to anon, authenticated, service_role;
