-- Safe mode: the API's connections (role authenticator, which PostgREST logs in as) preload pg-safeupdate, so an
-- UPDATE or DELETE without a WHERE clause (a PATCH or DELETE /stories with no filter) is refused with
-- 21000 "UPDATE requires a WHERE clause" instead of rewriting or deleting every row the editor may touch.
-- Supabase ships pg-safeupdate; on a server without it this migration only warns and changes nothing.
-- The app never sends an unfiltered PATCH or DELETE (MutationQuery), and the local sandbox refuses them too.
--
-- Keep this migration last: LOAD makes it active in this migration session as well, so a later migration in
-- the same session that means every row must say so (`where true`).
do $$
declare
    preload text[] := string_to_array(replace(current_setting('session_preload_libraries'), ' ', ''), ',');
begin
    execute 'load ''safeupdate''';
    preload := array_remove(preload, '');
    if not 'safeupdate' = any (preload) then
        preload := array_append(preload, 'safeupdate');
    end if;
    execute 'alter role authenticator set session_preload_libraries = '
        || (select string_agg(quote_literal(library), ', ') from unnest(preload) as library);
exception when undefined_file or insufficient_privilege then
    raise warning 'pg-safeupdate is not available on this server (%): unfiltered UPDATE and DELETE stay possible',
        sqlerrm;
end $$;
