package com.storymimi.studio.app;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;

/**
 * One JSON file the app owns. Writes go to a temp file that is then moved over the old one, so a crash leaves
 * the old or the new file, never half of one. A file that cannot be read is kept aside as {@code .bak}.
 */
final class JsonFile {

    private static final Logger LOG = LoggerFactory.getLogger(JsonFile.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final Path path;
    private final Gson gson;
    private final boolean ownerOnly;

    /** @param ownerOnly true for files that hold keys: created with permissions 0600 where the OS has them */
    JsonFile(Path path, Gson gson, boolean ownerOnly) {
        this.path = path;
        this.gson = gson;
        this.ownerOnly = ownerOnly;
    }

    Path path() {
        return path;
    }

    /** The file's content, or empty when it does not exist or is unreadable (then moved aside to .bak). */
    <T> Optional<T> read(Type type) {
        if (!Files.exists(path)) {
            return Optional.empty();
        }
        try {
            T value = gson.fromJson(Files.readString(path, StandardCharsets.UTF_8), type);
            if (value == null) {
                throw new JsonParseException("empty file");
            }
            return Optional.of(value);
        } catch (IOException | RuntimeException e) {
            keepAside(e);
            return Optional.empty();
        }
    }

    private void keepAside(Exception problem) {
        Path backup = path.resolveSibling(path.getFileName() + ".bak");
        try {
            Files.move(path, backup, StandardCopyOption.REPLACE_EXISTING);
            LOG.warn("{} could not be read ({}); it was kept as {} and defaults are used",
                    path, problem.getClass().getSimpleName(), backup);
        } catch (IOException moveFailed) {
            LOG.warn("{} could not be read ({}) nor moved aside; defaults are used", path,
                    problem.getClass().getSimpleName(), moveFailed);
        }
    }

    void write(Object value) throws IOException {
        Files.createDirectories(path.getParent());
        Path temp = Files.createTempFile(path.getParent(), path.getFileName().toString(), ".tmp", permissions());
        try {
            Files.writeString(temp, gson.toJson(value), StandardCharsets.UTF_8);
            try {
                Files.move(temp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private FileAttribute<?>[] permissions() {
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        if (!posix) {
            return new FileAttribute<?>[0];
        }
        // Temp files are 0600 already; spelled out because the profiles file must stay so after the move.
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(
                ownerOnly ? OWNER_ONLY : PosixFilePermissions.fromString("rw-r--r--"))};
    }
}
