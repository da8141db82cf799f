package com.storymimi.studio.service;

import com.storymimi.studio.model.FolderPage;
import com.storymimi.studio.model.PageRequest;
import com.storymimi.studio.model.StorageBucket;
import com.storymimi.studio.model.StorageEntry;
import com.storymimi.studio.service.ServiceException.Reason;
import com.storymimi.studio.supabase.storage.UploadOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Storage section's service against the sandbox over real HTTP. */
class StorageBrowserServiceTest {

    private static final String IMAGES = "story-images";
    private static final String AUDIO = "story-audio";

    @TempDir
    Path dataDir;
    @TempDir
    Path files;

    private final ExecutorService fileWork = Executors.newVirtualThreadPerTaskExecutor();
    private SandboxFixture sandbox;
    private SupabaseStorageBrowserService service;

    @BeforeEach
    void open() throws Exception {
        sandbox = SandboxFixture.signedIn(dataDir);
        service = new SupabaseStorageBrowserService(sandbox.client.storage(), fileWork);
    }

    @AfterEach
    void close() {
        fileWork.shutdownNow();
        sandbox.close();
    }

    @Test
    void bucketsNameTheTwoStoryMimiBucketsWithTheirRules() {
        List<StorageBucket> buckets = service.buckets().join();

        StorageBucket images = buckets.stream().filter(b -> b.id().equals(IMAGES)).findFirst().orElseThrow();
        assertTrue(images.isPublic());
        assertEquals(List.of("image/png", "image/jpeg"), images.allowedMimeTypes());
        assertTrue(buckets.stream().anyMatch(b -> b.id().equals(AUDIO)));
    }

    @Test
    void listingShowsOneLevelWithFoldersAndFullKeys() throws Exception {
        Path png = MediaFiles.png(files, "a.png");
        upload(IMAGES, "story1/a.png", png);
        upload(IMAGES, "story1/deeper/b.png", png);
        upload(IMAGES, "story2/c.png", png);

        FolderPage root = service.list(IMAGES, "", PageRequest.first(200)).join();
        FolderPage story1 = service.list(IMAGES, "story1", PageRequest.first(200)).join();

        assertEquals(List.of("story1", "story2"), root.entries().stream().map(StorageEntry::name).toList());
        assertTrue(root.entries().stream().allMatch(StorageEntry::folder));
        StorageEntry folder = story1.entries().stream().filter(StorageEntry::folder).findFirst().orElseThrow();
        assertEquals("story1/deeper", folder.key());
        StorageEntry file = story1.entries().stream().filter(e -> !e.folder()).findFirst().orElseThrow();
        assertEquals("story1/a.png", file.key());
        assertEquals("image/png", file.contentType());
        assertEquals(Files.size(png), file.size());
        assertFalse(story1.mayHaveMore());
    }

    @Test
    void aFolderOf2500FilesPagesThroughEveryNameOnce() throws Exception {
        Path png = MediaFiles.png(files, "p.png");
        List<CompletableFuture<?>> uploads = new ArrayList<>();
        for (int i = 0; i < 2500; i++) {
            uploads.add(sandbox.client.storage().from(IMAGES).upload(String.format("big/%04d.png", i), png,
                    UploadOptions.defaults().withContentType("image/png")));
            if (uploads.size() == 32) {
                CompletableFuture.allOf(uploads.toArray(CompletableFuture[]::new)).join();
                uploads.clear();
            }
        }
        CompletableFuture.allOf(uploads.toArray(CompletableFuture[]::new)).join();

        Set<String> seen = new HashSet<>();
        List<Integer> pageSizes = new ArrayList<>();
        PageRequest request = PageRequest.first(1000);
        FolderPage page;
        do {
            page = service.list(IMAGES, "big", request).join();
            pageSizes.add(page.entries().size());
            page.entries().forEach(e -> assertTrue(seen.add(e.key()), "listed twice: " + e.key()));
            request = request.next();
        } while (page.mayHaveMore());

        assertEquals(List.of(1000, 1000, 500), pageSizes);
        assertEquals(2500, seen.size());
        assertTrue(seen.contains("big/2499.png"));
    }

