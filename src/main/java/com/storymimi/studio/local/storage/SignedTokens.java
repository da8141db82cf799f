package com.storymimi.studio.local.storage;

import com.google.gson.JsonObject;
import com.storymimi.studio.local.auth.JwtCodec;
import com.storymimi.studio.local.auth.JwtException;

import java.time.Duration;

/**
 * The tokens of signed URLs: JWTs signed with the workspace secret carrying {@code url} ("bucket/key"),
 * {@code scope} (download or upload, so one kind cannot be used as the other), {@code iat} and {@code exp}.
 */
final class SignedTokens {

    static final String DOWNLOAD = "download";
    static final String UPLOAD = "upload";

    private final JwtCodec jwt;

    SignedTokens(JwtCodec jwt) {
        this.jwt = jwt;
    }

    String sign(String scope, String bucketId, String key, long expiresInSeconds, JsonObject extraClaims) {
        long now = jwt.clock().instant().getEpochSecond();
        JsonObject claims = extraClaims.deepCopy();
        claims.addProperty("url", bucketId + "/" + key);
        claims.addProperty("scope", scope);
        claims.addProperty("iat", now);
        claims.addProperty("exp", now + expiresInSeconds);
        return jwt.sign(claims);
    }

    /** The claims of a token valid now, for this scope and object; InvalidJWT / InvalidSignature otherwise. */
    JsonObject verify(String token, String scope, String bucketId, String key) {
        JsonObject claims;
        try {
            claims = jwt.verify(token, Duration.ZERO);
        } catch (JwtException e) {
            throw StorageException.invalidJwt(switch (e.kind()) {
                case EXPIRED -> "\"exp\" claim timestamp check failed";
                case NOT_YET_VALID -> "\"nbf\" claim timestamp check failed";
                case BAD_SIGNATURE -> "signature verification failed";
                case MALFORMED -> "Invalid Compact JWS";
            });
        }
        if (!claims.has("scope") || !scope.equals(claims.get("scope").getAsString())) {
            throw StorageException.invalidJwt("The token was not issued for this operation");
        }
        if (!claims.has("url") || !(bucketId + "/" + key).equals(claims.get("url").getAsString())) {
            throw StorageException.invalidSignature();
        }
        return claims;
    }
}
