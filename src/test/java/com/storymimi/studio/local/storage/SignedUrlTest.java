package com.storymimi.studio.local.storage;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.storymimi.studio.local.SandboxFixture;
import com.storymimi.studio.local.storage.StorageClient.As;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;

import static com.storymimi.studio.local.storage.StorageClient.assertStorageError;
import static com.storymimi.studio.local.storage.StorageClient.body;
import static com.storymimi.studio.local.storage.StorageClient.object;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Signed download and upload URLs: use without Authorization, expiry, tampering, scopes. */
class SignedUrlTest {

    private static final byte[] SECRET = "only for signed eyes".getBytes(StandardCharsets.UTF_8);

    @TempDir
    static Path dataDir;
    static SandboxFixture fx;
    static StorageClient storage;

    @BeforeAll
    static void start() {
        fx = new SandboxFixture(dataDir);
        storage = new StorageClient(fx);
        storage.createBucket("{\"name\":\"vault\"}");
        assertEquals(200, storage.upload(As.EDITOR, "vault/docs/s%201.txt", SECRET, "text/plain").statusCode());
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    private static String signedUrl(String key, int expiresIn) {
        HttpResponse<byte[]> signed = storage.json(As.EDITOR, "POST", "/object/sign/vault/" + key,
                "{\"expiresIn\":" + expiresIn + "}");
        assertEquals(200, signed.statusCode(), StorageClient.text(signed));
        return object(signed).get("signedURL").getAsString();
    }

    private static JsonObject claims(String url) {
        String token = url.substring(url.indexOf("token=") + 6);
        return JsonParser.parseString(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]),
                StandardCharsets.UTF_8)).getAsJsonObject();
    }

    @Test
    void aSignedDownloadUrlWorksWithoutAnyKeyAndCarriesTheObjectAndScope() {
        String url = signedUrl("docs/s%201.txt", 60);

        HttpResponse<byte[]> download = storage.send(As.NOBODY, "GET", url, null);

        assertTrue(url.startsWith("/object/sign/vault/docs/s%201.txt?token="), url);
        assertEquals(200, download.statusCode(), StorageClient.text(download));
        assertArrayEquals(SECRET, download.body());
        JsonObject claims = claims(url);
        assertEquals("vault/docs/s 1.txt", claims.get("url").getAsString());
        assertEquals("download", claims.get("scope").getAsString());
        assertEquals(60, claims.get("exp").getAsLong() - claims.get("iat").getAsLong());
    }

    @Test
    void anExpiredTokenIsInvalidJwt() throws InterruptedException {
        String url = signedUrl("docs/s%201.txt", 1);

        Thread.sleep(2100);
        HttpResponse<byte[]> download = storage.send(As.NOBODY, "GET", url, null);

        assertStorageError(download, "400", "InvalidJWT", "InvalidJWT", "\"exp\" claim timestamp check failed");
    }

    @Test
    void aTamperedTokenIsInvalidJwtAndATokenForAnotherObjectIsRefused() {
        String url = signedUrl("docs/s%201.txt", 60);
        String token = url.substring(url.indexOf("token=") + 6);
        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"url\":\"vault/other.txt\",\"scope\":\"download\",\"iat\":1,\"exp\":9999999999}"
                        .getBytes(StandardCharsets.UTF_8)) + "." + parts[2];

        HttpResponse<byte[]> tampered = storage.send(As.NOBODY, "GET", "/object/sign/vault/other.txt?token=" + forged, null);
        HttpResponse<byte[]> elsewhere = storage.send(As.NOBODY, "GET", "/object/sign/vault/other.txt?token=" + token, null);

        assertStorageError(tampered, "400", "InvalidJWT", "InvalidJWT", "signature verification failed");
        assertStorageError(elsewhere, "400", "InvalidSignature", "InvalidSignature", "Invalid signature");
    }

    @Test
    void signingNeedsAnExistingObjectAndAReader() {
        assertStorageError(storage.json(As.EDITOR, "POST", "/object/sign/vault/missing.txt", "{\"expiresIn\":60}"),
                "404", "NoSuchKey", "not_found", "Object not found");
        assertStorageError(storage.json(As.ANON, "POST", "/object/sign/vault/docs/s%201.txt", "{\"expiresIn\":60}"),
                "404", "NoSuchKey", "not_found", "Object not found");
        assertStorageError(storage.json(As.EDITOR, "POST", "/object/sign/vault/docs/s%201.txt", "{\"expiresIn\":0}"),
                "400", "InvalidRequest", "Bad Request", "body/expiresIn must be >= 1");
    }

    @Test
    void batchSigningAnswersEachPathInOrder() {
        HttpResponse<byte[]> response = storage.json(As.EDITOR, "POST", "/object/sign/vault",
                "{\"expiresIn\":60,\"paths\":[\"docs/s 1.txt\",\"nope.txt\"]}");

        JsonArray entries = body(response).getAsJsonArray();
        assertEquals(200, response.statusCode());
        JsonObject found = entries.get(0).getAsJsonObject();
        JsonObject missing = entries.get(1).getAsJsonObject();
        assertTrue(found.get("error").isJsonNull());
        assertEquals("docs/s 1.txt", found.get("path").getAsString());
        assertArrayEquals(SECRET, storage.send(As.NOBODY, "GET", found.get("signedURL").getAsString(), null).body());
        assertEquals("Either the object does not exist or you do not have access to it", missing.get("error").getAsString());
        assertTrue(missing.get("signedURL").isJsonNull());
    }

    @Test
    void aSignedUploadUrlTakesOneUploadWithoutAuthorizationAndScopesDoNotMix() {
        HttpResponse<byte[]> signed = storage.send(As.EDITOR, "POST", "/object/upload/sign/vault/in/new.txt", null);
        String url = object(signed).get("url").getAsString();
        String downloadUrl = signedUrl("docs/s%201.txt", 60);
        String downloadToken = downloadUrl.substring(downloadUrl.indexOf("token=") + 6);

        HttpResponse<byte[]> uploaded = storage.send(As.NOBODY, "PUT", url, "fresh".getBytes(), "Content-Type", "text/plain");
        HttpResponse<byte[]> secondTime = storage.send(As.NOBODY, "PUT", url, "again".getBytes(), "Content-Type", "text/plain");
        HttpResponse<byte[]> withDownloadToken = storage.send(As.NOBODY, "PUT",
                "/object/upload/sign/vault/docs/s%201.txt?token=" + downloadToken, "x".getBytes(), "Content-Type", "text/plain");
        HttpResponse<byte[]> uploadTokenForDownload = storage.send(As.NOBODY, "GET",
                "/object/sign/vault/in/new.txt?token=" + object(signed).get("token").getAsString(), null);

        assertEquals(200, uploaded.statusCode(), StorageClient.text(uploaded));
        assertEquals("{\"Key\":\"vault/in/new.txt\"}", StorageClient.text(uploaded));
        assertArrayEquals("fresh".getBytes(), storage.send(As.EDITOR, "GET", "/object/vault/in/new.txt", null).body());
        assertStorageError(secondTime, "409", "KeyAlreadyExists", "Duplicate", null);
        assertEquals("InvalidJWT", object(withDownloadToken).get("code").getAsString());
        assertEquals("InvalidJWT", object(uploadTokenForDownload).get("code").getAsString());
        assertStorageError(storage.send(As.ANON, "POST", "/object/upload/sign/vault/in/anon.txt", null),
                "403", "AccessDenied", "Unauthorized", "new row violates row-level security policy");
    }
}
