package com.storymimi.studio.service;

import com.storymimi.studio.model.ConnectionProfile;

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
}
