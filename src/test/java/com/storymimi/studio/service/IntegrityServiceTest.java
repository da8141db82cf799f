package com.storymimi.studio.service;

import com.storymimi.studio.model.Finding;
import com.storymimi.studio.model.FindingKind;
import com.storymimi.studio.model.IntegrityReport;
import com.storymimi.studio.model.MediaKind;
import com.storymimi.studio.model.MediaRef;
import com.storymimi.studio.model.Scene;
import com.storymimi.studio.model.ScanProgress;
import com.storymimi.studio.service.ServiceException.Reason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The integrity doctor against a sandbox over HTTP: it finds exactly the planted problems and its fixes clear them. */
class IntegrityServiceTest {

    private static final MediaKind IMAGE = MediaKind.IMAGE;
    private static final MediaKind AUDIO = MediaKind.AUDIO;

    @TempDir
    Path dir;

    private SandboxFixture fixture;
    private IntegrityPlanting plant;
    private ExecutorService io;
    private IntegrityService doctor;

    @BeforeEach
    void start() throws Exception {
        fixture = SandboxFixture.signedIn(dir.resolve("sandbox"));
        plant = new IntegrityPlanting(fixture, dir);
        io = Executors.newSingleThreadExecutor();
        doctor = new SupabaseIntegrityService(fixture.client.rest(), fixture.client.storage(), io);
    }

    @AfterEach
    void stop() throws Exception {
        io.shutdownNow();
        io.awaitTermination(5, TimeUnit.SECONDS);
        fixture.close();
    }

    @Test
    void aHealthyCatalogueIsClean() throws Exception {
        healthyStory();
        UUID other = plant.story("uses another story's picture");
        UUID lender = UUID.randomUUID(); // a folder whose story has no scenes, but whose object is used elsewhere
        plant.scene(other, 1, plant.upload(IMAGE, lender + "/shared.png", plant.png("s.png"), "image/png"), null);

        List<ScanProgress> progress = new java.util.concurrent.CopyOnWriteArrayList<>();

        IntegrityReport report = doctor.scan(progress::add).join();

        assertTrue(report.isClean(), () -> "unexpected findings: " + report.findings());
        assertTrue(progress.contains(new ScanProgress(ScanProgress.Phase.CHECKING_SCENES, 3, 3)), progress::toString);
        assertEquals(3, report.scenes());
        assertEquals(2, report.stories());
        assertEquals(4, report.objects());
    }

