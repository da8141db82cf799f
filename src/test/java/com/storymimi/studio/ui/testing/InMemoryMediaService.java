package com.storymimi.studio.ui.testing;

import com.storymimi.studio.model.MediaKind;
import com.storymimi.studio.model.MediaRef;
import com.storymimi.studio.model.Scene;
import com.storymimi.studio.service.MediaService;
import com.storymimi.studio.service.ServiceException;
import com.storymimi.studio.service.ServiceException.Reason;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongConsumer;

/**
 * A {@link MediaService} whose "bucket" is a folder: files are judged by their first bytes like the real
 * service (PNG/JPEG images, MP3/WAV audio; WebP, GIF and the other kind refused with one sentence), attach
 * copies the file in chunks and reports the bytes sent, and the scene gets a public URL of the demo host.
 */
public final class InMemoryMediaService implements MediaService {

    public static final String BASE_URL = "http://demo.invalid";
    private static final int CHUNK = 16 * 1024;

    private final InMemoryCatalog catalog;
    private final Path objects;
    public final List<String> attached = new ArrayList<>();
    private final java.util.Set<String> kept = new java.util.HashSet<>();
    /** How many of the next attaches fail as if the connection dropped (for tests of retrying). */
    public final AtomicInteger failingAttaches = new AtomicInteger();

    public InMemoryMediaService(InMemoryCatalog catalog, Path objects) {
        this.catalog = catalog;
        this.objects = objects;
    }

    @Override
    public CompletableFuture<Void> check(Path file, MediaKind kind) {
        return catalog.answer(() -> {
            formatOf(file, kind);
            return null;
        });
    }