    @Test
    void deleteRemovesSeveralFilesAndLeavesTheRest() throws Exception {
        Path png = MediaFiles.png(files, "a.png");
        for (String name : List.of("a", "b", "c")) {
            upload(IMAGES, "s/" + name + ".png", png);
        }

        service.delete(IMAGES, List.of("s/a.png", "s/c.png")).join();

        List<String> left = service.list(IMAGES, "s", PageRequest.first(100)).join().entries().stream()
                .map(StorageEntry::key).toList();
        assertEquals(List.of("s/b.png"), left);
    }

    @Test
    void publicAndSignedUrlsDownloadTheBytesWithoutASession() throws Exception {
        Path png = MediaFiles.png(files, "a.png");
        upload(IMAGES, "s/a.png", png);

        String publicUrl = service.publicUrl(IMAGES, "s/a.png");
        String signedUrl = service.signedUrl(IMAGES, "s/a.png", Duration.ofHours(1)).join();

        assertArrayEquals(Files.readAllBytes(png), fetch(publicUrl));
        assertArrayEquals(Files.readAllBytes(png), fetch(signedUrl));
        assertTrue(signedUrl.contains("token="), signedUrl);
    }

    @Test
    void downloadWritesTheObjectIntoAFolderThatDidNotExist() throws Exception {
        Path png = MediaFiles.png(files, "a.png");
        upload(IMAGES, "s/a.png", png);
        Path target = files.resolve("new/dir/copy.png");

        service.download(IMAGES, "s/a.png", target).join();

        assertArrayEquals(Files.readAllBytes(png), Files.readAllBytes(target));
    }

    @Test
    void uploadTakesTheTypeFromTheBytesAndReportsProgress() throws Exception {
        Path disguised = Files.write(files.resolve("picture.bin"), Files.readAllBytes(MediaFiles.jpeg(files, "j.jpg")));
        List<Double> progress = new CopyOnWriteArrayList<>();

        StorageEntry stored = service.upload(IMAGES, "s/", disguised, progress::add).join();

        assertEquals("s/picture.bin", stored.key());
        assertEquals("image/jpeg", stored.contentType());
        StorageEntry listed = service.list(IMAGES, "s", PageRequest.first(10)).join().entries().getFirst();
        assertEquals("image/jpeg", listed.contentType());
        assertEquals(1.0, progress.getLast());
    }

    @Test
    void uploadRefusesWhatTheBucketDoesNotTakeWithOneSentenceAndSendsNothing() throws Exception {
        Path mp3 = MediaFiles.mp3WithId3(files, "song.mp3");

        CompletionException failure = assertThrows(CompletionException.class,
                () -> service.upload(IMAGES, "s", mp3, p -> { }).join());

        ServiceException refused = assertInstanceOf(ServiceException.class, failure.getCause());
        assertEquals(Reason.INVALID, refused.reason());
        assertEquals("song.mp3 is MP3 audio, not an image: use PNG or JPEG", refused.getMessage());
        assertTrue(service.list(IMAGES, "s", PageRequest.first(10)).join().entries().isEmpty());
    }

    @Test
    void audioGoesIntoTheAudioBucket() throws Exception {
        StorageEntry stored = service.upload(AUDIO, "", MediaFiles.wav(files, "n.wav", 16, false), p -> { }).join();

        assertEquals("n.wav", stored.key());
        assertEquals("audio/wav", stored.contentType());
    }

    private void upload(String bucket, String key, Path file) {
        sandbox.client.storage().from(bucket).upload(key, file, UploadOptions.defaults().withContentType("image/png"))
                .join();
    }

    private static byte[] fetch(String url) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, response.statusCode(), url);
            return response.body();
        }
    }
}
