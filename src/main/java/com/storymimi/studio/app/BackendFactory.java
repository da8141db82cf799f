package com.storymimi.studio.app;

import com.storymimi.studio.model.ConnectionProfile;

/** Opens a Backend for a profile. Called off the FX thread; may take a few seconds (starts the sandbox, signs in). */
public interface BackendFactory {

    Backend open(ConnectionProfile profile) throws Exception;
}