    @Test
    void everyPlantedProblemIsFoundExactlyAndEveryFixClearsIt() throws Exception {
        UUID healthy = healthyStory();
        // missing object
        UUID missingStory = plant.story("missing");
        UUID missingScene = plant.scene(missingStory, 1, plant.url(IMAGE, missingStory + "/gone.png"), null);
        // unused objects: in a used folder, in a folder without a story, at the bucket root
        MediaRef inUsedFolder = new MediaRef(IMAGE.bucket(), healthy + "/spare.png");
        plant.upload(IMAGE, inUsedFolder.key(), plant.png("spare.png"), "image/png");
        MediaRef inStrayFolder = new MediaRef(AUDIO.bucket(), UUID.randomUUID() + "/old.mp3");
        plant.upload(AUDIO, inStrayFolder.key(), plant.mp3("old.mp3"), "audio/mpeg");
        MediaRef atRoot = new MediaRef(IMAGE.bucket(), "loose.png");
        plant.upload(IMAGE, atRoot.key(), plant.png("loose.png"), "image/png");
        // a gap in the sequence: 1, 2, 3 -> 1, 3, 5 (scene two moved to 5)
        UUID gapStory = plant.story("gap");
        UUID one = plant.scene(gapStory, 1, null, null);
        UUID two = plant.scene(gapStory, 2, null, null);
        UUID three = plant.scene(gapStory, 3, null, null);
        plant.setSequence(two, 5);
        // wrong media: a text file and an oversized PNG, uploaded while the bucket was open
        UUID wrongStory = plant.story("wrong media");
        MediaRef textObject = new MediaRef(IMAGE.bucket(), wrongStory + "/notes.png");
        UUID textScene = plant.scene(wrongStory, 1,
                plant.uploadPastTheBucketRules(IMAGE, textObject.key(), plant.text("notes.txt"), "text/plain"), null);
        MediaRef bigObject = new MediaRef(IMAGE.bucket(), wrongStory + "/huge.png");
        UUID bigScene = plant.scene(wrongStory, 2, plant.uploadPastTheBucketRules(IMAGE, bigObject.key(),
                plant.bigPng("huge.png", IMAGE.maxBytes() + 1), "image/png"), null);
        // foreign URLs: our object behind another host, and a URL that is no Storage URL at all
        UUID foreignStory = plant.story("foreign");
        String ours = plant.upload(IMAGE, foreignStory + "/cdn.png", plant.png("cdn.png"), "image/png");
        String otherHost = ours.replaceFirst("^http://[^/]+", "https://cdn.example.com");
        UUID foreignScene = plant.scene(foreignStory, 1, otherHost, "https://example.com/narration.mp3");

        IntegrityReport report = doctor.scan().join();

        assertEquals(new TreeSet<>(Set.of(
                "MISSING_OBJECT " + missingScene,
                "UNUSED_OBJECT " + inUsedFolder.bucket() + "/" + inUsedFolder.key(),
                "UNUSED_OBJECT " + inStrayFolder.bucket() + "/" + inStrayFolder.key(),
                "UNUSED_OBJECT " + atRoot.bucket() + "/" + atRoot.key(),
                "BROKEN_SEQUENCE " + gapStory,
                "WRONG_MEDIA " + textScene,
                "WRONG_MEDIA " + bigScene,
                "FOREIGN_URL " + foreignScene + " image",
                "FOREIGN_URL " + foreignScene + " audio")), keys(report));
        assertTrue(report.of(FindingKind.WRONG_MEDIA).stream().anyMatch(f -> f.description().contains("text/plain")));
        assertTrue(report.of(FindingKind.WRONG_MEDIA).stream().anyMatch(f -> f.description().contains("at most 10 MB")));
        // each finding names its story by title; a folder without a story and the bucket root name none
        assertEquals(new TreeSet<>(Set.of(
                "MISSING_OBJECT " + missingScene + " missing",
                "UNUSED_OBJECT " + inUsedFolder.bucket() + "/" + inUsedFolder.key() + " healthy",
                "UNUSED_OBJECT " + inStrayFolder.bucket() + "/" + inStrayFolder.key() + " null",
                "UNUSED_OBJECT " + atRoot.bucket() + "/" + atRoot.key() + " null",
                "BROKEN_SEQUENCE " + gapStory + " gap",
                "WRONG_MEDIA " + textScene + " wrong media",
                "WRONG_MEDIA " + bigScene + " wrong media",
                "FOREIGN_URL " + foreignScene + " image foreign",
                "FOREIGN_URL " + foreignScene + " audio foreign")),
                report.findings().stream().map(f -> key(f) + " " + f.storyTitle())
                        .collect(Collectors.toCollection(TreeSet::new)));
        assertEquals("Its 3 scenes are numbered 1, 3, 5 instead of 1..3.",
                report.of(FindingKind.BROKEN_SEQUENCE).getFirst().description());

        for (Finding finding : report.findings()) {
            if (finding.fixable()) {
                doctor.fix(finding).join();
            }
        }
        IntegrityReport after = doctor.scan().join();

        assertEquals(Set.of("FOREIGN_URL " + foreignScene + " image", "FOREIGN_URL " + foreignScene + " audio"),
                keys(after), "only the report-only findings remain");
        assertNull(scene(missingScene).imageUrl());
        assertNull(scene(textScene).imageUrl());
        assertNull(scene(bigScene).imageUrl());
        assertEquals(List.of(one, three, two), sceneIds(gapStory), "renumbered 1..3 in the order they had");
        for (MediaRef removed : List.of(inUsedFolder, inStrayFolder, atRoot, textObject, bigObject)) {
            assertFalse(exists(removed), removed + " was removed");
        }
    }

