// Smoke test of the local sandbox with the official @supabase/supabase-js, used exactly as an app uses it.
// Every case asserts what supabase-js hands the app ({ data, error, count, status }), so a sandbox answer that
// the official client reads differently from a real Supabase answer fails here.
// Needs SANDBOX_URL, SANDBOX_ANON_KEY, SANDBOX_EDITOR_EMAIL, SANDBOX_EDITOR_PASSWORD (run.sh sets them).
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createClient } from '@supabase/supabase-js';
import WebSocket from 'ws';

const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set (run this through run.sh)`);
  return value;
};
const url = env('SANDBOX_URL');
const anonKey = env('SANDBOX_ANON_KEY');
const editor = { email: env('SANDBOX_EDITOR_EMAIL'), password: env('SANDBOX_EDITOR_PASSWORD') };

// Node 20 has no global WebSocket; supabase-js needs a transport for realtime even when it is unused.
const supabase = createClient(url, anonKey, {
  auth: { persistSession: false, autoRefreshToken: false },
  realtime: { transport: WebSocket },
});

const run = randomUUID().slice(0, 8); // keeps names unique if the smoke runs twice on one data directory
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const STATUSES = ['PENDING', 'GENERATING', 'COMPLETED', 'ERROR'];
// A real 1x1 PNG, so a server that checks magic bytes accepts it.
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c63f8cfc0f01f0005' +
  '0001ff5c5d4f7a0000000049454e44ae426082', 'hex');

const results = { passed: 0, failed: 0 };
const state = {}; // ids created by earlier cases, used by later ones

async function test(name, body) {
  try {
    await body();
    results.passed++;
    console.log(`ok     ${name}`);
  } catch (e) {
    results.failed++;
    console.log(`FAIL   ${name}\n       ${String(e?.message ?? e).split('\n').join('\n       ')}`);
  }
}

/** Asserts a supabase-js result has no error and returns it; the error text goes into the failure. */
function ok(result) {
  if (result.error) {
    const { message, code, details, hint, status, statusCode } = result.error;
    assert.fail(`unexpected error: ${JSON.stringify({ message, code, details, hint, status: status ?? result.status, statusCode })}`);
  }
  return result;
}

const sorted = (values, compare) => [...values].sort(compare);
const byText = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
const dir = randomUUID(); // the story folder the storage cases use

// ---------- auth ----------
await test('anon sees no rows (RLS) before signing in', async () => {
  const { data, error, status } = ok(await supabase.from('users').select('*'));
  assert.equal(error, null);
  assert.equal(status, 200);
  assert.deepEqual(data, []);
});

await test('auth.signInWithPassword with a wrong password: invalid_credentials', async () => {
  const { data, error } = await supabase.auth.signInWithPassword({ email: editor.email, password: 'not-the-password' });
  assert.equal(data.session, null);
  assert.equal(data.user, null);
  assert.equal(error?.name, 'AuthApiError');
  assert.equal(error.code, 'invalid_credentials');
  assert.equal(error.status, 400);
  assert.equal(error.message, 'Invalid login credentials');
});

await test('auth.signInWithPassword as the editor', async () => {
  const { data } = ok(await supabase.auth.signInWithPassword(editor));
  assert.equal(data.user.email, editor.email);
  assert.match(data.user.id, UUID);
  assert.equal(data.user.aud, 'authenticated');
  assert.equal(data.session.token_type, 'bearer');
  assert.equal(data.session.access_token.split('.').length, 3);
  assert.ok(data.session.expires_in > 0);
  assert.ok(data.session.expires_at > Date.now() / 1000);
  assert.ok(data.session.refresh_token.length > 0);
  const { data: current } = ok(await supabase.auth.getUser());
  assert.equal(current.user.email, editor.email);
});

// ---------- tables ----------
await test("from('users').insert(...).select()", async () => {
  const rows = ['ada', 'bob', 'cyd'].map((name) => ({ username: `smoke-${name}-${run}`, email: `${name}.${run}@smoke.test` }));
  const { data, error, status, count } = await supabase.from('users').insert(rows).select();
  ok({ error, status });
  assert.equal(status, 201);
  assert.equal(count, null);
  assert.equal(data.length, 3);
  for (const [i, row] of data.entries()) {
    assert.match(row.user_id, UUID);
    assert.equal(row.username, rows[i].username);
    assert.equal(row.email, rows[i].email);
    assert.ok(!Number.isNaN(Date.parse(row.created_at)), `created_at ${row.created_at}`);
  }
  state.users = data;
});

await test('insert of a duplicate e-mail: 409 with Postgres code 23505', async () => {
  const { data, error, status } = await supabase.from('users').insert({ username: 'dup', email: state.users[0].email }).select();
  assert.equal(data, null);
  assert.equal(status, 409);
  assert.equal(error.code, '23505');
});

await test('select with eq, ilike, in, or', async () => {
  const [ada, bob, cyd] = state.users;
  const eq = ok(await supabase.from('users').select('user_id,username').eq('email', ada.email));
  assert.deepEqual(eq.data, [{ user_id: ada.user_id, username: ada.username }]);

  const ilike = ok(await supabase.from('users').select('username').ilike('username', `SMOKE-%-${run}`).order('username'));
  assert.deepEqual(ilike.data.map((r) => r.username), [ada.username, bob.username, cyd.username]);

  const inList = ok(await supabase.from('users').select('user_id').in('user_id', [bob.user_id, cyd.user_id, randomUUID()]));
  assert.deepEqual(sorted(inList.data.map((r) => r.user_id), byText), sorted([bob.user_id, cyd.user_id], byText));

  const or = ok(await supabase.from('users').select('email').or(`email.eq.${ada.email},username.eq.${cyd.username}`));
  assert.deepEqual(sorted(or.data.map((r) => r.email), byText), sorted([ada.email, cyd.email], byText));
});

await test("order, range, { count: 'exact' } and head: true", async () => {
  const pattern = `smoke-%-${run}`;
  const page = await supabase.from('users').select('username', { count: 'exact' })
    .ilike('username', pattern).order('username', { ascending: false }).range(1, 2);
  ok(page);
  assert.equal(page.count, 3);
  assert.equal(page.status, 206); // PostgREST: 206 whenever the page holds fewer rows than the total
  assert.deepEqual(page.data.map((r) => r.username), [state.users[1].username, state.users[0].username]);

  const first = ok(await supabase.from('users').select('*', { count: 'exact' }).ilike('username', pattern).range(0, 0));
  assert.equal(first.status, 206); // a partial page of a counted read
  assert.equal(first.count, 3);
  assert.equal(first.data.length, 1);

  const head = ok(await supabase.from('users').select('*', { count: 'exact', head: true }).ilike('username', pattern));
  assert.equal(head.data, null);
  assert.equal(head.count, 3);
  assert.equal(head.status, 200);
});

await test('.single() and .maybeSingle()', async () => {
  const [ada] = state.users;
  const one = ok(await supabase.from('users').select('username').eq('user_id', ada.user_id).single());
  assert.deepEqual(one.data, { username: ada.username });

  const none = await supabase.from('users').select('*').eq('user_id', randomUUID()).single();
  assert.equal(none.data, null);
  assert.equal(none.status, 406);
  assert.equal(none.error.code, 'PGRST116');

  const maybeNone = ok(await supabase.from('users').select('*').eq('user_id', randomUUID()).maybeSingle());
  assert.equal(maybeNone.data, null);

  const maybeOne = ok(await supabase.from('users').select('email').eq('user_id', ada.user_id).maybeSingle());
  assert.deepEqual(maybeOne.data, { email: ada.email });

  const maybeMany = await supabase.from('users').select('*').ilike('username', `smoke-%-${run}`).maybeSingle();
  assert.equal(maybeMany.data, null);
  assert.equal(maybeMany.error?.code, 'PGRST116');
});

await test("update().eq().select() moves updated_at; delete().eq() removes the row", async () => {
  const { data: story } = ok(await supabase.from('stories')
    .insert({ user_id: state.users[2].user_id, title: `Smoke story ${run}`, prompt: 'a fox' }).select().single());
  assert.equal(story.status, 'PENDING');
  await new Promise((resolve) => setTimeout(resolve, 20));
  const updated = ok(await supabase.from('stories').update({ status: 'GENERATING' }).eq('story_id', story.story_id).select());
  assert.equal(updated.status, 200);
  assert.equal(updated.data.length, 1);
  assert.equal(updated.data[0].status, 'GENERATING');
  assert.ok(Date.parse(updated.data[0].updated_at) > Date.parse(story.updated_at), 'updated_at did not move');

  const bad = await supabase.from('stories').update({ status: 'DONE' }).eq('story_id', story.story_id).select();
  assert.equal(bad.status, 400);
  assert.equal(bad.error.code, '23514'); // CHECK constraint on status

  const removed = await supabase.from('stories').delete().eq('story_id', story.story_id);
  ok(removed);
  assert.equal(removed.status, 204);
  assert.equal(removed.data, null);
  const gone = ok(await supabase.from('stories').select('story_id').eq('story_id', story.story_id));
  assert.deepEqual(gone.data, []);
});

// ---------- RPC ----------
await test("rpc('create_story_with_scenes', { story, scenes })", async () => {
  const storyId = randomUUID();
  const { data, status } = ok(await supabase.rpc('create_story_with_scenes', {
    story: { story_id: storyId, user_id: state.users[0].user_id, title: `Moonlit Lantern ${run}`, prompt: 'an owl and a lamp' },
    scenes: [2, 1, 3].map((sequence) => ({ sequence, text: `scene ${sequence}` })),
  }));
  assert.equal(status, 200);
  assert.equal(data.story_id, storyId);
  assert.equal(data.status, 'PENDING');
  assert.equal(data.title, `Moonlit Lantern ${run}`);
  assert.deepEqual(data.scenes.map((s) => [s.sequence, s.text]), [[1, 'scene 1'], [2, 'scene 2'], [3, 'scene 3']]);
  for (const scene of data.scenes) {
    assert.match(scene.scene_id, UUID);
    assert.equal(scene.story_id, storyId);
    assert.equal(scene.image_url, null);
  }
  state.story = data;

  const again = await supabase.rpc('create_story_with_scenes', { story: { story_id: storyId, title: 'x' }, scenes: [] });
  assert.equal(again.status, 409);
  assert.equal(again.error.code, '23505');
});

await test("rpc('reorder_scenes', { p_story_id, p_scene_ids })", async () => {
  const ids = state.story.scenes.map((s) => s.scene_id).reverse();
  const { data } = ok(await supabase.rpc('reorder_scenes', { p_story_id: state.story.story_id, p_scene_ids: ids }));
  assert.deepEqual(data.map((s) => [s.scene_id, s.sequence]), ids.map((id, i) => [id, i + 1]));

  const stale = await supabase.rpc('reorder_scenes', { p_story_id: state.story.story_id, p_scene_ids: ids.slice(1) });
  assert.equal(stale.status, 409);
  assert.equal(stale.error.code, 'PT409');
  state.reordered = ids;
});

await test("embedding: from('stories').select('*, scenes(*)')", async () => {
  const { data } = ok(await supabase.from('stories').select('*, scenes(*)').eq('story_id', state.story.story_id));
  assert.equal(data.length, 1);
  assert.equal(data[0].title, state.story.title);
  assert.ok(Array.isArray(data[0].scenes));
  const bySequence = sorted(data[0].scenes, (a, b) => a.sequence - b.sequence);
  assert.deepEqual(bySequence.map((s) => s.scene_id), state.reordered);
  assert.deepEqual(Object.keys(bySequence[0]).sort(),
    ['audio_url', 'created_at', 'image_url', 'scene_id', 'sequence', 'story_id', 'text', 'updated_at']);

  const ordered = ok(await supabase.from('stories').select('story_id, scenes(sequence)')
    .eq('story_id', state.story.story_id).order('sequence', { referencedTable: 'scenes', ascending: false }));
  assert.deepEqual(ordered.data[0].scenes, [{ sequence: 3 }, { sequence: 2 }, { sequence: 1 }]);
});

await test("embedding: select('*, users(username)') gives an object, or null without a user", async () => {
  const { data } = ok(await supabase.from('stories').select('story_id, users(username)').eq('story_id', state.story.story_id).single());
  assert.deepEqual(data, { story_id: state.story.story_id, users: { username: state.users[0].username } });

  const { data: orphan } = ok(await supabase.from('stories').insert({ title: `Orphan ${run}` }).select('title, users(username)').single());
  assert.deepEqual(orphan, { title: `Orphan ${run}`, users: null });
});

await test("rpc('story_status_counts')", async () => {
  const { data } = ok(await supabase.rpc('story_status_counts'));
  assert.deepEqual(data.map((r) => r.status), STATUSES);
  const total = ok(await supabase.from('stories').select('*', { count: 'exact', head: true }));
  assert.equal(data.reduce((sum, r) => sum + Number(r.count), 0), total.count);
  for (const status of STATUSES) {
    const one = ok(await supabase.from('stories').select('*', { count: 'exact', head: true }).eq('status', status));
    assert.equal(Number(data.find((r) => r.status === status).count), one.count, status);
  }
});

await test("rpc('search_stories', { term })", async () => {
  const { data } = ok(await supabase.rpc('search_stories', { term: `LANTERN ${run}` }));
  assert.deepEqual(data.map((s) => s.story_id), [state.story.story_id]);
  assert.equal(data[0].title, state.story.title);
  assert.equal(data[0].scenes, undefined); // a stories row, no embedding

  const literal = ok(await supabase.rpc('search_stories', { term: '%' }));
  assert.ok(literal.data.every((s) => s.title.includes('%') || s.prompt.includes('%')), '% must match itself only');

  const all = ok(await supabase.rpc('search_stories', { term: '', max_results: 5 }));
  assert.equal(all.data.length, 5);
  const created = all.data.map((s) => Date.parse(s.created_at));
  assert.deepEqual(created, sorted(created, (a, b) => b - a), 'newest first');
});

await test('delete of a story cascades to its scenes', async () => {
  const removed = await supabase.from('stories').delete().eq('story_id', state.story.story_id);
  ok(removed);
  assert.equal(removed.status, 204);
  const scenes = ok(await supabase.from('scenes').select('scene_id', { count: 'exact', head: true }).eq('story_id', state.story.story_id));
  assert.equal(scenes.count, 0);
});

// ---------- storage ----------
const images = () => supabase.storage.from('story-images');
const imageKey = `${dir}/${randomUUID()}.png`;

await test("storage upload(path, Buffer, { contentType: 'image/png', upsert: true })", async () => {
  const { data } = ok(await images().upload(imageKey, PNG, { contentType: 'image/png', upsert: true }));
  assert.equal(data.path, imageKey);
  assert.equal(data.fullPath, `story-images/${imageKey}`);
  assert.match(data.id, UUID);
  const again = ok(await images().upload(imageKey, PNG, { contentType: 'image/png', upsert: true }));
  assert.equal(again.data.fullPath, `story-images/${imageKey}`);
  const duplicate = await images().upload(imageKey, PNG, { contentType: 'image/png' });
  assert.equal(duplicate.data, null);
  assert.equal(duplicate.error?.name, 'StorageApiError');
  assert.equal(duplicate.error.statusCode, '409'); // the semantic status, in the body
  assert.equal(duplicate.error.status, 400); // Storage sends every non-500 error as HTTP 400
});

await test('storage upload(path, Blob) as multipart/form-data', async () => {
  const blobKey = `${dir}/blob.png`;
  const { data } = ok(await images().upload(blobKey, new Blob([PNG], { type: 'image/png' }), { upsert: true }));
  assert.equal(data.fullPath, `story-images/${blobKey}`);
  const { data: info } = ok(await images().info(blobKey));
  assert.equal(info.size, PNG.length);
  assert.equal(info.contentType, 'image/png');
});

await test('storage upload of a type the bucket refuses: 415', async () => {
  const { data, error } = await images().upload(`${dir}/notes.txt`, Buffer.from('hello'), { contentType: 'text/plain' });
  assert.equal(data, null);
  assert.equal(error?.statusCode, '415');
  assert.equal(error.status, 400);
});

await test('storage list(prefix)', async () => {
  const { data } = ok(await images().list(dir));
  const file = data.find((o) => `${dir}/${o.name}` === imageKey);
  assert.ok(file, `${imageKey} not listed in ${JSON.stringify(data.map((o) => o.name))}`);
  assert.match(file.id, UUID);
  assert.equal(file.metadata.size, PNG.length);
  assert.equal(file.metadata.mimetype, 'image/png');
  const { data: root } = ok(await images().list('', { search: dir }));
  const folder = root.find((o) => o.name === dir);
  assert.ok(folder, 'the story folder is listed at the root');
  assert.equal(folder.id, null);
});

await test('storage download', async () => {
  const { data } = ok(await images().download(imageKey));
  assert.ok(data instanceof Blob);
  assert.equal(data.type, 'image/png');
  assert.deepEqual(Buffer.from(await data.arrayBuffer()), PNG);
});

await test('storage getPublicUrl + fetch', async () => {
  const { data } = images().getPublicUrl(imageKey);
  assert.equal(data.publicUrl, `${url}/storage/v1/object/public/story-images/${imageKey}`);
  const response = await fetch(data.publicUrl);
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('content-type'), 'image/png');
  assert.deepEqual(Buffer.from(await response.arrayBuffer()), PNG);
});

await test('storage createSignedUrl + fetch', async () => {
  const { data } = ok(await images().createSignedUrl(imageKey, 60));
  assert.ok(data.signedUrl.startsWith(`${url}/storage/v1/object/sign/story-images/${imageKey}?token=`), data.signedUrl);
  const response = await fetch(data.signedUrl); // no Authorization: the token is the permission
  assert.equal(response.status, 200);
  assert.deepEqual(Buffer.from(await response.arrayBuffer()), PNG);
  // Change a character inside the signature, not the last one: the last base64url character of a 32-byte
  // signature carries 2 unused bits, so A <-> B there can leave the signature as it was.
  const at = data.signedUrl.length - 10;
  const swapped = data.signedUrl[at] === 'A' ? 'B' : 'A';
  const tampered = await fetch(data.signedUrl.slice(0, at) + swapped + data.signedUrl.slice(at + 1));
  assert.equal(tampered.status, 400);
});

await test('storage remove([...])', async () => {
  const { data } = ok(await images().remove([imageKey, `${dir}/blob.png`, `${dir}/missing.png`]));
  assert.ok(Array.isArray(data));
  assert.ok(data.some((o) => o.name === imageKey), `removed: ${JSON.stringify(data.map((o) => o.name))}`);
  assert.ok(!data.some((o) => o.name === `${dir}/missing.png`), 'a missing name is left out');
  const { data: left } = ok(await images().list(dir));
  assert.deepEqual(left, []);
  const after = await images().download(imageKey);
  assert.equal(after.data, null);
  assert.ok(after.error, 'download of a removed object fails');
});

// ---------- sign out ----------
await test('auth.signOut() ends the session; reads are anon again', async () => {
  const { error } = await supabase.auth.signOut();
  assert.equal(error, null);
  const { data } = await supabase.auth.getSession();
  assert.equal(data.session, null);
  const anon = ok(await supabase.from('users').select('*').limit(1));
  assert.deepEqual(anon.data, []);
});

console.log(`smoke: ${results.passed} passed, ${results.failed} failed`);
process.exit(results.failed === 0 ? 0 : 1);
