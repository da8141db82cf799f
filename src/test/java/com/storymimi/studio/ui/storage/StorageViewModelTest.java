package com.storymimi.studio.ui.storage;

import com.storymimi.studio.model.StorageEntry;
import com.storymimi.studio.ui.common.UserMessages;
import com.storymimi.studio.ui.testing.FolderStorageBrowser;
import com.storymimi.studio.ui.testing.MediaSamples;
import com.storymimi.studio.ui.testing.RecordingDialogs;
import com.storymimi.studio.ui.testing.TestTexts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Storage section's logic with a folder-backed Storage and a direct executor: no toolkit, no server. */
class StorageViewModelTest {

    private static final byte[] PNG = MediaSamples.png(8, 8, 0x112233, 0x445566);

    @TempDir
    Path objects;
    @TempDir
    Path previews;
    @TempDir
    Path local;

    private final RecordingDialogs dialogs = new RecordingDialogs();
    private final List<String> clipboard = new ArrayList<>();
    private FolderStorageBrowser storage;
    private StorageViewModel viewModel;

    @BeforeEach
    void given() {
        storage = new FolderStorageBrowser(objects, Duration.ZERO);
        storage.put("story-images", "story1/a.png", PNG);
        storage.put("story-images", "story1/b.png", PNG);
        storage.put("story-images", "story1/c.png", PNG);
        storage.put("story-images", "story1/d.png", PNG);
        storage.put("story-images", "story2/x.png", PNG);
        viewModel = new StorageViewModel(storage, dialogs, new UserMessages(TestTexts.create()), TestTexts.create(),
                Runnable::run, clipboard::add, previews);
        viewModel.start();
    }

    @Test
    void startOpensTheFirstBucketAtItsRoot() {
        assertEquals(List.of("story-audio", "story-images"), viewModel.buckets().stream().map(b -> b.id()).toList());
        assertEquals("story-audio", viewModel.bucketProperty().get().id());
        assertEquals("This folder is empty. Drop files here to upload.", viewModel.placeholderProperty().get());
    }

    @Test
    void aFileStoredByARetriedUploadShowsInTheOpenFolderUntilTheSectionGoes() {
        openImages();
        viewModel.open(entry("story1"));
        storage.put("story-images", "story1/e.png", PNG);
        StorageEntry stored = new StorageEntry("e.png", "story1/e.png", false, PNG.length, "image/png", null);

        storage.laterUploadListeners.forEach(listener -> listener.accept(stored));

        assertEquals(List.of("a.png", "b.png", "c.png", "d.png", "e.png"), names());
        viewModel.dispose();
        assertEquals(List.of(), storage.laterUploadListeners, "a section gone listens no more");
    }

    @Test
    void openingFoldersExtendsTheBreadcrumbAndUpGoesBack() {
        openImages();
        viewModel.open(entry("story1"));

        assertEquals("story1", viewModel.folderProperty().get());
        assertEquals(List.of(new FolderCrumb("story-images", ""), new FolderCrumb("story1", "story1")),
                viewModel.breadcrumb());
        assertEquals(List.of("a.png", "b.png", "c.png", "d.png"), names());

        viewModel.up();

        assertEquals("", viewModel.folderProperty().get());
        assertEquals(List.of("story1", "story2"), names());
        assertEquals(1, viewModel.breadcrumb().size());
    }

    @Test
    void aBreadcrumbStepOpensThatFolder() {
        storage.put("story-images", "story1/deep/er/z.png", PNG);
        openImages();
        viewModel.openFolder("story1/deep/er");
        assertEquals(List.of("story-images", "story1", "deep", "er"),
                viewModel.breadcrumb().stream().map(FolderCrumb::label).toList());

        viewModel.openFolder(viewModel.breadcrumb().get(1).folder());

        assertEquals(List.of("a.png", "b.png", "c.png", "d.png", "deep"), names());
    }

    @Test
    void aFolderOfMoreThanOnePagePagesForwardAndBack() {
        for (int i = 0; i < 450; i++) {
            storage.put("story-images", String.format("big/%03d.png", i), PNG);
        }
        openImages();
        viewModel.openFolder("big");

        assertEquals(200, viewModel.entries().size());
        assertEquals("1–200, more follow", viewModel.pageTextProperty().get());
        assertTrue(viewModel.hasNextProperty().get());
        assertFalse(viewModel.hasPreviousProperty().get());

        viewModel.nextPage();
        viewModel.nextPage();

        assertEquals("401–450", viewModel.pageTextProperty().get());
        assertEquals("400.png", viewModel.entries().getFirst().name());
        assertFalse(viewModel.hasNextProperty().get());

        viewModel.previousPage();

        assertEquals("201–400, more follow", viewModel.pageTextProperty().get());
    }

