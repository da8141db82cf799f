package com.storymimi.studio.local.storage;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.storymimi.studio.local.http.Request;
import com.storymimi.studio.local.http.Response;

import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /bucket}: reading needs a signed-in caller (anon sees no buckets), managing needs the service role,
 * as with Storage's default policies on storage.buckets.
 */
final class BucketRoutes {

    private static final String RLS_DENIED = "new row violates row-level security policy";

    private final ObjectStore store;

    BucketRoutes(ObjectStore store) {
        this.store = store;
    }

    /** @param rest the path segments after {@code bucket} */
    Response handle(Request request, List<String> rest, StorageCaller caller) throws IOException, SQLException {
        String method = request.method();
        if (rest.isEmpty() || rest.equals(List.of(""))) {
            return switch (method) {
                case "GET" -> list(request, caller);
                case "POST" -> create(request, caller);
                default -> null;
            };
        }
        String id = rest.getFirst();
        if (rest.size() == 2 && rest.get(1).equals("empty") && method.equals("POST")) {
            return empty(id, caller);
        }
        if (rest.size() != 1) {
            return null;
        }
        return switch (method) {
            case "GET" -> get(id, caller);
            case "PUT" -> update(id, request, caller);
            case "DELETE" -> delete(id, caller);
            default -> null;
        };
    }

    private Response list(Request request, StorageCaller caller) throws SQLException {
        JsonArray result = new JsonArray();
        if (!caller.signedIn()) {
            return Response.json(200, result.toString());
        }
        long limit = longParam(request, "limit", Long.MAX_VALUE >> 1);
        long offset = longParam(request, "offset", 0);
        List<BucketRow> rows = store.buckets().list(request.queryValue("sortColumn").orElse("name"),
                request.queryValue("sortOrder").orElse("asc"), limit, offset, request.queryValue("search").orElse(""));
        for (BucketRow row : rows) {
            JsonObject json = json(row);
            json.addProperty("type", "STANDARD");
            result.add(json);
        }
        return Response.json(200, result.toString());
    }

    private Response get(String id, StorageCaller caller) throws SQLException {
        if (!caller.signedIn()) {
            throw StorageException.noSuchBucket();
        }
        BucketRow row = store.buckets().find(id).orElseThrow(StorageException::noSuchBucket);
        return Response.json(200, json(row).toString());
    }

    private Response create(Request request, StorageCaller caller) throws IOException, SQLException {
        JsonObject body = JsonBodies.object(request);
        String name = JsonBodies.requiredString(body, "name");
        String id = JsonBodies.optionalString(body, "id").filter(s -> !s.isEmpty()).orElse(name);
        ObjectKeys.requireValidBucket(name);
        ObjectKeys.requireValidBucket(id);
        if (!caller.isServiceRole()) {
            throw StorageException.accessDenied(RLS_DENIED);
        }
        boolean isPublic = JsonBodies.optionalBoolean(body, "public").orElse(false);
        Bucket bucket = new Bucket(id, isPublic, FileSizeLimits.parse(body.get("file_size_limit")),
                mimeTypes(body.get("allowed_mime_types")));
        if (!store.buckets().insert(bucket, name, caller.owner())) {
            throw StorageException.bucketAlreadyExists();
        }
        JsonObject result = new JsonObject();
        result.addProperty("name", name);
        return Response.json(200, result.toString());
    }

    private Response update(String id, Request request, StorageCaller caller) throws IOException, SQLException {
        JsonObject body = JsonBodies.object(request);
        if (!caller.isServiceRole()) {
            throw StorageException.accessDenied(RLS_DENIED);
        }
        BucketPatch patch = new BucketPatch(JsonBodies.optionalBoolean(body, "public").orElse(null),
                body.has("file_size_limit"), FileSizeLimits.parse(body.get("file_size_limit")),
                body.has("allowed_mime_types"), mimeTypes(body.get("allowed_mime_types")));
        if (patch.isPublic() == null && !patch.fileSizeLimitSet() && !patch.allowedMimeTypesSet()) {
            throw StorageException.badRequest("body must have at least one of public, file_size_limit, allowed_mime_types");
        }
        if (!store.buckets().update(id, patch)) {
            throw StorageException.noSuchBucket();
        }
        return message("Successfully updated");
    }

    private Response empty(String id, StorageCaller caller) throws SQLException {
        if (!caller.isServiceRole()) {
            throw StorageException.forbidden("Access denied");
        }
        store.buckets().find(id).orElseThrow(StorageException::noSuchBucket);
        store.empty(id);
        return message("Empty bucket has been queued. Completion may take up to an hour.");
    }

    private Response delete(String id, StorageCaller caller) throws SQLException {
        if (!caller.isServiceRole()) {
            throw StorageException.accessDenied(RLS_DENIED);
        }
        store.buckets().delete(id);
        return message("Successfully deleted");
    }

    private static JsonObject json(BucketRow row) {
        Bucket bucket = row.bucket();
        JsonObject json = new JsonObject();
        json.addProperty("id", bucket.id());
        json.addProperty("name", row.name());
        json.addProperty("owner", row.owner() == null ? "" : row.owner());
        json.addProperty("public", bucket.isPublic());
        if (bucket.fileSizeLimit() > 0) {
            json.addProperty("file_size_limit", bucket.fileSizeLimit());
        } else {
            json.add("file_size_limit", JsonNull.INSTANCE);
        }
        if (bucket.allowedMimeTypes().isEmpty()) {
            json.add("allowed_mime_types", JsonNull.INSTANCE);
        } else {
            JsonArray types = new JsonArray();
            bucket.allowedMimeTypes().forEach(types::add);
            json.add("allowed_mime_types", types);
        }
        json.addProperty("created_at", IsoTime.format(row.createdAt()));
        json.addProperty("updated_at", IsoTime.format(row.updatedAt()));
        return json;
    }

    private static List<String> mimeTypes(JsonElement value) {
        List<String> types = new ArrayList<>();
        if (value == null || value.isJsonNull()) {
            return types;
        }
        if (!value.isJsonArray()) {
            throw StorageException.badRequest("body/allowed_mime_types must be array");
        }
        for (JsonElement element : value.getAsJsonArray()) {
            if (!element.isJsonPrimitive() || !element.getAsJsonPrimitive().isString()) {
                throw StorageException.badRequest("body/allowed_mime_types must be array of strings");
            }
            if (!element.getAsString().isEmpty()) {
                types.add(element.getAsString());
            }
        }
        return types;
    }

    private static long longParam(Request request, String name, long fallback) {
        String raw = request.queryValue(name).orElse(null);
        if (raw == null || raw.isEmpty()) {
            return fallback;
        }
        try {
            long value = Long.parseLong(raw);
            if (value < 0) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw StorageException.badRequest("querystring/" + name + " must be integer");
        }
    }

    private static Response message(String message) {
        JsonObject body = new JsonObject();
        body.addProperty("message", message);
        return Response.json(200, body.toString());
    }
}
