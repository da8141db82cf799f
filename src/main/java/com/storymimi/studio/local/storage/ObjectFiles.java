package com.storymimi.studio.local.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The object directory: {@code data/<2 chars>/<version>} holds committed bytes, {@code .tmp/} uploads being
 * received, {@code uploads/} TUS partial files. Every file reaches {@code data/} by fsync + atomic rename.
 */
final class ObjectFiles {

    private static final int BUFFER = 64 * 1024;

    /** The size and quoted-MD5 ETag of bytes written to a temp file. */
    record Written(Path temp, long size, String etag) {
    }

    private final Path root;
    private final Path temp;
    private final Path data;
    private final Path uploads;

    ObjectFiles(Path root) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        this.temp = Files.createDirectories(this.root.resolve(".tmp"));
        this.data = Files.createDirectories(this.root.resolve("data"));
        this.uploads = Files.createDirectories(this.root.resolve("uploads"));
    }

    Path root() {
        return root;
    }

    Path uploads() {
        return uploads;
    }

    /** Where a version's bytes live; versions are UUIDs, so the name can never leave {@code data/}. */
    Path fileOf(String version) {
        UUID.fromString(version);
        return data.resolve(version.substring(0, 2)).resolve(version);
    }

    /**
     * Streams {@code content} into a new temp file, refusing more than {@code limit} bytes as it goes, and
     * fsyncs it. The caller moves it into place or deletes it.
     */
    Written receive(InputStream content, long limit) throws IOException {
        Path file = temp.resolve(UUID.randomUUID() + ".part");
        MessageDigest md5 = md5();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
             OutputStream out = new DigestOutputStream(Channels.newOutputStream(channel), md5)) {
            long size = copyWithLimit(content, out, limit);
            out.flush();
            channel.force(true);
            return new Written(file, size, quoted(md5));
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    /** The MD5 ETag of a file already on disk (a finished TUS upload). */
    static String etagOf(Path file) throws IOException {
        MessageDigest md5 = md5();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[BUFFER];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                md5.update(buffer, 0, n);
            }
        }
        return quoted(md5);
    }

    /** A synced copy of a committed version, in a temp file. */
    Written copyOf(String version) throws IOException {
        try (InputStream in = Files.newInputStream(fileOf(version))) {
            return receive(in, Long.MAX_VALUE);
        }
    }

    /** Renames a synced file to a version's place; atomic, so the bytes appear whole or not at all. */
    void commit(Path synced, String version) {
        try {
            Path target = fileOf(version);
            Files.createDirectories(target.getParent());
            Files.move(synced, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void deleteVersion(String version) {
        try {
            Files.deleteIfExists(fileOf(version));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Start-up sweep: temp files of interrupted uploads, and committed files no row points to. */
    void sweep(Set<String> liveVersions) throws IOException {
        try (Stream<Path> temps = Files.list(temp)) {
            for (Path file : temps.toList()) {
                Files.deleteIfExists(file);
            }
        }
        try (Stream<Path> files = Files.walk(data)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                if (!liveVersions.contains(file.getFileName().toString())) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    private static long copyWithLimit(InputStream in, OutputStream out, long limit) throws IOException {
        byte[] buffer = new byte[BUFFER];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) >= 0) {
            total += n;
            if (total > limit) {
                throw StorageException.tooLarge();
            }
            out.write(buffer, 0, n);
        }
        return total;
    }

    private static String quoted(MessageDigest md5) {
        return "\"" + HexFormat.of().formatHex(md5.digest()) + "\"";
    }

    static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every JDK", e);
        }
    }
}