    @Test
    void theScanReadsPastPageBoundariesWithoutLosingOrRepeatingAScene() throws Exception {
        // 150 stories of 9 scenes (1350 rows: page 1 ends inside a story) and one story of 1100 scenes
        List<UUID> small = new java.util.ArrayList<>();
        for (int i = 0; i < 150; i++) {
            small.add(plant.story("small " + i));
        }
        SceneRows.bulk(fixture.client, small, 9);
        UUID big = plant.story("big");
        SceneRows.bulk(fixture.client, List.of(big), 1100);
        UUID lastSmall = small.stream().max(UUID::compareTo).orElseThrow();
        plant.setSequence(sceneIds(lastSmall).get(8), 20);
        plant.setSequence(sceneIds(big).get(999), 2000); // lists stop at the server's 1000 rows: 1000 -> 2000

        IntegrityReport report = doctor.scan().join();

        assertEquals(150 * 9 + 1100, report.scenes());
        assertEquals(151, report.stories());
        assertEquals(Set.of("BROKEN_SEQUENCE " + lastSmall, "BROKEN_SEQUENCE " + big), keys(report));
    }

    @Test
    void aFixRefusesWhenTheSceneChangedSinceTheScan() throws Exception {
        UUID story = plant.story("changing");
        UUID sceneId = plant.scene(story, 1, plant.url(IMAGE, story + "/gone.png"), null);
        Finding missing = doctor.scan().join().of(FindingKind.MISSING_OBJECT).getFirst();
        String attached = plant.upload(IMAGE, story + "/" + sceneId + ".png", plant.png("new.png"), "image/png");
        plant.setUrl(sceneId, IMAGE, attached); // an editor attached a new image meanwhile

        CompletionException failure = assertThrows(CompletionException.class, () -> doctor.fix(missing).join());

        assertEquals(Reason.CONFLICT, assertInstanceOf(ServiceException.class, failure.getCause()).reason(),
                failure.getCause()::getMessage);
        assertEquals(attached, scene(sceneId).imageUrl(), "the new URL is kept");
    }

    @Test
    void anUnusedObjectThatASceneStartedToUseIsNotDeleted() throws Exception {
        UUID story = plant.story("adopting");
        UUID sceneId = plant.scene(story, 1, null, null);
        MediaRef object = new MediaRef(IMAGE.bucket(), story + "/" + sceneId + ".png");
        String url = plant.upload(IMAGE, object.key(), plant.png("a.png"), "image/png");
        Finding unused = doctor.scan().join().of(FindingKind.UNUSED_OBJECT).getFirst();
        plant.setUrl(sceneId, IMAGE, url);

        CompletionException failure = assertThrows(CompletionException.class, () -> doctor.fix(unused).join());

        assertEquals(Reason.CONFLICT, assertInstanceOf(ServiceException.class, failure.getCause()).reason());
        assertTrue(exists(object));
    }

    @Test
    void mediaKeptByTheTrashAreInUseWhileAStrayNextToThemIsNot() throws Exception {
        UUID trashedStory = healthyStory();
        UUID keptStory = healthyStory();
        MediaRef stray = new MediaRef(IMAGE.bucket(), trashedStory + "/stray.png");
        plant.upload(IMAGE, stray.key(), plant.png("x.png"), "image/png");
        new SupabaseStoryService(fixture.client.rest()).delete(trashedStory).join();
        SupabaseSceneService scenes = new SupabaseSceneService(fixture.client.rest());
        scenes.delete(scenes.list(keptStory).join().getFirst()).join();
        UUID replacedStory = healthyStory();
        com.storymimi.studio.model.Scene replaced = scenes.list(replacedStory).join().getFirst();
        String newer = plant.upload(IMAGE, replacedStory + "/newer.png", plant.png("n.png"), "image/png");
        fixture.client.rest().rpc("set_scene_media", java.util.Map.of("p_scene_id", replaced.sceneId(), "p_kind", "image",
                "p_url", newer, "p_expected_updated_at", replaced.updatedAt())).execute().join();

        IntegrityReport report = doctor.scan().join();

        assertEquals(Set.of("UNUSED_OBJECT " + stray.bucket() + "/" + stray.key()), keys(report),
                "the trashed story's and scene's media and the replaced image wait for a restore; only the stray is unused");
    }

