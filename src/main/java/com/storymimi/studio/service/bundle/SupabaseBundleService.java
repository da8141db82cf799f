package com.storymimi.studio.service.bundle;

import com.storymimi.studio.model.MediaKind;
import com.storymimi.studio.model.MediaRef;
import com.storymimi.studio.model.StoryStatus;
import com.storymimi.studio.service.MediaChecks;
import com.storymimi.studio.service.MediaFormat;
import com.storymimi.studio.service.MediaKeys;
import com.storymimi.studio.service.MediaRemoval;
import com.storymimi.studio.service.ObjectStorage;
import com.storymimi.studio.service.ServiceException;
import com.storymimi.studio.service.ServiceException.Reason;
import com.storymimi.studio.service.ServiceFailures;
import com.storymimi.studio.supabase.http.JsonCodec;
import com.storymimi.studio.supabase.rest.Filter;
import com.storymimi.studio.supabase.rest.PostgrestClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * {@link BundleService} over PostgREST and {@link ObjectStorage}. Export reads the stories with their scenes and
 * users in one request per 40 stories and downloads each media object once; import checks the whole bundle first,
 * then per story uploads its media (keys from their checksums, so a repeat overwrites itself) and writes the story
 * with its scenes through {@code create_story_with_scenes}, one transaction. The file work runs on {@code io}.
 */
public final class SupabaseBundleService implements BundleService {

    private static final Logger LOG = LoggerFactory.getLogger(SupabaseBundleService.class);
    private static final int IDS_PER_REQUEST = 40;
    private static final String COPY_SUFFIX = " (copy)";
    /** Media objects moved at the same time: enough to hide each one's round trips, few enough for any Storage. */
    private static final int TRANSFERS = 8;

    private final PostgrestClient rest;
    private final ObjectStorage storage;
    private final MediaRemoval removal;
    private final Executor io;
    private final Clock clock;
    private final JsonCodec json = new JsonCodec();

