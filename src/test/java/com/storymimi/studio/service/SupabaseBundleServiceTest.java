package com.storymimi.studio.service;

import com.storymimi.studio.model.MediaKind;
import com.storymimi.studio.model.MediaRef;
import com.storymimi.studio.model.Scene;
import com.storymimi.studio.model.SceneDraft;
import com.storymimi.studio.model.StoryDetail;
import com.storymimi.studio.model.StoryStatus;
import com.storymimi.studio.model.TrashItem;
import com.storymimi.studio.service.ServiceException.Reason;
import com.storymimi.studio.service.bundle.BundleService;
import com.storymimi.studio.service.bundle.BundleService.OnExisting;
import com.storymimi.studio.service.bundle.SupabaseBundleService;
import com.storymimi.studio.service.trash.SupabaseTrashService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import static com.storymimi.studio.service.SupabaseStoryServiceTest.failureOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Story bundles end to end on both backends (Storage faked in memory): export a story, delete it for good, import
 * it back identical (texts, order, ids, media checksums); a story that is there already is skipped, replaced (the
 * old one to the trash) or copied; a truncated, tampered, newer or path-escaping bundle changes nothing.
 */
class SupabaseBundleServiceTest {

    @TempDir
    Path dataDir;
    @TempDir
    Path files;

    private ServiceBackend backend;
    private FakeObjectStorage storage;
    private SupabaseStoryService stories;
    private SupabaseSceneService scenes;
    private SupabaseMediaService media;
    private SupabaseTrashService trash;
    private BundleService bundles;
    private UUID story;

    private void given(ServiceBackend.Kind kind) throws Exception {
        backend = ServiceBackend.open(kind, dataDir);
        storage = new FakeObjectStorage();
        stories = new SupabaseStoryService(backend.client.rest());
        scenes = new SupabaseSceneService(backend.client.rest());
        media = new SupabaseMediaService(backend.client.rest(), storage, OrphanedMedia.IGNORE, dataDir.resolve("cache"),
                Runnable::run);
        MediaRemoval removal = new MediaRemoval(storage, OrphanedMedia.IGNORE);
        trash = new SupabaseTrashService(backend.client.rest(), removal);
        bundles = new SupabaseBundleService(backend.client.rest(), storage, removal, Runnable::run, Clock.systemUTC());
        story = new Rows(backend.client).story("The Lantern", "a fox with a lantern", StoryStatus.COMPLETED, null,
                Instant.parse("2026-01-01T00:00:00Z"));
        List<Scene> created = scenes.createAll(story, List.of(new SceneDraft(1, "Night falls."),
                new SceneDraft(2, "The fox lights the lantern."), new SceneDraft(3, "Morning."))).join();
        media.attach(created.get(0), MediaKind.IMAGE, MediaFiles.png(files, "one.png"), sent -> { }).join();
        Scene second = media.attach(created.get(1), MediaKind.IMAGE, MediaFiles.bigPng(files, "two.png", 4096),
                sent -> { }).join();
        media.attach(second, MediaKind.AUDIO, MediaFiles.mp3WithId3(files, "two.mp3"), sent -> { }).join();
    }

    @AfterEach
    void close() throws Exception {
        if (backend != null) {
            backend.close();
        }
    }

    private StoryDetail detail(UUID id) {
        return stories.detail(id).join().orElseThrow();
    }

    /** Texts, order and each scene's media bytes' SHA-256: what must survive a round trip. */
    private List<String> contentOf(UUID id) {
        List<String> content = new ArrayList<>();
        for (Scene scene : detail(id).scenes()) {
            content.add(scene.sequence() + " " + scene.text() + " image:" + checksum(scene.imageUrl())
                    + " audio:" + checksum(scene.audioUrl()));
        }
        return content;
    }

