package com.storymimi.studio.service;

import com.storymimi.studio.model.Finding;
import com.storymimi.studio.model.FindingKind;
import com.storymimi.studio.model.IntegrityFix;
import com.storymimi.studio.model.IntegrityReport;
import com.storymimi.studio.model.MediaKind;
import com.storymimi.studio.model.MediaRef;
import com.storymimi.studio.model.ScanProgress;
import com.storymimi.studio.model.ScanProgress.Phase;
import com.storymimi.studio.service.MediaRules.ObjectMeta;
import com.storymimi.studio.supabase.rest.Count;
import com.storymimi.studio.supabase.rest.Filter;
import com.storymimi.studio.supabase.rest.Order;
import com.storymimi.studio.supabase.rest.PostgrestClient;
import com.storymimi.studio.supabase.storage.StorageClient;
import com.storymimi.studio.supabase.storage.StorageObject;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * One run of the integrity doctor, on a background thread. Memory stays bounded by one page, one story folder and
 * the problems found: the media of a story live in its own folder ({@code <story_id>/}), so each story's scenes
 * are compared with a listing of just that folder, while the scenes are read in story order. Only the names of
 * the story folders are held for the whole run (about 40 bytes per story), plus the rare references into some
 * other folder, which are checked one by one at the end.
 */
final class IntegrityScan {

    /** A URL pointing outside its scene's story folder, resolved after all folders are known. */
    private record Elsewhere(SceneLinks scene, MediaKind kind, String url, MediaRef object) {
    }

    /** The columns read to name the stories that have findings. */
    private record StoryTitle(UUID storyId, String title) {
    }

    /** Trash items per request while collecting the media they keep. */
    private static final int TRASH_PAGE = 200;

    /** Story ids per title lookup: 40 UUIDs keep the request line under 2 kB. */
    private static final int TITLES_PER_REQUEST = 40;

    private final PostgrestClient rest;
    private final BucketPages buckets;
    private final ScanCalls calls;
    private final MediaUrls urls;
    private final StorageClient storage;
    private final Consumer<ScanProgress> progress;

    private final List<Finding> findings = new ArrayList<>();
    private final Map<MediaKind, Set<String>> folders = new EnumMap<>(MediaKind.class);
    private final Map<MediaRef, ObjectMeta> unused = new LinkedHashMap<>();
    private final List<Elsewhere> elsewhere = new ArrayList<>();
    private Phase lastPhase;
    private long lastReport;
    private long scenes;
    private long stories;
    private long objects;

    IntegrityScan(PostgrestClient rest, StorageClient storage, ScanCalls calls, MediaUrls urls,
                  Consumer<ScanProgress> progress) {
        this.rest = rest;
        this.storage = storage;
        this.calls = calls;
        this.urls = urls;
        this.buckets = new BucketPages(storage, calls);
        this.progress = progress;
    }

    IntegrityReport run() {
        long start = System.nanoTime();
        listFolders();
        long total = calls.await(() -> rest.from(SupabaseSceneService.TABLE).select("scene_id").head()
                .count(Count.EXACT).list(SceneLinks.class)).total().orElse(-1);
        new ScenePages(rest, calls).forEachStory(this::story, read -> {
            scenes += read;
            report(new ScanProgress(Phase.CHECKING_SCENES, scenes, total));
        });
        leftoverFolders();
        otherReferences();
        keptByTrash();
        unused.forEach((object, meta) -> findings.add(unusedFinding(object, meta)));
        return new IntegrityReport(withTitles(), scenes, stories, objects, Duration.ofNanos(System.nanoTime() - start));
    }