    @Test
    void aReportOnlyFindingHasNoFix() throws Exception {
        UUID story = plant.story("foreign");
        plant.scene(story, 1, "not a url at all", null);
        Finding foreign = doctor.scan().join().of(FindingKind.FOREIGN_URL).getFirst();

        CompletionException failure = assertThrows(CompletionException.class, () -> doctor.fix(foreign).join());

        assertFalse(foreign.fixable());
        assertEquals(Reason.INVALID, assertInstanceOf(ServiceException.class, failure.getCause()).reason());
    }

    @Test
    void cancellingTheScanStopsItBeforeTheScenes() throws Exception {
        healthyStory();
        AtomicReference<CompletableFuture<IntegrityReport>> scan = new AtomicReference<>();
        List<ScanProgress.Phase> phases = new java.util.concurrent.CopyOnWriteArrayList<>();
        CompletableFuture<Void> firstProgress = new CompletableFuture<>();
        scan.set(doctor.scan(progress -> {
            phases.add(progress.phase());
            firstProgress.join(); // wait until the test has the future, then cancel from inside the scan
            scan.get().cancel(true);
        }));
        firstProgress.complete(null);

        assertThrows(java.util.concurrent.CancellationException.class, () -> scan.get().join());
        io.submit(() -> { }).get(5, TimeUnit.SECONDS); // the scan task has ended
        assertFalse(phases.contains(ScanProgress.Phase.CHECKING_SCENES), () -> "went on after cancel: " + phases);
    }

    /** A story with two scenes whose image and audio are all in place. */
    private UUID healthyStory() throws Exception {
        UUID story = plant.story("healthy");
        for (int sequence = 1; sequence <= 2; sequence++) {
            String image = plant.upload(IMAGE, story + "/s" + sequence + ".png", plant.png("i.png"), "image/png");
            String audio = sequence == 1
                    ? plant.upload(AUDIO, story + "/s" + sequence + ".mp3", plant.mp3("a.mp3"), "audio/mpeg") : null;
            plant.scene(story, sequence, image, audio);
        }
        return story;
    }

    private static Set<String> keys(IntegrityReport report) {
        return report.findings().stream().map(IntegrityServiceTest::key).collect(Collectors.toCollection(TreeSet::new));
    }

    private static String key(Finding finding) {
        return switch (finding.kind()) {
            case UNUSED_OBJECT -> "UNUSED_OBJECT " + finding.object().bucket() + "/" + finding.object().key();
            case BROKEN_SEQUENCE -> "BROKEN_SEQUENCE " + finding.storyId();
            case FOREIGN_URL -> "FOREIGN_URL " + finding.sceneId()
                    + (finding.description().contains("image URL") ? " image" : " audio");
            default -> finding.kind() + " " + finding.sceneId();
        };
    }

    private Scene scene(UUID sceneId) {
        return fixture.client.rest().from("scenes").select("*")
                .filter(com.storymimi.studio.supabase.rest.Filter.eq("scene_id", sceneId))
                .single(Scene.class).join();
    }

    private List<UUID> sceneIds(UUID story) {
        return new SupabaseSceneService(fixture.client.rest())
                .list(story).join().stream().map(Scene::sceneId).toList();
    }

    private boolean exists(MediaRef object) {
        return fixture.client.storage().from(object.bucket()).exists(object.key()).join();
    }
}