    public SupabaseBundleService(PostgrestClient rest, ObjectStorage storage, MediaRemoval removal, Executor io,
                                 Clock clock) {
        this.rest = Objects.requireNonNull(rest, "rest");
        this.storage = Objects.requireNonNull(storage, "storage");
        this.removal = Objects.requireNonNull(removal, "removal");
        this.io = Objects.requireNonNull(io, "io");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A story row with its user and scenes, as the export reads it. */
    private record StoryRow(UUID storyId, String title, String prompt, StoryStatus status, BundleStory.User users,
                            List<SceneRow> scenes) {
    }

    private record SceneRow(UUID sceneId, int sequence, String text, String imageUrl, String audioUrl) {
    }

    // ------------------------------------------------------------------ export

    @Override
    public CompletableFuture<Report> export(List<UUID> storyIds, Path target, Consumer<Progress> progress) {
        List<UUID> ids = List.copyOf(storyIds);
        Objects.requireNonNull(target, "target");
        Consumer<Progress> told = progress == null ? p -> { } : progress;
        return stories(ids).thenApplyAsync(rows -> write(rows, target, told), io);
    }

    private CompletableFuture<List<StoryRow>> stories(List<UUID> ids) {
        CompletableFuture<List<StoryRow>> all = CompletableFuture.completedFuture(new ArrayList<>());
        for (int from = 0; from < ids.size(); from += IDS_PER_REQUEST) {
            List<UUID> chunk = ids.subList(from, Math.min(ids.size(), from + IDS_PER_REQUEST));
            all = all.thenCompose(found -> ServiceFailures.translated(rest.from("stories")
                            .select("story_id,title,prompt,status,users(user_id,username,email),"
                                    + "scenes(scene_id,sequence,text,image_url,audio_url)")
                            .filter(Filter.in("story_id", chunk)).list(StoryRow.class))
                    .thenApply(result -> {
                        found.addAll(result.body());
                        return found;
                    }));
        }
        return all.thenApply(found -> {
            Map<UUID, StoryRow> byId = found.stream().collect(Collectors.toMap(StoryRow::storyId, row -> row));
            List<StoryRow> ordered = new ArrayList<>();
            for (UUID id : ids) {
                StoryRow row = byId.get(id);
                if (row == null) {
                    throw new ServiceException(Reason.NOT_FOUND, "story " + id + " is not there (any more)");
                }
                ordered.add(row);
            }
            return ordered;
        });
    }

    private Report write(List<StoryRow> rows, Path target, Consumer<Progress> progress) {
        int total = (int) rows.stream().flatMap(row -> scenesOf(row).stream())
                .mapToLong(scene -> (scene.imageUrl() == null ? 0 : 1) + (scene.audioUrl() == null ? 0 : 1)).sum();
        int[] done = {0};
        long[] bytes = {0};
        List<String> notes = new ArrayList<>();
        List<BundleStory> stories = new ArrayList<>();
        Path scratch = null;
        try (BundleWriter writer = BundleWriter.create(target)) {
            scratch = Files.createTempDirectory(target.toAbsolutePath().getParent(), ".bundle-export-");
            for (StoryRow row : rows) {
                Map<String, CompletableFuture<Void>> downloads = downloads(row, scratch);
                List<BundleStory.Scene> scenes = new ArrayList<>();
                for (SceneRow scene : scenesOf(row)) {
                    BundleStory.Media image = media(writer, scratch, downloads, row, scene, MediaKind.IMAGE, notes);
                    BundleStory.Media audio = media(writer, scratch, downloads, row, scene, MediaKind.AUDIO, notes);
                    for (BundleStory.Media media : new BundleStory.Media[] {image, audio}) {
                        if (media != null) {
                            bytes[0] += media.size();
                        }
                    }
                    done[0] += (scene.imageUrl() == null ? 0 : 1) + (scene.audioUrl() == null ? 0 : 1);
                    progress.accept(new Progress(done[0], total, row.title()));
                    scenes.add(new BundleStory.Scene(scene.sceneId(), scene.sequence(), scene.text(), image, audio));
                }
                stories.add(new BundleStory(row.storyId(), row.title(), row.prompt(), row.status(), row.users(), scenes));
            }
            writer.finish(new BundleManifest(BundleManifest.FORMAT, BundleManifest.VERSION, clock.instant(), stories),
                    json);
        } catch (IOException e) {
            throw new ServiceException(Reason.FAILED, target.getFileName() + " could not be written: " + e.getMessage(), e);
        } finally {
            deleteTree(scratch);
        }
        int sceneCount = stories.stream().mapToInt(story -> story.scenes().size()).sum();
        int files = (int) stories.stream().flatMap(story -> story.scenes().stream())
                .mapToLong(scene -> (scene.image() == null ? 0 : 1) + (scene.audio() == null ? 0 : 1)).sum();
        LOG.info("exported {} stories, {} scenes, {} files ({} bytes) to {}", stories.size(), sceneCount, files, bytes[0],
                target);
        return new Report(stories.size(), sceneCount, files, bytes[0], List.of(), notes);
    }

    private static List<SceneRow> scenesOf(StoryRow row) {
        return row.scenes() == null ? List.of()
                : row.scenes().stream().sorted(Comparator.comparingInt(SceneRow::sequence)).toList();
    }

    /** Where a scene's media is downloaded to before it goes into the bundle. */
    private static String scratchName(SceneRow scene, MediaKind kind) {
        return scene.sceneId() + "-" + kind.name().toLowerCase(Locale.ROOT);
    }

    /**
     * Downloads the story's media objects into {@code scratch}, {@link #TRANSFERS} at a time (one at a time, each
     * object's round trips dominated the export); completes each future when its file is there, or with the failure.
     */
    private Map<String, CompletableFuture<Void>> downloads(StoryRow story, Path scratch) {
        Map<String, CompletableFuture<Void>> downloads = new HashMap<>();
        List<Runnable> starts = new ArrayList<>();
        List<CompletableFuture<?>> ends = new ArrayList<>();
        for (SceneRow scene : scenesOf(story)) {
            for (MediaKind kind : MediaKind.values()) {
                String url = kind == MediaKind.IMAGE ? scene.imageUrl() : scene.audioUrl();
                MediaRef object = url == null ? null : MediaRef.fromPublicUrl(url).orElse(null);
                if (object != null) {
                    CompletableFuture<Void> done = new CompletableFuture<>();
                    downloads.put(scratchName(scene, kind), done);
                    ends.add(done);
                    Path file = scratch.resolve(scratchName(scene, kind));
                    starts.add(() -> storage.download(object.bucket(), object.key(), file).whenComplete((ok, failure) -> {
                        if (failure != null) {
                            done.completeExceptionally(failure);
                        } else {
                            done.complete(null);
                        }
                    }));
                }
            }
        }
        inBatches(starts, ends, false);
        return downloads;
    }

    /**
     * Starts the transfers {@link #TRANSFERS} at a time, each batch when the one before has ended. With
     * {@code stopOnFailure}, after a batch in which one failed the rest are not started (their futures are failed
     * with the same cause); without, every transfer is tried (an export notes each missing object).
     */
    private static void inBatches(List<Runnable> starts, List<CompletableFuture<?>> ends, boolean stopOnFailure) {
        for (int from = 0; from < starts.size(); from += TRANSFERS) {
            int to = Math.min(starts.size(), from + TRANSFERS);
            starts.subList(from, to).forEach(Runnable::run);
            List<CompletableFuture<?>> batch = ends.subList(from, to);
            CompletableFuture.allOf(batch.toArray(CompletableFuture[]::new)).handle((ok, failure) -> null).join();
            Throwable failed = batch.stream().filter(CompletableFuture::isCompletedExceptionally).findFirst()
                    .map(end -> end.handle((ok, failure) -> failure).join()).orElse(null);
            if (failed != null && stopOnFailure) {
                ends.subList(to, ends.size()).forEach(end -> end.completeExceptionally(failed));
                return;
            }
        }
    }

    /** Puts one downloaded media object into the bundle; null (and a note) when Storage did not have it. */
    private BundleStory.Media media(BundleWriter writer, Path scratch, Map<String, CompletableFuture<Void>> downloads,
                                    StoryRow story, SceneRow scene, MediaKind kind, List<String> notes)
            throws IOException {
        String url = kind == MediaKind.IMAGE ? scene.imageUrl() : scene.audioUrl();
        if (url == null) {
            return null;
        }
        String what = (kind == MediaKind.IMAGE ? "the image" : "the narration") + " of scene " + scene.sequence()
                + " of “" + story.title() + "”";
        MediaRef object = MediaRef.fromPublicUrl(url).orElse(null);
        if (object == null) {
            notes.add(what + " is not in this project's Storage (" + url + ") and was left out");
            return null;
        }
        Path copy = scratch.resolve(scratchName(scene, kind));
        try {
            downloads.get(scratchName(scene, kind)).join();
        } catch (CompletionException e) {
            ServiceException failure = ServiceFailures.translate(e);
            if (failure.reason() != Reason.NOT_FOUND) {
                throw failure;
            }
            notes.add(what + " is missing in Storage and was left out");
            return null;
        }
        MediaFormat format;
        try {
            format = MediaChecks.inspect(copy, kind);
        } catch (ServiceException refused) {
            notes.add(what + " was left out: " + refused.getMessage());
            return null;
        }
        String path = "media/" + story.storyId() + "/" + scene.sceneId() + "-" + (kind == MediaKind.IMAGE ? "image" : "audio")
                + "." + format.extension();
        BundleWriter.Written written = writer.add(path, copy);
        Files.deleteIfExists(copy);
        return new BundleStory.Media(path, written.sha256(), written.size(), format.contentType());
    }

    // ------------------------------------------------------------------ import

    @Override
    public CompletableFuture<List<BundleStory>> contents(Path bundle) {
        Objects.requireNonNull(bundle, "bundle");
        return ServiceFailures.translated(CompletableFuture.supplyAsync(() -> {
            try (BundleReader reader = BundleReader.open(bundle, json)) {
                return reader.manifest().stories();
            }
        }, io));
    }

    @Override
    public CompletableFuture<Report> publish(List<UUID> storyIds, BundleService target, OnExisting onExisting,
                                             Consumer<Progress> progress) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return Files.createTempDirectory("storymimi-publish"); // 0700: the stories are the user's
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, io).thenCompose(dir -> {
            Path bundle = dir.resolve("publish.storymimi");
            return export(storyIds, bundle, step -> progress.accept(
                            new Progress(step.filesDone(), step.filesTotal() * 2, step.current())))
                    .thenCompose(exported -> target.importBundle(bundle, onExisting, step -> progress.accept(
                                    new Progress(step.filesTotal() + step.filesDone(), step.filesTotal() * 2,
                                            step.current())))
                            .thenApply(imported -> new Report(imported.stories(), imported.scenes(), imported.files(),
                                    imported.bytes(), imported.skipped(),
                                    java.util.stream.Stream.concat(exported.notes().stream(),
                                            imported.notes().stream()).toList())))
                    .whenCompleteAsync((report, failure) -> deleteQuietly(bundle, dir), io);
        });
    }

    @Override
    public CompletableFuture<Report> importBundle(Path bundle, OnExisting onExisting, Consumer<Progress> progress) {
        Objects.requireNonNull(bundle, "bundle");
        Objects.requireNonNull(onExisting, "onExisting");
        Consumer<Progress> told = progress == null ? p -> { } : progress;
        return ServiceFailures.translated(CompletableFuture.supplyAsync(() -> importAll(bundle, onExisting, told), io));
    }

    /** A checked bundle's media, copied out and verified, by path. */
    private record Verified(Map<String, Path> files, Path dir) {
    }

    private Report importAll(Path bundle, OnExisting onExisting, Consumer<Progress> progress) {
        try (BundleReader reader = BundleReader.open(bundle, json)) {
            List<BundleStory> stories = reader.manifest().stories();
            Verified verified = verify(reader, stories, bundle);
            try {
                Set<UUID> existing = existing("stories", "story_id",
                        stories.stream().map(BundleStory::storyId).toList());
                Set<UUID> users = existing("users", "user_id", stories.stream().map(BundleStory::user)
                        .filter(Objects::nonNull).map(BundleStory.User::userId).filter(Objects::nonNull).distinct().toList());
                int total = verified.files().size();
                int[] done = {0};
                int imported = 0;
                int scenes = 0;
                int filesImported = 0;
                long bytes = 0;
                List<String> skipped = new ArrayList<>();
                List<String> notes = new ArrayList<>();
                for (BundleStory story : stories) {
                    boolean exists = existing.contains(story.storyId());
                    if (exists && onExisting == OnExisting.SKIP) {
                        skipped.add(story.title());
                        done[0] += files(story);
                        progress.accept(new Progress(done[0], total, story.title()));
                        continue;
                    }
                    UUID replaced = null;
                    if (exists && onExisting == OnExisting.REPLACE) {
                        replaced = ServiceFailures.translated(rest.rpc("trash_story", Map.of("p_story_id", story.storyId()))
                                .value(TrashId.class)).join().trashId();
                    }
                    boolean copy = exists && onExisting == OnExisting.COPY;
                    UUID user = story.user() != null && users.contains(story.user().userId()) ? story.user().userId() : null;
                    if (story.user() != null && user == null) {
                        notes.add("“" + story.title() + "” came without its user " + story.user().username()
                                + ", who is not in this project");
                    }
                    try {
                        bytes += write(story, copy, user, verified, done, total, progress);
                    } catch (ServiceException failed) {
                        if (replaced != null) {
                            // The bundle's version could not be written: the project's comes back from the trash.
                            ServiceFailures.translated(rest.rpc("restore_trash", Map.of("p_trash_id", replaced))
                                    .execute()).handle((ok, failure) -> null).join();
                        }
                        throw failed;
                    }
                    if (replaced != null) {
                        notes.add("“" + story.title() + "” was there already: the earlier version is in the trash");
                    }
                    imported++;
                    scenes += story.scenes().size();
                    filesImported += files(story);
                }
                LOG.info("imported {} stories ({} skipped), {} scenes, {} files from {}", imported, skipped.size(),
                        scenes, filesImported, bundle);
                return new Report(imported, scenes, filesImported, bytes, skipped, notes);
            } finally {
                deleteTree(verified.dir());
            }
        }
    }

    /** Copies every media file out and checks it (size, SHA-256, what it is), before anything is written. */
    private Verified verify(BundleReader reader, List<BundleStory> stories, Path bundle) {
        Path dir;
        try {
            dir = Files.createTempDirectory("storymimi-import-");
        } catch (IOException e) {
            throw new ServiceException(Reason.FAILED, "no room for a temporary folder: " + e.getMessage(), e);
        }
        Map<String, Path> files = new HashMap<>();
        try {
            for (BundleStory story : stories) {
                for (BundleStory.Scene scene : story.scenes()) {
                    for (MediaKind kind : MediaKind.values()) {
                        BundleStory.Media media = kind == MediaKind.IMAGE ? scene.image() : scene.audio();
                        if (media == null || files.containsKey(media.path())) {
                            continue;
                        }
                        Path file = reader.extract(media, dir);
                        MediaFormat format = MediaChecks.inspect(file, kind);
                        if (!format.contentType().equals(media.contentType())) {
                            throw new ServiceException(Reason.INVALID, bundle.getFileName() + " is damaged: "
                                    + media.path() + " is " + format.contentType() + ", not " + media.contentType());
                        }
                        files.put(media.path(), file);
                    }
                }
            }
            return new Verified(files, dir);
        } catch (IOException e) {
            deleteTree(dir);
            throw new ServiceException(Reason.FAILED, "the bundle could not be unpacked: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            deleteTree(dir);
            throw e;
        }
    }

    private static int files(BundleStory story) {
        return (int) story.scenes().stream()
                .mapToLong(scene -> (scene.image() == null ? 0 : 1) + (scene.audio() == null ? 0 : 1)).sum();
    }

    /** Uploads the story's media, then writes the story and its scenes in one call; returns the bytes uploaded. */
    private long write(BundleStory story, boolean copy, UUID user, Verified verified, int[] done, int total,
                       Consumer<Progress> progress) {
        UUID storyId = copy ? UUID.randomUUID() : story.storyId();
        List<MediaRef> uploaded = new ArrayList<>();
        List<Map<String, Object>> scenes = new ArrayList<>();
        long bytes = 0;
        try {
            List<Runnable> starts = new ArrayList<>();
            List<CompletableFuture<?>> ends = new ArrayList<>();
            List<Long> sizes = new ArrayList<>();
            for (BundleStory.Scene scene : story.scenes()) {
                UUID sceneId = copy ? UUID.randomUUID() : scene.sceneId();
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("scene_id", sceneId);
                row.put("sequence", scene.sequence());
                row.put("text", scene.text() == null ? "" : scene.text());
                for (MediaKind kind : MediaKind.values()) {
                    BundleStory.Media media = kind == MediaKind.IMAGE ? scene.image() : scene.audio();
                    String url = null;
                    if (media != null) {
                        Path file = verified.files().get(media.path());
                        MediaFormat format = MediaChecks.inspect(file, kind);
                        MediaRef object = new MediaRef(kind.bucket(),
                                MediaKeys.key(storyId, sceneId, media.sha256(), format));
                        CompletableFuture<Void> end = new CompletableFuture<>();
                        ends.add(end);
                        starts.add(() -> upload(object, file, format, media.size(), uploaded, sizes)
                                .whenComplete((ok, failure) -> {
                                    synchronized (done) {
                                        done[0]++;
                                        progress.accept(new Progress(done[0], total, story.title()));
                                    }
                                    if (failure != null) {
                                        end.completeExceptionally(failure);
                                    } else {
                                        end.complete(null);
                                    }
                                }));
                        url = storage.publicUrl(object.bucket(), object.key());
                    }
                    row.put(kind == MediaKind.IMAGE ? "image_url" : "audio_url", url);
                }
                scenes.add(row);
            }
            inBatches(starts, ends, true);
            for (CompletableFuture<?> end : ends) {
                ServiceFailures.translated(end).join(); // the first failure, if any: nothing is written
            }
            synchronized (sizes) {
                bytes = sizes.stream().mapToLong(Long::longValue).sum();
            }
            Map<String, Object> storyRow = new LinkedHashMap<>();
            storyRow.put("story_id", storyId);
            storyRow.put("user_id", user);
            storyRow.put("title", copy ? story.title() + COPY_SUFFIX : story.title());
            storyRow.put("prompt", story.prompt() == null ? "" : story.prompt());
            storyRow.put("status", story.status().name());
            ServiceFailures.translated(rest.rpc("create_story_with_scenes", Map.of("story", storyRow, "scenes", scenes))
                    .execute()).join();
            return bytes;
        } catch (CompletionException | ServiceException e) {
            // The story was not written: what was uploaded for it goes again (never an object a row names).
            removal.removeQuietly(uploaded).join();
            throw ServiceFailures.translate(e);
        }
    }

    /**
     * Uploads one file unless its key holds it already: the key carries the content's hash, so an object there is
     * this file (e.g. kept by the trash for the story a REPLACE moved there) and is neither uploaded nor removed.
     */
    private CompletableFuture<Void> upload(MediaRef object, Path file, MediaFormat format, long size,
                                           List<MediaRef> uploaded, List<Long> sizes) {
        return ServiceFailures.translated(storage.info(object.bucket(), object.key()))
                .thenCompose(info -> info.filter(found -> found.size() == size).isPresent()
                        ? CompletableFuture.<Void>completedFuture(null)
                        : ServiceFailures.translated(storage.upload(object.bucket(), object.key(), file,
                                format.contentType(), sent -> { })).thenRun(() -> {
                                    synchronized (uploaded) {
                                        uploaded.add(object);
                                    }
                                    synchronized (sizes) {
                                        sizes.add(size);
                                    }
                                }));
    }

    /** The ids among {@code ids} that the table has. */
    private Set<UUID> existing(String table, String column, List<UUID> ids) {
        Set<UUID> found = new java.util.HashSet<>();
        for (int from = 0; from < ids.size(); from += IDS_PER_REQUEST) {
            List<UUID> chunk = ids.subList(from, Math.min(ids.size(), from + IDS_PER_REQUEST));
            ServiceFailures.translated(rest.from(table).select("id:" + column).filter(Filter.in(column, chunk))
                    .list(IdRow.class)).join().body().forEach(row -> found.add(row.id()));
        }
        return found;
    }

    private record IdRow(UUID id) {
    }

    /** What trash_story answers, as far as a REPLACE needs it. */
    private record TrashId(UUID trashId) {
    }

    private static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("could not delete the temporary folder {}: {}", dir, e.getMessage());
        }
    }

    /** Removes the temporary bundle and its folder; a leftover is logged, never a failure of the publish. */
    private static void deleteQuietly(Path bundle, Path dir) {
        try {
            Files.deleteIfExists(bundle);
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            LOG.warn("the temporary bundle {} could not be removed", bundle, e);
        }
    }
}
