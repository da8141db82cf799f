package com.storymimi.studio.service;

import com.storymimi.studio.model.MediaRef;
import com.storymimi.studio.service.MediaRules.ObjectMeta;
import com.storymimi.studio.supabase.storage.ObjectInfo;
import com.storymimi.studio.supabase.storage.StorageClient;

import java.util.Optional;

/** One object's stored type and size through {@code GET /object/info}, for the few objects no listing covered. */
final class ObjectLookup {

    private ObjectLookup() {
    }

    /** Empty when the object does not exist. */
    static Optional<ObjectMeta> info(ScanCalls calls, StorageClient storage, MediaRef object) {
        try {
            ObjectInfo info = calls.await(() -> storage.from(object.bucket()).info(object.key()));
            return Optional.of(new ObjectMeta(info.contentType(), info.size()));
        } catch (ServiceException failure) {
            if (failure.reason() == ServiceException.Reason.NOT_FOUND) {
                return Optional.empty();
            }
            throw failure;
        }
    }
}
