package com.storymimi.studio.local.storage;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;


/** The JSON shapes Storage answers with for objects. */
final class ObjectJson {

    private ObjectJson() {
    }

    /** {@code GET /object/info/...}. */
    static JsonObject info(StoredObject object) {
        JsonObject json = new JsonObject();
        json.addProperty("id", object.id());
        json.addProperty("name", object.name());
        json.addProperty("version", object.version());
        json.addProperty("bucket_id", object.bucketId());
        json.addProperty("size", object.size());
        json.addProperty("content_type", object.contentType());
        json.addProperty("cache_control", object.cacheControl());
        json.addProperty("etag", object.etag());
        json.add("metadata", userMetadata(object));
        json.addProperty("last_modified", IsoTime.format(object.updatedAt()));
        json.addProperty("created_at", IsoTime.format(object.createdAt()));
        return json;
    }

    /** The storage.objects row (batch remove, copy). */
    static JsonObject row(StoredObject object) {
        JsonObject json = new JsonObject();
        json.addProperty("id", object.id());
        json.addProperty("bucket_id", object.bucketId());
        json.addProperty("name", object.name());
        json.addProperty("owner", object.owner());
        json.addProperty("owner_id", object.owner());
        json.addProperty("version", object.version());
        json.addProperty("created_at", IsoTime.format(object.createdAt()));
        json.addProperty("updated_at", IsoTime.format(object.updatedAt()));
        json.addProperty("last_accessed_at", IsoTime.format(object.lastAccessedAt()));
        json.add("metadata", systemMetadata(object));
        json.add("user_metadata", userMetadata(object));
        return json;
    }

    /** A file entry of {@code POST /object/list}: name relative to the listed folder. */
    static JsonObject listedFile(String name, StoredObject object) {
        JsonObject json = new JsonObject();
        json.addProperty("name", name);
        json.addProperty("id", object.id());
        json.addProperty("updated_at", IsoTime.format(object.updatedAt()));
        json.addProperty("created_at", IsoTime.format(object.createdAt()));
        json.addProperty("last_accessed_at", IsoTime.format(object.lastAccessedAt()));
        json.add("metadata", systemMetadata(object));
        return json;
    }

    /** A sub-folder entry: only a name, everything else null. */
    static JsonObject listedFolder(String name) {
        JsonObject json = new JsonObject();
        json.addProperty("name", name);
        json.add("id", JsonNull.INSTANCE);
        json.add("updated_at", JsonNull.INSTANCE);
        json.add("created_at", JsonNull.INSTANCE);
        json.add("last_accessed_at", JsonNull.INSTANCE);
        json.add("metadata", JsonNull.INSTANCE);
        return json;
    }

    static JsonObject systemMetadata(StoredObject object) {
        JsonObject json = new JsonObject();
        json.addProperty("eTag", object.etag());
        json.addProperty("size", object.size());
        json.addProperty("mimetype", object.contentType());
        json.addProperty("cacheControl", object.cacheControl());
        json.addProperty("lastModified", IsoTime.format(object.updatedAt()));
        json.addProperty("contentLength", object.size());
        json.addProperty("httpStatusCode", 200);
        return json;
    }

    private static JsonElement userMetadata(StoredObject object) {
        return object.userMetadata() == null ? JsonNull.INSTANCE : JsonParser.parseString(object.userMetadata());
    }
}