    private String checksum(String url) {
        if (url == null) {
            return "none";
        }
        byte[] bytes = storage.objects.get(MediaRef.fromPublicUrl(url).orElseThrow()).bytes();
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void deleteForGood(UUID id) {
        stories.delete(id).join();
        trash.deleteForever(trash.list(50).join().stream().map(TrashItem::trashId).toList()).join();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ServiceBackend.Kind.class)
    void exportDeleteImportGivesTheSameStoryBack(ServiceBackend.Kind kind) throws Exception {
        given(kind);
        List<String> before = contentOf(story);
        List<UUID> sceneIds = detail(story).scenes().stream().map(Scene::sceneId).toList();
        Path bundle = files.resolve("lantern.storymimi");
        List<BundleService.Progress> progress = new ArrayList<>();

        BundleService.Report exported = bundles.export(List.of(story), bundle, progress::add).join();

        assertEquals(1, exported.stories());
        assertEquals(3, exported.scenes());
        assertEquals(3, exported.files());
        assertEquals(3, progress.getLast().filesDone());
        try (var listing = Files.list(files)) {
            assertTrue(listing.noneMatch(path -> path.getFileName().toString().startsWith(".")),
                    "no temporary file left beside the bundle");
        }
        deleteForGood(story);
        assertTrue(storage.objects.isEmpty(), "the media went with it");

        BundleService.Report imported = bundles.importBundle(bundle, OnExisting.SKIP, p -> { }).join();

        assertEquals(1, imported.stories());
        assertEquals(3, imported.files());
        assertEquals(before, contentOf(story), "texts, order and every file byte for byte");
        assertEquals(sceneIds, detail(story).scenes().stream().map(Scene::sceneId).toList(), "the same ids");
        assertEquals("The Lantern", detail(story).story().title());
        assertEquals("a fox with a lantern", detail(story).story().prompt());
        assertEquals(StoryStatus.COMPLETED, detail(story).story().status());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ServiceBackend.Kind.class)
    void aStoryThatIsThereIsSkippedCopiedOrReplacedWithTheOldOneInTheTrash(ServiceBackend.Kind kind) throws Exception {
        given(kind);
        Path bundle = files.resolve("lantern.storymimi");
        bundles.export(List.of(story), bundle, p -> { }).join();
        List<String> content = contentOf(story);
        Scene first = detail(story).scenes().getFirst();
        scenes.updateText(first, "Edited after the export.").join();

        BundleService.Report skipped = bundles.importBundle(bundle, OnExisting.SKIP, p -> { }).join();
        assertEquals(List.of("The Lantern"), skipped.skipped());
        assertEquals("Edited after the export.", detail(story).scenes().getFirst().text(), "left as it was");

        BundleService.Report copied = bundles.importBundle(bundle, OnExisting.COPY, p -> { }).join();
        assertEquals(1, copied.stories());
        UUID copy = stories.search("The Lantern (copy)", 5).join().getFirst().storyId();
        assertNotEquals(story, copy);
        assertEquals(content, contentOf(copy), "the copy has the bundle's texts and media");
        assertTrue(java.util.Collections.disjoint(detail(copy).scenes().stream().map(Scene::sceneId).toList(),
                detail(story).scenes().stream().map(Scene::sceneId).toList()), "new scene ids");

        BundleService.Report replaced = bundles.importBundle(bundle, OnExisting.REPLACE, p -> { }).join();
        assertEquals(1, replaced.stories());
        assertEquals(content, contentOf(story), "the bundle's version in place");
        assertEquals(List.of(story), trash.list(10).join().stream().map(TrashItem::itemId).toList(),
                "the edited version waits in the trash");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ServiceBackend.Kind.class)
    void aReplaceThatCannotBeWrittenPutsTheProjectsVersionBack(ServiceBackend.Kind kind) throws Exception {
        given(kind);
        Path bundle = files.resolve("lantern.storymimi");
        bundles.export(List.of(story), bundle, p -> { }).join();
        scenes.updateText(detail(story).scenes().getFirst(), "Edited after the export.").join();
        storage.objects.clear();
        storage.failUploads = true;

        assertEquals(Reason.UNAVAILABLE, failureOf(bundles.importBundle(bundle, OnExisting.REPLACE, p -> { })).reason());

        assertEquals("Edited after the export.", detail(story).scenes().getFirst().text(), "the project's version is back");
        assertEquals(List.of(), trash.list(10).join(), "and out of the trash");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ServiceBackend.Kind.class)
    void aDamagedBundleIsRefusedWithASentenceAndChangesNothing(ServiceBackend.Kind kind) throws Exception {
        given(kind);
        Path bundle = files.resolve("lantern.storymimi");
        bundles.export(List.of(story), bundle, p -> { }).join();
        deleteForGood(story);

        byte[] whole = Files.readAllBytes(bundle);
        Path truncated = Files.write(files.resolve("truncated.storymimi"), java.util.Arrays.copyOf(whole, whole.length / 2));
        assertRefused(truncated, "is damaged or incomplete");

        Path tampered = rewrite(bundle, "tampered.storymimi", (name, bytes) -> name.endsWith("-audio.mp3")
                ? concat(bytes, "x".getBytes(StandardCharsets.US_ASCII)) : bytes, UnaryOperator.identity());
        assertRefused(tampered, "does not match");

        Path newer = rewrite(bundle, "newer.storymimi", (name, bytes) -> bytes,
                manifest -> manifest.replace("\"version\":1", "\"version\":2"));
        assertRefused(newer, "is a bundle of version 2; this StoryMimi Studio reads version 1: update the app");

        Path escaping = rewrite(bundle, "escaping.storymimi", (name, bytes) -> bytes,
                manifest -> manifest.replaceFirst("\"path\":\"media/[^\"]+\"", "\"path\":\"media/../../../etc/passwd\""));
        assertRefused(escaping, "names a file outside its media folder");

        Path notABundle = Files.writeString(files.resolve("notes.storymimi"), "just text");
        assertRefused(notABundle, "is damaged or incomplete");
    }

    private void assertRefused(Path bundle, String sentence) {
        ServiceException failure = failureOf(bundles.importBundle(bundle, OnExisting.REPLACE, p -> { }));
        assertEquals(Reason.INVALID, failure.reason(), failure.getMessage());
        assertTrue(failure.getMessage().contains(sentence), failure.getMessage());
        assertTrue(stories.detail(story).join().isEmpty(), "no story was written");
        assertTrue(storage.objects.isEmpty(), "no object was uploaded");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ServiceBackend.Kind.class)
    void missingMediaIsNamedInTheReportAndAFailedExportLeavesTheOldFile(ServiceBackend.Kind kind) throws Exception {
        given(kind);
        Scene second = detail(story).scenes().get(1);
        storage.objects.remove(MediaRef.fromPublicUrl(second.audioUrl()).orElseThrow());
        Path bundle = files.resolve("lantern.storymimi");

        BundleService.Report report = bundles.export(List.of(story), bundle, p -> { }).join();

        assertEquals(2, report.files());
        assertEquals(List.of("the narration of scene 2 of “The Lantern” is missing in Storage and was left out"),
                report.notes());
        byte[] written = Files.readAllBytes(bundle);
        ServiceException failure = failureOf(bundles.export(List.of(story, UUID.randomUUID()), bundle, p -> { }));
        assertEquals(Reason.NOT_FOUND, failure.reason());
        assertTrue(java.util.Arrays.equals(written, Files.readAllBytes(bundle)), "the earlier bundle is untouched");
        assertEquals(1, bundles.contents(bundle).join().size());
    }

    /** A story of the sandbox moved to a real PostgREST project (each with Storage of its own), identical there. */
    @org.junit.jupiter.api.Test
    void aStoryOfTheSandboxIsPublishedToRealPostgrest() throws Exception {
        given(ServiceBackend.Kind.SANDBOX);
        List<String> before = contentOf(story);
        ServiceBackend sandbox = backend;
        FakeObjectStorage sandboxStorage = storage;
        try (ServiceBackend project = ServiceBackend.open(ServiceBackend.Kind.POSTGREST, dataDir.resolve("project"))) {
            FakeObjectStorage projectStorage = new FakeObjectStorage();
            BundleService published = new SupabaseBundleService(project.client.rest(), projectStorage,
                    new MediaRemoval(projectStorage, OrphanedMedia.IGNORE), Runnable::run, Clock.systemUTC());

            List<BundleService.Progress> steps = new java.util.ArrayList<>();
            BundleService.Report report = bundles.publish(List.of(story), published, OnExisting.SKIP, steps::add).join();

            assertEquals(1, report.stories());
            BundleService.Progress last = steps.getLast();
            assertEquals(last.filesTotal(), last.filesDone(), "every file read here and written there");
            assertEquals(2 * report.files(), last.filesTotal());
            try (var left = Files.list(java.nio.file.Path.of(System.getProperty("java.io.tmpdir")))) {
                assertTrue(left.noneMatch(p -> p.getFileName().toString().startsWith("storymimi-publish")
                        && Files.exists(p.resolve("publish.storymimi"))), "the temporary bundle is gone");
            }

            backend = project;
            storage = projectStorage;
            stories = new SupabaseStoryService(project.client.rest());
            assertEquals(before, contentOf(story), "texts, order and media byte for byte in the project");
        } finally {
            backend = sandbox;
            storage = sandboxStorage;
        }
    }

    private interface EntryEdit {
        byte[] apply(String name, byte[] bytes);
    }

    /** A copy of the bundle with its media entries and manifest changed. */
    private Path rewrite(Path bundle, String name, EntryEdit media, UnaryOperator<String> manifest) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(bundle.toFile())) {
            for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                entries.put(entry.getName(), zip.getInputStream(entry).readAllBytes());
            }
        }
        Path out = files.resolve(name);
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(out))) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                byte[] bytes = entry.getKey().equals("manifest.json")
                        ? manifest.apply(new String(entry.getValue(), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8)
                        : media.apply(entry.getKey(), entry.getValue());
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(bytes);
                zip.closeEntry();
            }
        }
        return out;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
