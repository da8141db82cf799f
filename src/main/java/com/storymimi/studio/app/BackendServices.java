package com.storymimi.studio.app;

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

/** A {@link Backend} made of its services and what closing it must do (stop a client, a sandbox, executors). */
public record BackendServices(UserService users, HealthService health, StoryService stories, SceneService scenes,
                              MediaService media, IntegrityService integrity, StorageBrowserService storage,
                              TrashService trash, RevisionService revisions,
                              BundleService bundles, Runnable closer) implements Backend {

    @Override
    public void close() {
        closer.run();
    }
}
