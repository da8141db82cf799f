package com.storymimi.studio.service;

import com.storymimi.studio.model.MediaRef;

import java.util.List;

/**
 * Told about Storage objects that a service meant to remove but could not (the row they belonged to is gone or
 * points elsewhere already). They waste space but break nothing; the app can list them for a later clean-up.
 */
@FunctionalInterface
public interface OrphanedMedia {

    void leftBehind(List<MediaRef> objects, ServiceException cause);

    /** Only the warning in the log that {@link MediaRemoval} writes anyway. */
    OrphanedMedia IGNORE = (objects, cause) -> { };
}
