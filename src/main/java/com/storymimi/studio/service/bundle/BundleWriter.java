package com.storymimi.studio.service.bundle;

import com.storymimi.studio.supabase.http.JsonCodec;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a bundle: media first, streamed file by file (never all in memory) with their checksums taken on the way,
 * then the manifest; into a temporary file beside the target, moved over it only by {@link #finish}. Closed
 * without finishing, it deletes the temporary file and the target stays as it was.
 */
final class BundleWriter implements AutoCloseable {

    /** What one added file became inside the bundle. */
    record Written(String sha256, long size) {
    }

    private final Path target;
    private final Path temp;
    private final ZipOutputStream zip;
    private boolean finished;

    private BundleWriter(Path target, Path temp, ZipOutputStream zip) {
        this.target = target;
        this.temp = temp;
        this.zip = zip;
    }

    static BundleWriter create(Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".part");
        return new BundleWriter(target, temp, new ZipOutputStream(Files.newOutputStream(temp)));
    }

    /** Copies {@code file} into the bundle at {@code path}. */
    Written add(String path, Path file) throws IOException {
        zip.putNextEntry(new ZipEntry(path));
        MessageDigest sha256 = sha256();
        long size;
        try (InputStream in = Files.newInputStream(file)) {
            OutputStream out = new DigestOutputStream(new NonClosing(zip), sha256);
            size = in.transferTo(out);
        }
        zip.closeEntry();
        return new Written(HexFormat.of().formatHex(sha256.digest()), size);
    }

    /** Writes the manifest and puts the complete bundle in place of the target. */
    void finish(BundleManifest manifest, JsonCodec json) throws IOException {
        zip.putNextEntry(new ZipEntry(BundleManifest.FILE));
        zip.write(json.toJson(manifest).getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
        zip.close();
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (java.nio.file.AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        finished = true;
    }

    @Override
    public void close() throws IOException {
        if (!finished) {
            try {
                zip.close();
            } finally {
                Files.deleteIfExists(temp);
            }
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** The zip stays open across entries: a copy must not close it. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() {
        }
    }
}