    @Test
    void deletingSeveralFilesAsksOnceNamingTheCountAndTheFirstNames() {
        openStory1();
        viewModel.select(List.of(entry("a.png"), entry("b.png"), entry("c.png"), entry("d.png")));
        dialogs.answering(true);

        viewModel.deleteCommand().execute();

        assertEquals(1, dialogs.questions.size());
        assertEquals("Delete 4 files from story-images (a.png, b.png, c.png, …)? This cannot be undone.",
                dialogs.questions.getFirst().message());
        assertEquals(List.of("story-images/story1/a.png", "story-images/story1/b.png", "story-images/story1/c.png",
                "story-images/story1/d.png"), storage.deleted);
        assertTrue(viewModel.entries().isEmpty());
        assertEquals(List.of("4 files deleted from story-images."), dialogs.infos);
    }

    @Test
    void declinedDeleteKeepsTheFiles() {
        openStory1();
        viewModel.select(List.of(entry("a.png")));
        dialogs.answering(false);

        viewModel.deleteCommand().execute();

        assertEquals("Delete 1 file from story-images (a.png)? This cannot be undone.",
                dialogs.questions.getFirst().message());
        assertTrue(storage.deleted.isEmpty());
        assertTrue(storage.exists("story-images", "story1/a.png"));
    }

    @Test
    void foldersAloneCannotBeDeleted() {
        openImages();
        viewModel.select(List.of(entry("story1")));

        assertFalse(viewModel.deleteCommand().isExecutable());
    }

    @Test
    void copyPublicUrlPutsTheFilesPublicUrlOnTheClipboard() {
        openStory1();
        viewModel.select(List.of(entry("b.png")));

        viewModel.copyPublicUrl();

        assertEquals(List.of(storage.publicUrl("story-images", "story1/b.png")), clipboard);
        assertEquals(List.of("Public URL of b.png copied."), dialogs.infos);
    }

    @Test
    void copySignedUrlAsksForOneHourAndCopiesWhatTheServiceSigned() {
        openStory1();
        viewModel.select(List.of(entry("b.png")));

        viewModel.copySignedUrlCommand().execute();

        assertEquals(List.of("story-images/story1/b.png for PT1H"), storage.signed);
        assertEquals(List.of(storage.publicUrl("story-images", "story1/b.png") + "?token=signed-3600"), clipboard);
        assertEquals(List.of("Signed URL of b.png copied; it works for 1 hour(s)."), dialogs.infos);
    }

    @Test
    void selectingOneImageDownloadsItForThePreview() {
        openStory1();

        viewModel.select(List.of(entry("c.png")));

        StoragePreview preview = viewModel.previewProperty().get();
        assertNotNull(preview);
        assertEquals("story1/c.png", preview.entry().key());
        assertTrue(Files.exists(preview.file()));

        viewModel.select(List.of(entry("c.png"), entry("d.png")));

        assertNull(viewModel.previewProperty().get());
    }

    @Test
    void downloadSavesWhereThePersonChose() throws Exception {
        openStory1();
        viewModel.select(List.of(entry("a.png")));
        Path target = local.resolve("mine.png");
        dialogs.choosingFile(target);

        viewModel.downloadCommand().execute();

        assertEquals(List.of("a.png"), dialogs.suggestedNames);
        assertTrue(java.util.Arrays.equals(PNG, Files.readAllBytes(target)));
    }

    @Test
    void aRefusedUploadIsNamedInOneSentenceAndTheOthersStillGoUp() {
        openStory1();
        Path mp3 = MediaSamples.write(local, "song.png", "ID3 and some more bytes".getBytes());
        Path png = MediaSamples.write(local, "new.png", PNG);
        List<Double> progress = new ArrayList<>();
        viewModel.uploadProgressProperty().addListener((obs, old, now) -> progress.add(now.doubleValue()));

        viewModel.upload(List.of(mp3, png));

        assertEquals(List.of("song.png is MP3 audio, not an image: use PNG or JPEG."), dialogs.errors);
        assertEquals(List.of("1 file uploaded to story-images."), dialogs.infos);
        assertTrue(names().contains("new.png"));
        assertTrue(progress.contains(0.75), progress.toString()); // the second file half sent
        assertFalse(viewModel.uploadingProperty().get());
    }

    private void openImages() {
        viewModel.bucketProperty().set(viewModel.buckets().stream().filter(b -> b.id().equals("story-images"))
                .findFirst().orElseThrow());
    }

    private void openStory1() {
        openImages();
        viewModel.open(entry("story1"));
    }

    private StorageEntry entry(String name) {
        return viewModel.entries().stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow();
    }

    private List<String> names() {
        return viewModel.entries().stream().map(StorageEntry::name).toList();
    }
}
