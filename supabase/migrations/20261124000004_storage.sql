-- Storage buckets for scene media and who may touch their objects.
-- Both buckets are public: anyone can GET /storage/v1/object/public/<bucket>/<key> (no RLS on that path),
-- which is the URL scenes store. Listing, uploading, replacing and deleting need the policies below.
-- Object keys: <story_id>/<scene_id>.png|.jpg (images), <story_id>/<scene_id>.mp3|.wav (audio).

insert into storage.buckets (id, name, public, file_size_limit, allowed_mime_types)
values ('story-images', 'story-images', true, 10485760, array['image/png', 'image/jpeg']),
       ('story-audio', 'story-audio', true, 52428800, array['audio/mpeg', 'audio/wav'])
on conflict (id) do nothing;

drop policy if exists "editors read story media" on storage.objects;
drop policy if exists "editors upload story media" on storage.objects;
drop policy if exists "editors replace story media" on storage.objects;
drop policy if exists "editors delete story media" on storage.objects;

create policy "editors read story media" on storage.objects
    for select to authenticated
    using (bucket_id in ('story-images', 'story-audio'));

create policy "editors upload story media" on storage.objects
    for insert to authenticated
    with check (bucket_id in ('story-images', 'story-audio'));

-- Upsert (x-upsert: true) needs select + insert + update.
create policy "editors replace story media" on storage.objects
    for update to authenticated
    using (bucket_id in ('story-images', 'story-audio'))
    with check (bucket_id in ('story-images', 'story-audio'));

create policy "editors delete story media" on storage.objects
    for delete to authenticated
    using (bucket_id in ('story-images', 'story-audio'));
