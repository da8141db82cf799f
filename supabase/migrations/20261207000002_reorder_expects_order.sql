-- reorder_scenes learns the order the editor moved from (p_expected_ids), so two editors reordering the same
-- story do not silently overwrite each other: the second gets PT409 and reloads the first one's order.
-- A call whose order is already in place returns at once (a repeat after a lost answer is done, not a conflict).
-- Called without p_expected_ids it behaves as before (the app closes sequence gaps that way).
drop function if exists public.reorder_scenes(uuid, uuid[]);

-- Gives a story's scenes the order of p_scene_ids: sequence = position in the array (1..n, no gaps).
-- The array must hold every scene id of the story exactly once. Errors:
--   22023 (HTTP 400) p_scene_ids is null or contains null or duplicate ids;
--   PT404 (HTTP 404) the story does not exist or the caller cannot see it;
--   PT409 (HTTP 409) the ids are not exactly the story's current scenes (a stale list: re-read and retry), or
--                    p_expected_ids is given and the current order is neither it nor p_scene_ids.
-- Returns the story's scenes ordered by their new sequence.
create function public.reorder_scenes(p_story_id uuid, p_scene_ids uuid[], p_expected_ids uuid[] default null)
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

    select coalesce(array_agg(scene_id order by sequence), '{}') into current_ids
    from public.scenes where story_id = p_story_id;
    if cardinality(current_ids) <> requested or not (current_ids <@ p_scene_ids) then
        raise exception using errcode = 'PT409',
            message = 'scene ids do not match the scenes of the story',
            detail = format('The story has %s scenes; %s ids were given.', cardinality(current_ids), requested),
            hint = 'Reload the story''s scenes and send all of their ids in the new order.';
    end if;
    if current_ids <> p_scene_ids and p_expected_ids is not null and current_ids <> p_expected_ids then
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

    return query
        select * from public.scenes where story_id = p_story_id order by sequence;
end;
$$;

comment on function public.reorder_scenes(uuid, uuid[], uuid[]) is
    'Atomically renumbers a story''s scenes in the given order; PT409 if the ids are stale or the order moved elsewhere.';

grant execute on function public.reorder_scenes(uuid, uuid[], uuid[]) to anon, authenticated, service_role;

notify pgrst, 'reload schema';
