package com.storymimi.studio.local.storage;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.storymimi.studio.local.http.Request;
import com.storymimi.studio.local.http.Response;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

/**
 * Signed URLs: signing needs the caller to be able to read (download) or write (upload) the object; using
 * one needs only the token in the query string, no Authorization.
 */
final class SignedUrlRoutes {

    /** Upload URLs live two hours, as on hosted projects. */
    static final Duration UPLOAD_URL_LIFETIME = Duration.ofHours(2);
    private static final String NOT_ACCESSIBLE = "Either the object does not exist or you do not have access to it";

    private final ObjectStore store;
    private final SignedTokens tokens;
    private final Uploader uploader;

    SignedUrlRoutes(ObjectStore store, SignedTokens tokens, Uploader uploader) {
        this.store = store;
        this.tokens = tokens;
        this.uploader = uploader;
    }

    /** {@code POST /object/sign/{bucket}/{key}} {"expiresIn": n}. */
    Response signOne(String bucketId, String key, Request request, StorageCaller caller)
            throws IOException, SQLException {
        long expiresIn = requiredExpiry(JsonBodies.object(request));
        ObjectKeys.requireValidKey(key);
        caller.requireRead();
        store.bucket(bucketId).orElseThrow(StorageException::noSuchBucket);
        store.find(bucketId, key).orElseThrow(StorageException::noSuchKey);
        JsonObject body = new JsonObject();
        body.addProperty("signedURL", downloadUrl(bucketId, key, expiresIn));
        return Response.json(200, body.toString());
    }

    /** {@code POST /object/sign/{bucket}} {"expiresIn": n, "paths": [...]}: one entry per path, in order. */
    Response signMany(String bucketId, Request request, StorageCaller caller) throws IOException, SQLException {
        JsonObject body = JsonBodies.object(request);
        long expiresIn = requiredExpiry(body);
        JsonElement paths = body.get("paths");
        if (paths == null || !paths.isJsonArray()) {
            throw StorageException.badRequest("body must have required property 'paths'");
        }
        store.bucket(bucketId).orElseThrow(StorageException::noSuchBucket);
        JsonArray result = new JsonArray();
        for (JsonElement element : paths.getAsJsonArray()) {
            String path = element.getAsString();
            boolean visible = caller.signedIn() && store.find(bucketId, path).isPresent();
            JsonObject entry = new JsonObject();
            entry.add("error", visible ? JsonNull.INSTANCE : new com.google.gson.JsonPrimitive(NOT_ACCESSIBLE));
            entry.addProperty("path", path);
            if (visible) {
                entry.addProperty("signedURL", downloadUrl(bucketId, path, expiresIn));
            } else {
                entry.add("signedURL", JsonNull.INSTANCE);
            }
            result.add(entry);
        }
        return Response.json(200, result.toString());
    }

    /** {@code GET /object/sign/{bucket}/{key}?token=}. */
    Response download(String bucketId, String key, Request request) throws SQLException {
        tokens.verify(requiredToken(request), SignedTokens.DOWNLOAD, bucketId, key);
        store.bucket(bucketId).orElseThrow(StorageException::noSuchBucket);
        StoredObject object = store.find(bucketId, key).orElseThrow(StorageException::noSuchKey);
        return ObjectDownload.serve(object, request);
    }

    /** {@code POST /object/upload/sign/{bucket}/{key}}: checks the caller may write there now. */
    Response signUpload(String bucketId, String key, Request request, StorageCaller caller) throws SQLException {
        ObjectKeys.requireValidKey(key);
        caller.requireWrite();
        store.bucket(bucketId).orElseThrow(StorageException::noSuchBucket);
        JsonObject claims = new JsonObject();
        claims.addProperty("owner", caller.owner());
        claims.addProperty("upsert", request.header("x-upsert").map("true"::equals).orElse(false));
        String token = tokens.sign(SignedTokens.UPLOAD, bucketId, key, UPLOAD_URL_LIFETIME.toSeconds(), claims);
        JsonObject body = new JsonObject();
        body.addProperty("url", "/object/upload/sign/" + bucketId + "/" + encodePath(key) + "?token=" + token);
        body.addProperty("token", token);
        return Response.json(200, body.toString());
    }

    /** {@code PUT /object/upload/sign/{bucket}/{key}?token=}: uploads as the user who signed. */
    Response upload(String bucketId, String key, Request request) throws IOException, SQLException {
        JsonObject claims = tokens.verify(requiredToken(request), SignedTokens.UPLOAD, bucketId, key);
        String owner = claims.has("owner") && !claims.get("owner").isJsonNull() ? claims.get("owner").getAsString() : null;
        boolean upsert = claims.has("upsert") && claims.get("upsert").getAsBoolean();
        uploader.upload(bucketId, key, request, upsert, owner);
        JsonObject body = new JsonObject();
        body.addProperty("Key", bucketId + "/" + key);
        return Response.json(200, body.toString());
    }

    private String downloadUrl(String bucketId, String key, long expiresIn) {
        String token = tokens.sign(SignedTokens.DOWNLOAD, bucketId, key, expiresIn, new JsonObject());
        return "/object/sign/" + bucketId + "/" + encodePath(key) + "?token=" + token;
    }

    private static long requiredExpiry(JsonObject body) {
        return JsonBodies.optionalInteger(body, "expiresIn", 1)
                .orElseThrow(() -> StorageException.badRequest("body must have required property 'expiresIn'"));
    }

    private static String requiredToken(Request request) {
        Optional<String> token = request.queryValue("token").filter(t -> !t.isBlank());
        return token.orElseThrow(() -> StorageException.badRequest("querystring must have required property 'token'"));
    }

    /** Each segment percent-encoded (a space as %20), the slashes between them kept. */
    static String encodePath(String key) {
        StringBuilder out = new StringBuilder();
        for (String segment : key.split("/", -1)) {
            if (!out.isEmpty() || key.startsWith("/")) {
                out.append('/');
            }
            out.append(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return out.toString();
    }
}
