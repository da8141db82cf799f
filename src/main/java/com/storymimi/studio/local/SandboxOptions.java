package com.storymimi.studio.local;

import com.storymimi.studio.local.storage.Bucket;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How to start a {@link LocalSandbox}.
 *
 * @param dataDir        where the workspace, database and objects live (created if missing)
 * @param port           the port to bind on 127.0.0.1; 0 means the port remembered from the last run, else any
 * @param seedDemoData   whether the first run fills the database and buckets with demo stories
 * @param maxObjectBytes the project-wide object size limit (Storage's global {@code fileSizeLimit}, announced as
 *                       {@code Tus-Max-Size}); a bucket's own {@code file_size_limit} can only lower it
 */
public record SandboxOptions(Path dataDir, int port, boolean seedDemoData, long maxObjectBytes) {

    /** The Supabase CLI's default global object limit, 50 MiB. */
    public static final long DEFAULT_MAX_OBJECT_BYTES = Bucket.DEFAULT_GLOBAL_FILE_SIZE_LIMIT;

    public SandboxOptions {
        Objects.requireNonNull(dataDir, "dataDir");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, was " + port);
        }
        if (maxObjectBytes <= 0) {
            throw new IllegalArgumentException("maxObjectBytes must be positive, was " + maxObjectBytes);
        }
    }

    /** Options with the default 50 MiB object limit. */
    public SandboxOptions(Path dataDir, int port, boolean seedDemoData) {
        this(dataDir, port, seedDemoData, DEFAULT_MAX_OBJECT_BYTES);
    }

    /** The same options with another global object limit. */
    public SandboxOptions withMaxObjectBytes(long bytes) {
        return new SandboxOptions(dataDir, port, seedDemoData, bytes);
    }
}
