package com.storymimi.studio.local.http;

/** The routes below one mount point (/rest/v1, /auth/v1, /storage/v1). */
@FunctionalInterface
public interface RouteGroup {

    /** Handles a request whose {@link Request#path()} is relative to the mount; throws ApiException for errors. */
    Response handle(Request request) throws Exception;
}
