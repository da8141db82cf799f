package com.storymimi.studio.app;

import com.storymimi.studio.model.ConnectionProfile;
import com.storymimi.studio.service.Connection;
import com.storymimi.studio.service.HealthService;
import com.storymimi.studio.service.IntegrityService;
import com.storymimi.studio.service.MediaService;
import com.storymimi.studio.service.SceneService;
import com.storymimi.studio.service.StorageBrowserService;
import com.storymimi.studio.service.StoryService;
import com.storymimi.studio.service.UserService;
import com.storymimi.studio.service.bundle.BundleService;
import com.storymimi.studio.service.revisions.RevisionService;
import com.storymimi.studio.service.trash.TrashService;
import com.storymimi.studio.ui.common.BackgroundJobs;
import com.storymimi.studio.ui.common.Texts;
import com.storymimi.studio.ui.editor.TrackedMediaService;
import com.storymimi.studio.ui.storage.TrackedStorageBrowserService;

/**
 * A connection whose uploading services report to the app's {@link BackgroundJobs}. The sections' factories get
 * this instead of the raw connection, so every upload (editor drop zones, the strip's multi-file drop, the
 * Storage section) reaches the status bar without each section knowing about the queue.
 */
final class JobTrackingConnection implements Connection {

    private final Connection connection;
    private final MediaService media;
    private final StorageBrowserService storage;

    JobTrackingConnection(Connection connection, BackgroundJobs jobs, Texts texts) {
        this.connection = connection;
        this.media = new TrackedMediaService(connection.media(), jobs, texts);
        this.storage = new TrackedStorageBrowserService(connection.storage(), jobs, texts);
    }

    @Override
    public ConnectionProfile profile() {
        return connection.profile();
    }

    @Override
    public UserService users() {
        return connection.users();
    }

    @Override
    public HealthService health() {
        return connection.health();
    }

    @Override
    public StoryService stories() {
        return connection.stories();
    }

    @Override
    public SceneService scenes() {
        return connection.scenes();
    }

    @Override
    public MediaService media() {
        return media;
    }

    @Override
    public IntegrityService integrity() {
        return connection.integrity();
    }

    @Override
    public StorageBrowserService storage() {
        return storage;
    }

    @Override
    public TrashService trash() {
        return connection.trash();
    }

    @Override
    public RevisionService revisions() {
        return connection.revisions();
    }

    @Override
    public BundleService bundles() {
        return connection.bundles();
    }
}
