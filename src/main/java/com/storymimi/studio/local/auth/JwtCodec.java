package com.storymimi.studio.local.auth;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;

/** HS256 JSON Web Tokens signed with the workspace secret, built on the JDK's Mac. */
public final class JwtCodec {

    private static final String HEADER = encode("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));

    private final SecretKeySpec key;
    private final Clock clock;

    public JwtCodec(byte[] secret, Clock clock) {
        this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
        this.clock = clock;
    }

    public String sign(JsonObject claims) {
        String signingInput = HEADER + "." + encode(claims.toString().getBytes(StandardCharsets.UTF_8));
        return signingInput + "." + encode(mac(signingInput));
    }

    /** Verifies signature and expiry (allowing {@code leeway}) and returns the claims. */
    public JsonObject verify(String token, Duration leeway) throws JwtException {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            throw new JwtException(JwtException.Kind.MALFORMED, "Expected 3 parts in JWT; got " + parts.length);
        }
        JsonObject header = decodeJson(parts[0]);
        if (!header.has("alg") || !"HS256".equals(header.get("alg").getAsString())) {
            throw new JwtException(JwtException.Kind.BAD_SIGNATURE, "Wrong or unsupported encoding algorithm");
        }
        byte[] expected = mac(parts[0] + "." + parts[1]);
        if (!MessageDigest.isEqual(expected, decode(parts[2]))) {
            throw new JwtException(JwtException.Kind.BAD_SIGNATURE, "JWSError JWSInvalidSignature");
        }
        JsonObject claims = decodeJson(parts[1]);
        if (claims.has("exp")) {
            long exp = numberClaim(claims, "exp");
            if (clock.instant().getEpochSecond() > exp + leeway.toSeconds()) {
                throw new JwtException(JwtException.Kind.EXPIRED, "JWT expired");
            }
        }
        return claims;
    }

    private static long numberClaim(JsonObject claims, String name) throws JwtException {
        try {
            return claims.get(name).getAsLong();
        } catch (RuntimeException e) {
            throw new JwtException(JwtException.Kind.MALFORMED, "The JWT '" + name + "' claim is not a number");
        }
    }

    private static JsonObject decodeJson(String part) throws JwtException {
        try {
            return JsonParser.parseString(new String(decode(part), StandardCharsets.UTF_8)).getAsJsonObject();
        } catch (RuntimeException | JwtException e) {
            throw new JwtException(JwtException.Kind.MALFORMED, "JWT cannot be decoded");
        }
    }

    private static byte[] decode(String part) throws JwtException {
        try {
            return Base64.getUrlDecoder().decode(part);
        } catch (IllegalArgumentException e) {
            throw new JwtException(JwtException.Kind.MALFORMED, "JWT cannot be decoded");
        }
    }

    private byte[] mac(String signingInput) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public Clock clock() {
        return clock;
    }
}
