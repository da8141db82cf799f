-- Access: content editors sign in and get role "authenticated"; they may read and change everything.
-- anon gets no policy, so it sees empty results (not permission errors) and every write is refused by RLS.
-- service_role bypasses RLS (BYPASSRLS on Supabase).

-- Supabase's default grants, repeated so the migrations also work on a bare PostgreSQL with the same roles.
-- Privileges say which verbs a role may attempt; the policies below decide which rows it actually reaches.
grant usage on schema public to anon, authenticated, service_role;
grant all on all tables in schema public to anon, authenticated, service_role;
grant all on all sequences in schema public to anon, authenticated, service_role;
grant all on all functions in schema public to anon, authenticated, service_role;

alter table public.users enable row level security;
alter table public.stories enable row level security;
alter table public.scenes enable row level security;

create policy "editors manage users" on public.users
    for all to authenticated using (true) with check (true);

create policy "editors manage stories" on public.stories
    for all to authenticated using (true) with check (true);

create policy "editors manage scenes" on public.scenes
    for all to authenticated using (true) with check (true);
