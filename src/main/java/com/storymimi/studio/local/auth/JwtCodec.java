package com.storymimi.studio.local.auth;

import com.google.gson.JsonElement;
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
        long now = clock.instant().getEpochSecond();
        // PostgREST's JOSE library decodes exp, nbf, iat in that order and refuses a non-number before it checks
        // any time; a null claim is an absent one.
        Double exp = numericDate(claims, "exp");
        Double nbf = numericDate(claims, "nbf");
        Double iat = numericDate(claims, "iat");
        if (exp != null && now > exp + leeway.toSeconds()) {
            throw new JwtException(JwtException.Kind.EXPIRED, "JWT expired");
        }
        if (nbf != null && nbf > now + leeway.toSeconds()) {
            throw new JwtException(JwtException.Kind.NOT_YET_VALID, "JWTNotYetValid");
        }
        if (iat != null && iat > now + leeway.toSeconds()) {
            throw new JwtException(JwtException.Kind.NOT_YET_VALID, "JWTIssuedAtFuture");
        }
        return claims;
    }

    /** A NumericDate claim: absent or null is null, a JSON number is its value, anything else is refused. */
    private static Double numericDate(JsonObject claims, String name) throws JwtException {
        JsonElement value = claims.get(name);
        if (value == null || value.isJsonNull()) {
            return null;
        }
        if (value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber()) {
            return value.getAsDouble();
        }
        String found = value.isJsonObject() ? "Object" : value.isJsonArray() ? "Array"
                : value.getAsJsonPrimitive().isBoolean() ? "Boolean" : "String";
        throw new JwtException(JwtException.Kind.MALFORMED, "JWTClaimsSetDecodeError \"Error in $." + name
                + ": parsing NumericDate failed, expected Number, but encountered " + found + "\"");
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
