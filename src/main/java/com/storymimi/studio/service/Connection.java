package com.storymimi.studio.service;

import com.storymimi.studio.model.ConnectionProfile;
import com.storymimi.studio.service.bundle.BundleService;
import com.storymimi.studio.service.revisions.RevisionService;
import com.storymimi.studio.service.trash.TrashService;

/** The services of the currently open profile. Valid until the next {@link ConnectionService#activate}. */
public interface Connection {

    ConnectionProfile profile();

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
}
