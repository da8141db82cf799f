package com.storymimi.studio.service.bundle;

import com.storymimi.studio.service.ServiceException;
import com.storymimi.studio.service.ServiceException.Reason;
import com.storymimi.studio.supabase.http.JsonCodec;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Opens a bundle and checks it before anything is imported: a readable zip, a manifest of a known format and
 * version, every story and scene with an id, every media path a plain name inside {@code media/} that the zip
 * holds. {@link #extract} then copies one file out and checks its size and SHA-256. Every refusal is INVALID with
 * a sentence for the editor.
 */
final class BundleReader implements AutoCloseable {

    /** The manifest is small; a larger one is not a bundle this app wrote. */
    private static final long MAX_MANIFEST_BYTES = 64L * 1024 * 1024;
    private static final Pattern MEDIA_PATH = Pattern.compile("media/[0-9a-f-]{36}/[0-9a-f-]{36}-(image|audio)\\.[a-z0-9]{2,4}");

    private final Path file;
    private final ZipFile zip;
    private final BundleManifest manifest;

    private BundleReader(Path file, ZipFile zip, BundleManifest manifest) {
        this.file = file;
        this.zip = zip;
        this.manifest = manifest;
    }

    static BundleReader open(Path file, JsonCodec json) {
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile());
        } catch (java.nio.file.NoSuchFileException | java.io.FileNotFoundException e) {
            throw new ServiceException(Reason.NOT_FOUND, file.getFileName() + " does not exist", e);
        } catch (ZipException e) {
            throw invalid(file.getFileName() + " is damaged or incomplete (not a readable bundle): " + e.getMessage(), e);
        } catch (IOException e) {
            throw new ServiceException(Reason.FAILED, file.getFileName() + " could not be read: " + e.getMessage(), e);
        }
        try {
            BundleManifest manifest = readManifest(file, zip, json);
            check(file, zip, manifest);
            return new BundleReader(file, zip, manifest);
        } catch (RuntimeException e) {
            closeQuietly(zip);
            throw e;
        }
    }

    private static BundleManifest readManifest(Path file, ZipFile zip, JsonCodec json) {
        ZipEntry entry = zip.getEntry(BundleManifest.FILE);
        if (entry == null) {
            throw invalid(file.getFileName() + " is not a StoryMimi bundle (it has no manifest.json)", null);
        }
        String text;
        try (InputStream in = zip.getInputStream(entry)) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, MAX_MANIFEST_BYTES + 1));
            if (bytes.length > MAX_MANIFEST_BYTES) {
                throw invalid(file.getFileName() + " has a manifest larger than 64 MB: not a bundle this app wrote", null);
            }
            text = new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw invalid(file.getFileName() + " is damaged or incomplete: its manifest cannot be read", e);
        }
        BundleManifest manifest;
        try {
            manifest = json.fromJson(text, BundleManifest.class);
        } catch (RuntimeException e) {
            throw invalid(file.getFileName() + " has a manifest that is not valid JSON", e);
        }
        if (manifest == null || !BundleManifest.FORMAT.equals(manifest.format())) {
            throw invalid(file.getFileName() + " is not a StoryMimi bundle", null);
        }
        if (manifest.version() != BundleManifest.VERSION) {
            throw invalid(file.getFileName() + " is a bundle of version " + manifest.version()
                    + "; this StoryMimi Studio reads version " + BundleManifest.VERSION
                    + (manifest.version() > BundleManifest.VERSION ? ": update the app" : ""), null);
        }
        return manifest;
    }

    private static void check(Path file, ZipFile zip, BundleManifest manifest) {
        Set<UUID> stories = new HashSet<>();
        Set<UUID> scenes = new HashSet<>();
        for (BundleStory story : manifest.stories()) {
            if (story == null || story.storyId() == null || story.title() == null || story.status() == null
                    || !stories.add(story.storyId())) {
                throw invalid(file.getFileName() + " has a story without an id, title or status, or one twice", null);
            }
            for (BundleStory.Scene scene : story.scenes()) {
                if (scene == null || scene.sceneId() == null || scene.sequence() < 1 || !scenes.add(scene.sceneId())) {
                    throw invalid(file.getFileName() + " has a scene of “" + story.title()
                            + "” without an id or place, or one twice", null);
                }
                for (BundleStory.Media media : new BundleStory.Media[] {scene.image(), scene.audio()}) {
                    if (media != null) {
                        checkMedia(file, zip, media);
                    }
                }
            }
        }
    }

    private static void checkMedia(Path file, ZipFile zip, BundleStory.Media media) {
        String path = media.path();
        if (path == null || !MEDIA_PATH.matcher(path).matches()) {
            throw invalid(file.getFileName() + " names a file outside its media folder (" + shorten(path)
                    + "): it was not written by this app", null);
        }
        ZipEntry entry = zip.getEntry(path);
        if (entry == null) {
            throw invalid(file.getFileName() + " is incomplete: " + path + " is missing", null);
        }
        if (media.sha256() == null || !media.sha256().matches("[0-9a-f]{64}") || media.size() < 0
                || (entry.getSize() >= 0 && entry.getSize() != media.size())) {
            throw invalid(file.getFileName() + " is damaged: " + path + " does not match its manifest", null);
        }
    }

    BundleManifest manifest() {
        return manifest;
    }

    /**
     * Copies the media file out of the bundle into {@code dir} and checks it against the manifest (size, SHA-256);
     * never reads more than the manifest's size and one byte.
     */
    Path extract(BundleStory.Media media, Path dir) throws IOException {
        Path out = Files.createTempFile(dir, "bundle-", ".media");
        MessageDigest sha256 = BundleWriter.sha256();
        long copied;
        try (InputStream in = zip.getInputStream(zip.getEntry(media.path()));
             OutputStream target = new DigestOutputStream(Files.newOutputStream(out), sha256)) {
            copied = in.transferTo(new Limited(target, media.size() + 1));
        } catch (ZipException | java.io.EOFException e) {
            Files.deleteIfExists(out);
            throw invalid(file.getFileName() + " is damaged or was changed: " + media.path()
                    + " does not match its checksum", e);
        }
        if (copied != media.size() || !HexFormat.of().formatHex(sha256.digest()).equals(media.sha256())) {
            Files.deleteIfExists(out);
            throw invalid(file.getFileName() + " is damaged or was changed: " + media.path()
                    + " does not match its checksum", null);
        }
        return out;
    }

    @Override
    public void close() {
        closeQuietly(zip);
    }

    private static void closeQuietly(ZipFile zip) {
        try {
            zip.close();
        } catch (IOException ignored) {
            // read-only: nothing to lose
        }
    }

    private static String shorten(String path) {
        return path == null ? "no path" : path.length() <= 80 ? path : path.substring(0, 80) + "…";
    }

    private static ServiceException invalid(String sentence, Throwable cause) {
        return new ServiceException(Reason.INVALID, sentence, cause);
    }

    /** Stops a copy once it passed {@code limit} bytes: a file larger than its manifest says is not read to its end. */
    private static final class Limited extends java.io.FilterOutputStream {
        private long left;

        Limited(OutputStream out, long limit) {
            super(out);
            this.left = limit;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (len > left) {
                out.write(b, off, (int) left);
                left = 0;
                throw new java.io.EOFException("longer than the manifest says");
            }
            out.write(b, off, len);
            left -= len;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }
    }
}
