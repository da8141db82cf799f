package com.storymimi.studio.local;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How to start a {@link LocalSandbox}.
 *
 * @param dataDir      where the workspace, database and objects live (created if missing)
 * @param port         the port to bind on 127.0.0.1; 0 means the port remembered from the last run, else any
 * @param seedDemoData whether the first run fills the database and buckets with demo stories
 */
public record SandboxOptions(Path dataDir, int port, boolean seedDemoData) {
    public SandboxOptions {
        Objects.requireNonNull(dataDir, "dataDir");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, was " + port);
        }
    }
}
