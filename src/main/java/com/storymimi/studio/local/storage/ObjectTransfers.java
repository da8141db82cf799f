package com.storymimi.studio.local.storage;

import com.google.gson.JsonObject;
import com.storymimi.studio.local.http.Request;
import com.storymimi.studio.local.http.Response;

import java.io.IOException;
import java.sql.SQLException;

/** {@code POST /object/move} and {@code POST /object/copy}. */
final class ObjectTransfers {

    private final ObjectStore store;

    ObjectTransfers(ObjectStore store) {
        this.store = store;
    }

    Response move(Request request, StorageCaller caller) throws IOException, SQLException {
        Transfer transfer = Transfer.of(JsonBodies.object(request));
        caller.requireRead();
        store.bucket(transfer.bucketId()).orElseThrow(StorageException::noSuchBucket);
        StoredObject moved = store.move(transfer.bucketId(), transfer.sourceKey(), transfer.targetBucket(),
                transfer.targetKey());
        JsonObject body = new JsonObject();
        body.addProperty("message", "Successfully moved");
        body.addProperty("Id", moved.id());
        body.addProperty("Key", moved.bucketId() + "/" + moved.name());
        return Response.json(200, body.toString());
    }

    /**
     * Copies with the source's metadata unless {@code copyMetadata} is false, in which case the body's
     * {@code metadata} ({cacheControl, mimetype}) applies; {@code x-upsert} allows replacing the target.
     */
    Response copy(Request request, StorageCaller caller) throws IOException, SQLException {
        JsonObject json = JsonBodies.object(request);
        Transfer transfer = Transfer.of(json);
        caller.requireRead();
        store.bucket(transfer.bucketId()).orElseThrow(StorageException::noSuchBucket);
        StoredObject source = store.find(transfer.bucketId(), transfer.sourceKey())
                .orElseThrow(StorageException::noSuchKey);
        Bucket target = store.bucket(transfer.targetBucket()).orElseThrow(StorageException::noSuchBucket);
        boolean upsert = request.header("x-upsert").map("true"::equals).orElse(false);
        StoredObject copied = store.copy(source, target, transfer.targetKey(), spec(json, source, upsert, caller));
        JsonObject body = ObjectJson.row(copied);
        body.addProperty("Id", copied.id());
        body.addProperty("Key", copied.bucketId() + "/" + copied.name());
        return Response.json(200, body.toString());
    }

    private static UploadSpec spec(JsonObject json, StoredObject source, boolean upsert, StorageCaller caller) {
        boolean copyMetadata = JsonBodies.optionalBoolean(json, "copyMetadata").orElse(true);
        if (copyMetadata || !json.has("metadata") || !json.get("metadata").isJsonObject()) {
            return new UploadSpec(source.contentType(), source.cacheControl(), source.userMetadata(), upsert,
                    caller.owner());
        }
        JsonObject metadata = json.getAsJsonObject("metadata");
        return new UploadSpec(JsonBodies.optionalString(metadata, "mimetype").orElse(source.contentType()),
                JsonBodies.optionalString(metadata, "cacheControl").orElse(source.cacheControl()),
                null, upsert, caller.owner());
    }

    private record Transfer(String bucketId, String sourceKey, String targetBucket, String targetKey) {
        static Transfer of(JsonObject body) {
            String bucketId = JsonBodies.requiredString(body, "bucketId");
            String sourceKey = JsonBodies.requiredString(body, "sourceKey");
            String targetKey = JsonBodies.requiredString(body, "destinationKey");
            String targetBucket = JsonBodies.optionalString(body, "destinationBucket").orElse(bucketId);
            ObjectKeys.requireValidKey(sourceKey);
            ObjectKeys.requireValidKey(targetKey);
            return new Transfer(bucketId, sourceKey, targetBucket, targetKey);
        }
    }
}
