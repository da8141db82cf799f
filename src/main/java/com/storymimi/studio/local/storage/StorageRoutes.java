package com.storymimi.studio.local.storage;

import com.google.gson.JsonObject;
import com.storymimi.studio.local.auth.ApiKeyGate;
import com.storymimi.studio.local.auth.JwtCodec;
import com.storymimi.studio.local.auth.JwtException;
import com.storymimi.studio.local.auth.Role;
import com.storymimi.studio.local.http.QueryStrings;
import com.storymimi.studio.local.http.Request;
import com.storymimi.studio.local.http.Response;
import com.storymimi.studio.local.http.RouteGroup;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code /storage/v1}, the minimal slice: public and authenticated downloads and raw uploads. Public object
 * URLs need no key (they are used in image tags and media players); everything else passes the gateway and
 * is authenticated like Storage does (bearer JWT, no clock tolerance).
 */
public final class StorageRoutes implements RouteGroup {

    private final ApiKeyGate gate;
    private final JwtCodec jwt;
    private final ObjectStore store;

    public StorageRoutes(ApiKeyGate gate, JwtCodec jwt, ObjectStore store) {
        this.gate = gate;
        this.jwt = jwt;
        this.store = store;
    }

    /** Who is calling: role and (for signed-in users) the user id that becomes the object owner. */
    private record Caller(Role role, String userId) {
        boolean signedIn() {
            return role == Role.AUTHENTICATED || role == Role.SERVICE_ROLE;
        }
    }

    @Override
    public Response handle(Request request) throws IOException, SQLException {
        List<String> segments = segments(request.path());
        boolean read = request.method().equals("GET") || request.method().equals("HEAD");
        if (segments.size() >= 4 && segments.get(0).equals("object") && segments.get(1).equals("public") && read) {
            return download(segments.get(2), key(segments, 3), request, null);
        }
        JsonObject keyClaims = gate.requireApiKey(request);
        Caller caller = caller(request, keyClaims);
        if (segments.size() >= 4 && segments.get(0).equals("object") && segments.get(1).equals("authenticated") && read) {
            if (!caller.signedIn()) {
                throw StorageException.noSuchKey();
            }
            return download(segments.get(2), key(segments, 3), request, caller);
        }
        if (segments.size() >= 3 && segments.get(0).equals("object")) {
            String bucket = segments.get(1);
            String key = key(segments, 2);
            return switch (request.method()) {
                case "GET", "HEAD" -> download(bucket, key, request, caller);
                case "POST" -> upload(bucket, key, request, caller, isUpsert(request));
                case "PUT" -> upload(bucket, key, request, caller, true);
                default -> throw StorageException.routeNotFound(request.method(), "/storage/v1" + request.path());
            };
        }
        throw StorageException.routeNotFound(request.method(), "/storage/v1" + request.path());
    }

    private Response download(String bucketId, String key, Request request, Caller caller) throws SQLException {
        Bucket bucket = store.bucket(bucketId).orElseThrow(StorageException::noSuchBucket);
        if (!bucket.isPublic() && (caller == null || !caller.signedIn())) {
            // a private bucket is invisible through public URLs and hides its objects from anon
            throw caller == null ? StorageException.noSuchBucket() : StorageException.noSuchKey();
        }
        StoredObject object = store.find(bucketId, ObjectKeys.requireValidKey(key))
                .orElseThrow(StorageException::noSuchKey);
        return ObjectDownload.serve(object, request);
    }

    private Response upload(String bucketId, String key, Request request, Caller caller, boolean upsert)
            throws IOException, SQLException {
        ObjectKeys.requireValidKey(key);
        if (!caller.signedIn()) {
            throw StorageException.accessDenied("new row violates row-level security policy");
        }
        Bucket bucket = store.bucket(bucketId).orElseThrow(StorageException::noSuchBucket);
        String contentType = request.header("Content-Type").orElse("application/octet-stream");
        if (contentType.toLowerCase().startsWith("multipart/")) {
            throw StorageException.invalidRequest("multipart uploads are not supported by the local sandbox yet; "
                    + "send the raw bytes with their Content-Type");
        }
        if (!bucket.allows(contentType)) {
            throw StorageException.invalidMimeType(contentType);
        }
        Optional<Long> declared = request.header("Content-Length").map(Long::parseLong);
        if (declared.isPresent() && bucket.fileSizeLimit() > 0 && declared.get() > bucket.fileSizeLimit()) {
            throw StorageException.tooLarge();
        }
        String cacheControl = request.header("Cache-Control").orElse("no-cache");
        String id = store.put(bucket, key, request.body(), contentType, cacheControl, upsert, caller.userId());
        JsonObject body = new JsonObject();
        body.addProperty("Id", id);
        body.addProperty("Key", bucketId + "/" + key);
        return Response.json(200, body.toString());
    }

    private Caller caller(Request request, JsonObject keyClaims) {
        JsonObject claims = keyClaims;
        Optional<String> bearer = ApiKeyGate.bearerToken(request);
        if (bearer.isPresent()) {
            try {
                claims = jwt.verify(bearer.get(), Duration.ZERO);
            } catch (JwtException e) {
                throw StorageException.accessDenied(e.kind() == JwtException.Kind.EXPIRED
                        ? "\"exp\" claim timestamp check failed" : "invalid signature");
            }
        }
        String claim = claims.has("role") ? claims.get("role").getAsString() : Role.ANON.claim();
        Role role = Role.fromClaim(claim).orElseThrow(() -> StorageException.accessDenied("role does not exist"));
        return new Caller(role, claims.has("sub") ? claims.get("sub").getAsString() : null);
    }

    private static boolean isUpsert(Request request) {
        return request.header("x-upsert").map("true"::equals).orElse(false);
    }

    /** Path segments, each percent-decoded on its own (a '+' stays a '+'). */
    private static List<String> segments(String rawPath) {
        List<String> segments = new ArrayList<>();
        for (String raw : rawPath.split("/", -1)) {
            segments.add(QueryStrings.decode(raw, false));
        }
        if (!segments.isEmpty() && segments.getFirst().isEmpty()) {
            segments.removeFirst();
        }
        return segments;
    }

    private static String key(List<String> segments, int from) {
        String key = String.join("/", segments.subList(from, segments.size()));
        if (key.indexOf('\0') >= 0) {
            throw StorageException.invalidKey(key.replace('\0', '?'));
        }
        return key;
    }
}
