package com.storymimi.studio.contract;

import java.net.http.HttpResponse;
import java.util.List;

import static com.storymimi.studio.contract.Check.error;
import static com.storymimi.studio.contract.Check.header;
import static com.storymimi.studio.contract.Check.status;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Bearer tokens: expired, badly signed, undecodable, unknown role, and the accepted audience claim. */
class JwtContractTest {

    @ContractTest
    void expiredTokenIs401Pgrst301(Backends.Lazy backend) {
        Backend b = backend.get();
        HttpResponse<String> response = b.send(b.signed("{\"role\":\"authenticated\",\"exp\":1700000000}"), "GET",
                "/users", null);
        error(401, "PGRST301", "JWT expired", null, null, response);
        assertEquals("Bearer error=\"invalid_token\", error_description=\"JWT expired\"", header(response, "WWW-Authenticate"));
    }

    @ContractTest
    void badSignatureAndGarbageAre401(Backends.Lazy backend) {
        Backend b = backend.get();
        String forged = Backend.sign("{\"role\":\"service_role\",\"exp\":1983812996}",
                "another-secret-that-is-also-at-least-32-chars".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        HttpResponse<String> wrongSecret = b.send(new Backend.Caller(forged), "GET", "/users", null);
        HttpResponse<String> garbage = b.send(new Backend.Caller("abc"), "GET", "/users", null);

        error(401, "PGRST301", "JWSError JWSInvalidSignature", null, null, wrongSecret);
        assertEquals("Bearer error=\"invalid_token\", error_description=\"JWSError JWSInvalidSignature\"",
                header(wrongSecret, "WWW-Authenticate"));
        error(401, "PGRST301", "JWSError (CompactDecodeError Invalid number of parts: Expected 3 parts; got 1)", null,
                null, garbage);
    }

    @ContractTest
    void unknownRoleIs400AndAudienceIsAccepted(Backends.Lazy backend) {
        Backend b = backend.get();
        error(400, "22023", "role \"nobody\" does not exist", null, null,
                b.send(b.signed("{\"role\":\"nobody\",\"exp\":1983812996}"), "GET", "/users", null));
        status(200, b.send(b.signed("{\"role\":\"authenticated\",\"aud\":\"authenticated\",\"exp\":1983812996}"),
                "GET", "/users?limit=1", null));
    }

    @ContractTest
    void timeClaimsMustBeNumbersAndNotInTheFuture(Backends.Lazy backend) {
        Backend b = backend.get();
        String now = Long.toString(java.time.Instant.now().getEpochSecond());
        String later = Long.toString(java.time.Instant.now().getEpochSecond() + 3600);
        for (String claim : List.of("exp", "nbf", "iat")) {
            String claims = "{\"role\":\"authenticated\"," + (claim.equals("exp") ? "" : "\"exp\":1983812996,")
                    + "\"" + claim + "\":\"9999999999\"}";
            error(401, "PGRST301", "JWTClaimsSetDecodeError \"Error in $." + claim
                            + ": parsing NumericDate failed, expected Number, but encountered String\"", null, null,
                    b.send(b.signed(claims), "GET", "/users", null));
        }
        error(401, "PGRST301", "JWTNotYetValid", null, null, b.send(b.signed(
                "{\"role\":\"authenticated\",\"exp\":1983812996,\"nbf\":" + later + "}"), "GET", "/users", null));
        error(401, "PGRST301", "JWTIssuedAtFuture", null, null, b.send(b.signed(
                "{\"role\":\"authenticated\",\"exp\":1983812996,\"iat\":" + later + "}"), "GET", "/users", null));
        error(401, "PGRST301", "JWT expired", null, null,
                b.send(b.signed("{\"role\":\"authenticated\",\"exp\":1700000000.5}"), "GET", "/users", null));
        status(200, b.send(b.signed("{\"role\":\"authenticated\",\"exp\":null,\"nbf\":" + now + ",\"iat\":" + now
                + "}"), "GET", "/users?limit=1", null));
    }
}
