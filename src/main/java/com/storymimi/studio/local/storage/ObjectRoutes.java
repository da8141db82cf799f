package com.storymimi.studio.local.storage;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.storymimi.studio.local.http.Request;
import com.storymimi.studio.local.http.Response;

import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /object/...} for an authenticated (or anon-key) caller: download, info, upload, list, remove, move,
 * copy and signing. The special first segments (list, info, sign, move ...) are matched before a bucket
 * name, as Storage's router does.
 */
final class ObjectRoutes {

    private final ObjectStore store;
    private final Uploader uploader;
    private final ObjectListing listing;
    private final ObjectTransfers transfers;
    private final SignedUrlRoutes signed;

    ObjectRoutes(ObjectStore store, Uploader uploader, SignedUrlRoutes signed) {
        this.store = store;
        this.uploader = uploader;
        this.listing = new ObjectListing(store);
        this.transfers = new ObjectTransfers(store);
        this.signed = signed;
    }

    /** @param rest the path segments after {@code object}; null when no route matches */
    Response handle(Request request, List<String> rest, StorageCaller caller) throws IOException, SQLException {
        String method = request.method();
        boolean read = method.equals("GET") || method.equals("HEAD");
        String first = rest.isEmpty() ? "" : rest.getFirst();
        int size = rest.size();
        if (read && first.equals("authenticated") && size >= 3) {
            caller.requireRead();
            return download(rest.get(1), StoragePaths.key(rest, 2), request, caller);
        }
        if (read && first.equals("info") && size >= 3) {
            return info(rest.get(1), StoragePaths.key(rest, 2), caller);
        }
        if (method.equals("POST")) {
            switch (first) {
                case "list" -> {
                    return size == 2 ? list(rest.get(1), request, caller) : null;
                }
                case "move" -> {
                    return size == 1 ? transfers.move(request, caller) : null;
                }
                case "copy" -> {
                    return size == 1 ? transfers.copy(request, caller) : null;
                }
                case "sign" -> {
                    return size == 2 ? signed.signMany(rest.get(1), request, caller)
                            : size > 2 ? signed.signOne(rest.get(1), StoragePaths.key(rest, 2), request, caller) : null;
                }
                case "upload" -> {
                    return size >= 4 && rest.get(1).equals("sign")
                            ? signed.signUpload(rest.get(2), StoragePaths.key(rest, 3), request, caller) : null;
                }
                default -> {
                    // a plain upload below
                }
            }
        }
        if (method.equals("DELETE") && size == 1) {
            return removeMany(first, request, caller);
        }
        if (size < 2) {
            return null;
        }
        String bucketId = first;
        String key = StoragePaths.key(rest, 1);
        return switch (method) {
            case "GET", "HEAD" -> download(bucketId, key, request, caller);
            case "POST" -> upload(bucketId, key, request, caller, request.header("x-upsert").map("true"::equals).orElse(false));
            case "PUT" -> upload(bucketId, key, request, caller, true);
            case "DELETE" -> removeOne(bucketId, key, caller);
            default -> null;
        };
    }

    /** {@code /object/public/...}: no caller at all; a private bucket does not exist as far as it is concerned. */
    Response publicDownload(String bucketId, String key, Request request) throws SQLException {
        ObjectKeys.requireValidKey(key);
        store.bucket(bucketId).filter(Bucket::isPublic).orElseThrow(StorageException::noSuchBucket);
        return ObjectDownload.serve(store.find(bucketId, key).orElseThrow(StorageException::noSuchKey), request);
    }

    /** Public buckets are readable by anyone; a private bucket's objects are hidden from anon. */
    Response download(String bucketId, String key, Request request, StorageCaller caller) throws SQLException {
        return ObjectDownload.serve(visibleObject(bucketId, key, caller), request);
    }

    private Response info(String bucketId, String key, StorageCaller caller) throws SQLException {
        return Response.json(200, ObjectJson.info(visibleObject(bucketId, key, caller)).toString());
    }

    private StoredObject visibleObject(String bucketId, String key, StorageCaller caller) throws SQLException {
        ObjectKeys.requireValidKey(key);
        Bucket bucket = store.bucket(bucketId).orElseThrow(StorageException::noSuchBucket);
        if (!bucket.isPublic()) {
            caller.requireRead();
        }
        return store.find(bucketId, key).orElseThrow(StorageException::noSuchKey);
    }

    private Response upload(String bucketId, String key, Request request, StorageCaller caller, boolean upsert)
            throws IOException, SQLException {
        ObjectKeys.requireValidKey(key);
        caller.requireWrite();
        StoredObject object = uploader.upload(bucketId, key, request, upsert, caller.owner());
        JsonObject body = new JsonObject();
        body.addProperty("Id", object.id());
        body.addProperty("Key", bucketId + "/" + key);
        return Response.json(200, body.toString());
    }

    private Response list(String bucketId, Request request, StorageCaller caller) throws IOException, SQLException {
        JsonObject body = JsonBodies.object(request);
        store.bucket(bucketId).orElseThrow(StorageException::noSuchBucket);
        JsonArray entries = listing.list(bucketId, body);
        return Response.json(200, caller.signedIn() ? entries.toString() : "[]");
    }

    private Response removeOne(String bucketId, String key, StorageCaller caller) throws SQLException {
        ObjectKeys.requireValidKey(key);
        store.bucket(bucketId).orElseThrow(StorageException::noSuchBucket);
        if (!caller.signedIn() || store.delete(bucketId, List.of(key)).isEmpty()) {
            throw StorageException.noSuchKey();
        }
        JsonObject body = new JsonObject();
        body.addProperty("message", "Successfully deleted");
        return Response.json(200, body.toString());
    }

    /** {@code DELETE /object/{bucket}} {"prefixes": [...]}: exact names; missing ones are left out. */
    private Response removeMany(String bucketId, Request request, StorageCaller caller) throws IOException, SQLException {
        JsonElement prefixes = JsonBodies.object(request).get("prefixes");
        if (prefixes == null || !prefixes.isJsonArray()) {
            throw StorageException.badRequest("body must have required property 'prefixes'");
        }
        List<String> names = new ArrayList<>();
        for (JsonElement element : prefixes.getAsJsonArray()) {
            names.add(element.getAsString());
        }
        if (names.isEmpty() || names.size() > 1000) {
            throw StorageException.badRequest("body/prefixes must NOT have fewer than 1 items or more than 1000");
        }
        store.bucket(bucketId).orElseThrow(StorageException::noSuchBucket);
        JsonArray deleted = new JsonArray();
        if (caller.signedIn()) {
            store.delete(bucketId, names).forEach(object -> deleted.add(ObjectJson.row(object)));
        }
        return Response.json(200, deleted.toString());
    }
}