    /** The findings with their stories' titles, so that the editor reads "The Brave Fox", not a UUID. */
    private List<Finding> withTitles() {
        List<UUID> ids = findings.stream().map(Finding::storyId).filter(Objects::nonNull).distinct().toList();
        Map<UUID, String> titles = new HashMap<>();
        for (int from = 0; from < ids.size(); from += TITLES_PER_REQUEST) {
            List<UUID> chunk = ids.subList(from, Math.min(ids.size(), from + TITLES_PER_REQUEST));
            calls.await(() -> rest.from(SupabaseStoryService.TABLE).select("story_id,title")
                            .filter(Filter.in(SupabaseStoryService.ID, chunk)).list(StoryTitle.class))
                    .body().forEach(story -> titles.put(story.storyId(), story.title()));
        }
        return findings.stream().map(finding -> finding.storyId() == null ? finding
                : finding.withStoryTitle(titles.get(finding.storyId()))).toList();
    }

    /** The root of each bucket: story folders are remembered, files there belong to no story. */
    private void listFolders() {
        for (MediaKind kind : MediaKind.values()) {
            Set<String> names = new HashSet<>();
            folders.put(kind, names);
            buckets.forEach(kind.bucket(), "", entry -> {
                if (entry.isFolder()) {
                    names.add(entry.name());
                } else {
                    objects++;
                    unused.put(new MediaRef(kind.bucket(), entry.name()), meta(entry));
                }
                report(new ScanProgress(Phase.LISTING_FOLDERS, names.size(), -1));
            });
        }
    }

    private void story(List<SceneLinks> storyScenes) {
        stories++;
        SequenceCheck.check(storyScenes).ifPresent(findings::add);
        UUID storyId = storyScenes.getFirst().storyId();
        for (MediaKind kind : MediaKind.values()) {
            String folder = storyId.toString();
            Map<String, ObjectMeta> listed = folders.get(kind).remove(folder) ? folderFiles(kind, folder) : Map.of();
            Set<String> used = new HashSet<>();
            for (SceneLinks scene : storyScenes) {
                reference(scene, kind).ifPresent(object -> {
                    String name = object.key().startsWith(folder + "/")
                            ? object.key().substring(folder.length() + 1) : null;
                    if (name != null && name.indexOf('/') < 0) {
                        used.add(name);
                        judge(scene, kind, object, Optional.ofNullable(listed.get(name)));
                    } else {
                        elsewhere.add(new Elsewhere(scene, kind, scene.url(kind), object));
                    }
                });
            }
            listed.forEach((name, meta) -> {
                if (!used.contains(name)) {
                    unused.put(new MediaRef(kind.bucket(), folder + "/" + name), meta);
                }
            });
        }
    }

    private Map<String, ObjectMeta> folderFiles(MediaKind kind, String folder) {
        Map<String, ObjectMeta> files = new HashMap<>();
        for (StorageObject file : buckets.files(kind.bucket(), folder + "/")) {
            files.put(file.name(), meta(file));
        }
        objects += files.size();
        return files;
    }

    /** The object the scene's URL names in the kind's bucket; foreign URLs become findings instead. */
    private Optional<MediaRef> reference(SceneLinks scene, MediaKind kind) {
        String url = scene.url(kind);
        if (url == null) {
            return Optional.empty();
        }
        return switch (urls.classify(kind, url)) {
            case MediaUrls.Verdict.Foreign foreign -> {
                findings.add(new Finding(FindingKind.FOREIGN_URL, scene.storyId(), scene.sceneId(), null,
                        sceneName(scene) + "'s " + noun(kind) + " URL " + foreign.why() + ": " + url,
                        new IntegrityFix.ReportOnly()));
                yield Optional.empty();
            }
            case MediaUrls.Verdict.Ours ours -> {
                ours.otherServer().ifPresent(server -> findings.add(new Finding(FindingKind.FOREIGN_URL,
                        scene.storyId(), scene.sceneId(), ours.object(), sceneName(scene) + "'s " + noun(kind)
                        + " URL points to another server (" + server + "), not this project.",
                        new IntegrityFix.ReportOnly())));
                yield Optional.of(ours.object());
            }
        };
    }