    /** The file's extension for Storage, or the refusal the real service gives. */
    static String formatOf(Path file, MediaKind kind) {
        byte[] head = head(file);
        String name = file.getFileName().toString();
        if (head.length == 0) {
            throw invalid(name + " is empty");
        }
        String ascii = new String(head, StandardCharsets.ISO_8859_1);
        boolean png = ascii.startsWith("\u0089PNG");
        boolean jpeg = head.length > 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xD8;
        boolean webp = ascii.startsWith("RIFF") && ascii.startsWith("WEBP", 8);
        boolean wav = ascii.startsWith("RIFF") && ascii.startsWith("WAVE", 8);
        boolean mp3 = ascii.startsWith("ID3") || (head.length > 1 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xE0) == 0xE0);
        if (kind == MediaKind.IMAGE) {
            if (png || jpeg) {
                return png ? "png" : "jpg";
            }
            if (webp) {
                throw invalid("WebP is not supported: use PNG or JPEG");
            }
            if (ascii.startsWith("GIF8")) {
                throw invalid("GIF is not supported: use PNG or JPEG");
            }
            if (wav || mp3) {
                throw invalid(name + " is " + (wav ? "WAV" : "MP3") + " audio, not an image: use PNG or JPEG");
            }
            throw invalid(name + " is not a PNG or JPEG image (its content was checked, not its name)");
        }
        if (wav || mp3) {
            return wav ? "wav" : "mp3";
        }
        if (png || jpeg) {
            throw invalid(name + " is a " + (png ? "PNG" : "JPEG") + " image, not audio: use MP3 or WAV");
        }
        throw invalid(name + " is not MP3 or WAV audio (its content was checked, not its name)");
    }

    private static byte[] head(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(16);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new ServiceException(Reason.NOT_FOUND, file.getFileName() + " does not exist");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ServiceException invalid(String sentence) {
        return new ServiceException(Reason.INVALID, sentence);
    }

    @Override
    public CompletableFuture<Scene> attach(Scene scene, MediaKind kind, Path file, LongConsumer bytesSent) {
        if (failingAttaches.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return CompletableFuture.failedFuture(new ServiceException(Reason.UNAVAILABLE, "connection reset"));
        }
        return catalog.answer(() -> {
            String ext = formatOf(file, kind);
            String key = scene.storyId() + "/" + scene.sceneId() + "-" + java.util.UUID.randomUUID().toString().substring(0, 8)
                    + "." + ext;
            copyInChunks(file, objects.resolve(kind.bucket()).resolve(key), bytesSent);
            String url = BASE_URL + "/storage/v1/object/public/" + kind.bucket() + "/" + key;
            synchronized (catalog) {
                Scene current = catalog.scene(scene.sceneId())
                        .orElseThrow(() -> InMemoryCatalog.notFound("scene " + scene.sceneId()));
                Scene updated = replace(current, kind, url);
                attached.add(kind + ":" + file.getFileName());
                return updated;
            }
        });
    }

    private static void copyInChunks(Path from, Path to, LongConsumer bytesSent) {
        try {
            Files.createDirectories(to.getParent());
            byte[] all = Files.readAllBytes(from);
            try (var out = Files.newOutputStream(to)) {
                for (int offset = 0; offset < all.length; offset += CHUNK) {
                    int end = Math.min(all.length, offset + CHUNK);
                    out.write(Arrays.copyOfRange(all, offset, end));
                    bytesSent.accept(end);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public CompletableFuture<Scene> detach(Scene scene, MediaKind kind) {
        return catalog.answer(() -> {
            synchronized (catalog) {
                Scene current = catalog.scene(scene.sceneId())
                        .orElseThrow(() -> InMemoryCatalog.notFound("scene " + scene.sceneId()));
                return replace(current, kind, null);
            }
        });
    }

    @Override
    public CompletableFuture<Scene> putBack(Scene scene, MediaKind kind, String url) {
        return catalog.answer(() -> {
            synchronized (catalog) {
                Scene current = catalog.scene(scene.sceneId())
                        .orElseThrow(() -> InMemoryCatalog.notFound("scene " + scene.sceneId()));
                if (java.util.Objects.equals(urlOf(current, kind), url)) {
                    return current;
                }
                if (!current.updatedAt().equals(scene.updatedAt())) {
                    throw new ServiceException(Reason.CONFLICT, "scene changed since it was loaded");
                }
                if (url != null && !kept.remove(url)) {
                    throw new ServiceException(Reason.NOT_FOUND, "the trash does not keep " + url);
                }
                return replace(current, kind, url);
            }
        });
    }

    /** Sets the URL; the one it replaces is kept (as the real service keeps it in the trash). */
    private Scene replace(Scene current, MediaKind kind, String url) {
        String old = urlOf(current, kind);
        if (old != null) {
            kept.add(old);
        }
        Scene updated = withUrl(current, kind, url);
        catalog.scenes.put(updated.sceneId(), updated);
        return updated;
    }

    /** The URLs replaced or removed and not put back: what the trash would keep. */
    public java.util.Set<String> kept() {
        synchronized (catalog) {
            return java.util.Set.copyOf(kept);
        }
    }

    private static String urlOf(Scene scene, MediaKind kind) {
        return kind == MediaKind.IMAGE ? scene.imageUrl() : scene.audioUrl();
    }

    private Scene withUrl(Scene s, MediaKind kind, String url) {
        return new Scene(s.sceneId(), s.storyId(), s.sequence(), s.text(),
                kind == MediaKind.IMAGE ? url : s.imageUrl(), kind == MediaKind.AUDIO ? url : s.audioUrl(),
                s.createdAt(), catalog.tick());
    }

    @Override
    public CompletableFuture<Path> localCopy(Scene scene, MediaKind kind) {
        return catalog.answer(() -> {
            String url = kind == MediaKind.IMAGE ? scene.imageUrl() : scene.audioUrl();
            Path file = MediaRef.fromPublicUrl(url).map(ref -> objects.resolve(ref.bucket()).resolve(ref.key()))
                    .filter(Files::exists)
                    .orElseThrow(() -> new ServiceException(Reason.NOT_FOUND, "scene has no " + kind));
            return file;
        });
    }

    /** Puts media straight into the "bucket" and returns its public URL (demo and test set-up). */
    public String store(MediaKind kind, Scene scene, String ext, byte[] content) {
        String key = scene.storyId() + "/" + scene.sceneId() + "." + ext;
        try {
            Path target = objects.resolve(kind.bucket()).resolve(key);
            Files.createDirectories(target.getParent());
            Files.write(target, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return BASE_URL + "/storage/v1/object/public/" + kind.bucket() + "/" + key;
    }
}
