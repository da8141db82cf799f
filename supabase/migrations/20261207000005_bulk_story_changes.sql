-- Bulk changes of several stories, each one transaction: all of them or none. The editor shows what will change
-- first (as loaded); the functions refuse when any story changed since, so nothing is changed on stale grounds.

-- Sets the status of the given stories. p_expected_updated_at[i] is story i's updated_at as the editor loaded it.
-- Errors: 22023 (HTTP 400) arrays missing, of different lengths, with nulls or duplicate ids;
--         PT409 (HTTP 409) a story is gone or changed since it was loaded (nothing is changed);
--         23514 (HTTP 400) not a status.
-- Returns the changed stories.
create function public.set_story_status(p_story_ids uuid[], p_expected_updated_at timestamptz[], p_status text)
returns setof public.stories
language plpgsql
volatile
security invoker
set search_path = ''
as $$
declare
    wanted integer := coalesce(cardinality(p_story_ids), 0);
    unchanged integer;
begin
    if p_story_ids is null or p_expected_updated_at is null or cardinality(p_expected_updated_at) <> wanted
            or array_position(p_story_ids, null) is not null or array_position(p_expected_updated_at, null) is not null
            or (select count(distinct id) from unnest(p_story_ids) as id) <> wanted then
        raise exception using errcode = '22023',
            message = 'p_story_ids and p_expected_updated_at must be arrays of equal length without nulls or duplicates';
    end if;
    -- In id order, so two bulk changes over the same stories cannot deadlock.
    perform 1 from public.stories where story_id = any (p_story_ids) order by story_id for update;
    select count(*) into unchanged
    from public.stories s
    join unnest(p_story_ids, p_expected_updated_at) as expected(story_id, updated_at)
      on s.story_id = expected.story_id and s.updated_at = expected.updated_at;
    if unchanged <> wanted then
        raise exception using errcode = 'PT409', message = 'stories changed since they were loaded',
            detail = format('%s of %s stories are as they were loaded.', unchanged, wanted),
            hint = 'Reload the stories and choose again.';
    end if;
    return query
        update public.stories set status = p_status where story_id = any (p_story_ids) returning *;
end;
$$;

-- Moves the given stories with their scenes to the trash, one trash item each (so each can be restored alone).
-- PT404 when one of them is not there (nothing is moved). Returns the trash items, in the order of p_story_ids.
create function public.trash_stories(p_story_ids uuid[])
returns jsonb
language plpgsql
volatile
security invoker
set search_path = ''
as $$
declare
    items jsonb := '[]'::jsonb;
    id uuid;
begin
    if p_story_ids is null or array_position(p_story_ids, null) is not null
            or (select count(distinct i) from unnest(p_story_ids) as i) <> cardinality(p_story_ids) then
        raise exception using errcode = '22023', message = 'p_story_ids must be an array of story ids without nulls or duplicates';
    end if;
    foreach id in array p_story_ids loop
        items := items || jsonb_build_array(public.trash_story(id));
    end loop;
    return items;
end;
$$;

grant execute on function public.set_story_status(uuid[], timestamptz[], text) to anon, authenticated, service_role;
grant execute on function public.trash_stories(uuid[]) to anon, authenticated, service_role;

notify pgrst, 'reload schema';
