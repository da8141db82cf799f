package com.storymimi.studio.service;

import com.storymimi.studio.model.ConnectionProfile;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The saved connection profiles and the one open connection. Every method is asynchronous: profiles live on
 * disk and opening a connection may start the sandbox or sign in.
 */
public interface ConnectionService {

    /** All saved profiles, the local sandbox first. */
    CompletableFuture<List<ConnectionProfile>> profiles();

    /** The profile to open at start: the environment's, else the last one used, else the local sandbox. */
    CompletableFuture<ConnectionProfile> activeProfile();

    /** Adds the profile, or replaces the saved one with the same id. */
    CompletableFuture<ConnectionProfile> save(ConnectionProfile profile);

    /** Removes a saved profile; the local sandbox cannot be removed. */
    CompletableFuture<Void> remove(String profileId);

    /**
     * Closes the open connection (if any), opens the profile with this id and remembers it as the active one.
     * Fails with {@link ServiceException} (UNAVAILABLE, NOT_FOUND) when it cannot be opened.
     */
    CompletableFuture<Connection> activate(String profileId);

    /**
     * Opens another saved profile beside the open one (signing in if it needs to), for a one-off job; the caller
     * closes it. Fails with {@link ServiceException} INVALID for the profile open now, NOT_FOUND or UNAVAILABLE
     * as {@link #activate} does.
     */
    CompletableFuture<SideConnection> openBeside(String profileId);
}
