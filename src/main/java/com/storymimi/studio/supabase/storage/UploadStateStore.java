package com.storymimi.studio.supabase.storage;

import com.storymimi.studio.supabase.http.JsonCodec;
import com.storymimi.studio.supabase.http.PrivateFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One small JSON file per unfinished resumable upload; with no directory, nothing is kept. */
final class UploadStateStore {

    private static final String SUFFIX = ".upload.json";

    private final Path dir;
    private final JsonCodec codec;

    UploadStateStore(Path dir, JsonCodec codec) {
        this.dir = dir;
        this.codec = codec;
    }

    Optional<Path> directory() {
        return Optional.ofNullable(dir);
    }

    void save(UploadState state) {
        if (dir == null) {
            return;
        }
        try {
            PrivateFiles.write(fileOf(state.id()), codec.toJson(state).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("The upload state could not be saved in " + dir, e);
        }
    }

    void delete(String id) {
        if (dir == null) {
            return;
        }
        try {
            Files.deleteIfExists(fileOf(id));
        } catch (IOException e) {
            throw new UncheckedIOException("The upload state could not be deleted from " + dir, e);
        }
    }

    /** Every readable state; damaged files are skipped (they cannot be resumed anyway). */
    List<UploadState> list() throws IOException {
        List<UploadState> states = new ArrayList<>();
        if (dir == null || !Files.isDirectory(dir)) {
            return states;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
            for (Path file : files) {
                read(file).ifPresent(states::add);
            }
        }
        return states;
    }

    private Optional<UploadState> read(Path file) {
        try {
            UploadState state = codec.fromJson(Files.readString(file, StandardCharsets.UTF_8), UploadState.class);
            boolean complete = state != null && state.id() != null && state.file() != null && state.bucket() != null
                    && state.key() != null;
            return complete ? Optional.of(state) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private Path fileOf(String id) {
        return dir.resolve(id + SUFFIX);
    }
}
