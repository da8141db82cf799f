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

/** One open connection: the services of one profile. Closing it stops whatever it started (e.g. the sandbox). */
public interface Backend extends AutoCloseable {

    UserService users();

    HealthService health();

    StoryService stories();

    SceneService scenes();

    MediaService media();

    IntegrityService integrity();

    StorageBrowserService storage();

    TrashService trash();

    RevisionService revisions();

    BundleService bundles();

    @Override
    void close();
}
