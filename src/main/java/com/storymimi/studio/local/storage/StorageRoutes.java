package com.storymimi.studio.local.storage;

import com.google.gson.JsonObject;
import com.storymimi.studio.local.auth.ApiKeyGate;
import com.storymimi.studio.local.auth.JwtCodec;
import com.storymimi.studio.local.auth.JwtException;
import com.storymimi.studio.local.auth.Role;
import com.storymimi.studio.local.http.Request;
import com.storymimi.studio.local.http.Response;
import com.storymimi.studio.local.http.RouteGroup;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@code /storage/v1}: buckets, objects, signed URLs and TUS resumable uploads. Public object URLs and signed
 * URLs need no key (they end up in image tags and media players); everything else passes the gateway and is
 * authenticated like Storage does (bearer JWT, no clock tolerance).
 */
public final class StorageRoutes implements RouteGroup {

    private final ApiKeyGate gate;
    private final JwtCodec jwt;
    private final BucketRoutes buckets;
    private final ObjectRoutes objects;
    private final SignedUrlRoutes signed;
    private final TusRoutes tus;

    public StorageRoutes(ApiKeyGate gate, JwtCodec jwt, ObjectStore store) throws IOException {
        this.gate = gate;
        this.jwt = jwt;
        Uploader uploader = new Uploader(store);
        this.signed = new SignedUrlRoutes(store, new SignedTokens(jwt), uploader);
        this.buckets = new BucketRoutes(store);
        this.objects = new ObjectRoutes(store, uploader, signed);
        this.tus = new TusRoutes(store, new TusUploads(store));
    }

    @Override
    public Response handle(Request request) throws IOException, SQLException {
        List<String> segments = StoragePaths.segments(request.path());
        Response keyless = keyless(request, segments);
        if (keyless != null) {
            return keyless;
        }
        if (segments.size() >= 2 && segments.get(0).equals("upload") && segments.get(1).equals("resumable")) {
            return tus.handle(request, segments.subList(2, segments.size()), () -> tusCaller(request));
        }
        StorageCaller caller = caller(request, gate.requireApiKey(request));
        Response response = switch (segments.isEmpty() ? "" : segments.getFirst()) {
            case "bucket" -> buckets.handle(request, segments.subList(1, segments.size()), caller);
            case "object" -> objects.handle(request, segments.subList(1, segments.size()), caller);
            default -> null;
        };
        if (response == null) {
            throw StorageException.routeNotFound(request.method(), "/storage/v1" + request.path());
        }
        return response;
    }

    /** The routes that work with a URL alone: public objects and signed URLs. */
    private Response keyless(Request request, List<String> segments) throws IOException, SQLException {
        String method = request.method();
        boolean read = method.equals("GET") || method.equals("HEAD");
        if (segments.size() < 4 || !segments.getFirst().equals("object")) {
            return null;
        }
        String kind = segments.get(1);
        if (read && kind.equals("public")) {
            return objects.publicDownload(segments.get(2), StoragePaths.key(segments, 3), request);
        }
        if (read && kind.equals("sign")) {
            return signed.download(segments.get(2), StoragePaths.key(segments, 3), request);
        }
        if (method.equals("PUT") && kind.equals("upload") && segments.get(2).equals("sign") && segments.size() >= 5) {
            return signed.upload(segments.get(3), StoragePaths.key(segments, 4), request);
        }
        return null;
    }

    /**
     * tus-js-client as Supabase documents it sends only Authorization (no apikey), so a valid bearer JWT is
     * enough on the resumable routes; without one the gateway's key check applies as everywhere else.
     */
    private StorageCaller tusCaller(Request request) {
        if (request.header("apikey").isEmpty() && request.queryValue("apikey").isEmpty()
                && ApiKeyGate.bearerToken(request).isPresent()) {
            return caller(request, new JsonObject());
        }
        return caller(request, gate.requireApiKey(request));
    }

    private StorageCaller caller(Request request, JsonObject keyClaims) {
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
        return new StorageCaller(role, claims.has("sub") ? claims.get("sub").getAsString() : null);
    }
}