    private void judge(SceneLinks scene, MediaKind kind, MediaRef object, Optional<ObjectMeta> stored) {
        String url = scene.url(kind);
        if (stored.isEmpty()) {
            findings.add(new Finding(FindingKind.MISSING_OBJECT, scene.storyId(), scene.sceneId(), object,
                    sceneName(scene) + " points to " + article(kind) + " that does not exist (" + where(object) + ").",
                    new IntegrityFix.ClearUrl(scene.sceneId(), kind, url)));
            return;
        }
        MediaRules.problem(kind, stored.get()).ifPresent(problem -> findings.add(new Finding(FindingKind.WRONG_MEDIA,
                scene.storyId(), scene.sceneId(), object,
                sceneName(scene) + "'s " + noun(kind) + " (" + where(object) + ") " + problem + ".",
                new IntegrityFix.RemoveObjectAndClearUrl(scene.sceneId(), kind, url, object))));
    }

    /** Story folders no scene led to: their stories have no scenes, or do not exist. */
    private void leftoverFolders() {
        long total = folders.values().stream().mapToLong(Set::size).sum();
        long done = 0;
        for (MediaKind kind : MediaKind.values()) {
            for (String folder : new TreeSet<>(folders.get(kind))) {
                folderFiles(kind, folder).forEach((name, meta) ->
                        unused.put(new MediaRef(kind.bucket(), folder + "/" + name), meta));
                report(new ScanProgress(Phase.CHECKING_LEFTOVERS, ++done, total));
            }
        }
    }

    /** References into another story's folder (or deeper): looked up in what was listed, else asked one by one. */
    private void otherReferences() {
        long done = 0;
        for (Elsewhere ref : elsewhere) {
            ObjectMeta listed = unused.remove(ref.object());
            Optional<ObjectMeta> stored = listed != null ? Optional.of(listed) : ObjectLookup.info(calls, storage, ref.object());
            judge(ref.scene(), ref.kind(), ref.object(), stored);
            report(new ScanProgress(Phase.CHECKING_OTHER_REFERENCES, ++done, elsewhere.size()));
        }
    }

    /** Objects the trash keeps (trashed scenes' media, replaced media) are not unused: a restore brings them back. */
    private void keptByTrash() {
        for (long offset = 0; ; offset += TRASH_PAGE) {
            long from = offset;
            List<TrashContents> page = calls.await(() -> rest.from("trash").select(TrashContents.COLUMNS)
                    .order(Order.asc("trash_id")).range(from, from + TRASH_PAGE - 1).list(TrashContents.class)).body();
            page.forEach(item -> item.objects().forEach(unused::remove));
            if (page.size() < TRASH_PAGE) {
                return;
            }
        }
    }

    /**
     * Forwards progress at most every 100 ms (and at each phase's start and end): a listener that hops to the FX
     * thread per call would otherwise queue 100k updates for 100k story folders.
     */
    private void report(ScanProgress update) {
        long now = System.nanoTime();
        if (update.phase() != lastPhase || update.done() == update.total() || now - lastReport >= 100_000_000L) {
            lastPhase = update.phase();
            lastReport = now;
            progress.accept(update);
        }
    }

    private static Finding unusedFinding(MediaRef object, ObjectMeta meta) {
        int slash = object.key().indexOf('/');
        UUID story = slash < 0 ? null : parseUuid(object.key().substring(0, slash));
        String size = meta.size() == null ? "" : " (" + meta.size() + " bytes)";
        return new Finding(FindingKind.UNUSED_OBJECT, story, null, object,
                where(object) + size + " is not used by any scene.", new IntegrityFix.DeleteObject(object));
    }

    private static ObjectMeta meta(StorageObject object) {
        return new ObjectMeta(object.mimeType().orElse(null), object.size().orElse(null));
    }

    static UUID parseUuid(String text) {
        try {
            return text.length() == 36 ? UUID.fromString(text) : null;
        } catch (IllegalArgumentException notAUuid) {
            return null;
        }
    }

    private static String sceneName(SceneLinks scene) {
        return "Scene " + scene.sequence();
    }

    private static String noun(MediaKind kind) {
        return kind == MediaKind.IMAGE ? "image" : "audio";
    }

    private static String article(MediaKind kind) {
        return kind == MediaKind.IMAGE ? "an image" : "an audio file";
    }

    private static String where(MediaRef object) {
        return object.bucket() + "/" + object.key();
    }
}
