package com.storymimi.studio.local.db;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.Set;

/**
 * The sandbox's files that hold secrets (database with password and token hashes, workspace keys, SQLite's
 * native library) and their folders: owner-only, 0600 files in 0700 folders where the file system has POSIX
 * permissions; elsewhere (Windows) the user profile's ACLs protect them and these calls only create.
 *
 * <p>The local layer's one place for owner-only permissions. The client's {@code supabase.http.PrivateFiles}
 * does the same for sessions and upload state, but the import table (docs/architecture.md) keeps {@code local}
 * and {@code supabase} apart, so the sandbox cannot use it.
 */
public final class OwnerOnlyFiles {

    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");

    private OwnerOnlyFiles() {
    }

    /**
     * Makes {@code dir} a private folder: the missing folders on the way are created 0700, and {@code dir}
     * itself is tightened to 0700 if it already existed with more (an install from before permissions were
     * set). Folders above {@code dir} that existed before are left as they are.
     */
    public static void privateDirectory(Path dir) throws IOException {
        Path absolute = dir.toAbsolutePath();
        Deque<Path> missing = new ArrayDeque<>();
        for (Path p = absolute; p != null && !Files.isDirectory(p); p = p.getParent()) {
            missing.push(p);
        }
        while (!missing.isEmpty()) {
            Path next = missing.pop();
            try {
                Files.createDirectory(next, attributes(next.getParent(), DIRECTORY));
            } catch (FileAlreadyExistsException raced) {
                // created meanwhile (a second process on the same data directory): tightened below if it is dir
            }
        }
        restrict(absolute, DIRECTORY);
    }

    /** Creates {@code file} empty and 0600 unless it exists; an existing file is tightened to 0600. */
    public static void privateFile(Path file) throws IOException {
        try {
            Files.createFile(file, attributes(file.toAbsolutePath().getParent(), FILE));
        } catch (FileAlreadyExistsException exists) {
            restrict(file, FILE);
        }
    }

    /** Tightens {@code file} to 0600 if it exists and has more; a missing file is fine. */
    public static void tighten(Path file) throws IOException {
        if (Files.exists(file)) {
            restrict(file, FILE);
        }
    }

    /** The attribute that creates a file or folder owner-only, where the file system has POSIX permissions. */
    static FileAttribute<?>[] attributes(Path onStore, Set<PosixFilePermission> permissions) throws IOException {
        return posix(onStore) ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)}
                : new FileAttribute<?>[0];
    }

    /** Permissions for a file that only its owner may read, write and execute (a native library). */
    static Set<PosixFilePermission> executable() {
        return DIRECTORY;
    }

    private static void restrict(Path path, Set<PosixFilePermission> wanted) throws IOException {
        if (!posix(path)) {
            return;
        }
        Set<PosixFilePermission> current = Files.getPosixFilePermissions(path);
        if (!wanted.containsAll(current)) {
            Set<PosixFilePermission> kept = EnumSet.noneOf(PosixFilePermission.class);
            kept.addAll(current);
            kept.retainAll(wanted);
            Files.setPosixFilePermissions(path, kept);
        }
    }

    private static boolean posix(Path onStore) throws IOException {
        return Files.getFileStore(onStore).supportsFileAttributeView("posix");
    }
}
