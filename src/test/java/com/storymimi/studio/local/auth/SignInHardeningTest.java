package com.storymimi.studio.local.auth;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.storymimi.studio.local.SandboxFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Password sign-in under attack: case-blind e-mail, GoTrue's 429 past the failure limits, 413 past 1 MiB. */
class SignInHardeningTest {

    @TempDir
    Path dataDir;
    SandboxFixture fx;

    @BeforeEach
    void start() {
        fx = new SandboxFixture(dataDir);
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    private HttpResponse<String> signIn(String email, String password) {
        JsonObject body = new JsonObject();
        body.addProperty("email", email);
        body.addProperty("password", password);
        return fx.http.send("POST", "/auth/v1/token?grant_type=password", body.toString(),
                "apikey", fx.sandbox.anonKey(), "Content-Type", "application/json");
    }

    @Test
    void theEmailIsMatchedWithoutRegardToCase() {
        String shouted = fx.sandbox.editorEmail().toUpperCase(Locale.ROOT);

        HttpResponse<String> response = signIn("  " + shouted + " ", fx.sandbox.editorPassword());

        assertEquals(200, response.statusCode(), response.body());
        assertEquals(fx.sandbox.editorEmail(), JsonParser.parseString(response.body()).getAsJsonObject()
                .getAsJsonObject("user").get("email").getAsString());
    }

    @Test
    void tenWrongPasswordsLockTheEmailEvenForTheRightOneButNotOthers() {
        String email = fx.sandbox.editorEmail();
        for (int i = 0; i < SignInLimiter.FAILURES_PER_EMAIL; i++) {
            assertEquals(400, signIn(i % 2 == 0 ? email : email.toUpperCase(Locale.ROOT), "guess " + i).statusCode());
        }

        HttpResponse<String> right = signIn(email, fx.sandbox.editorPassword());
        HttpResponse<String> other = signIn("someone@else.test", "x");

        assertEquals(429, right.statusCode());
        assertEquals("{\"code\":429,\"error_code\":\"over_request_rate_limit\",\"msg\":\"Request rate limit reached\"}",
                right.body());
        assertEquals("over_request_rate_limit", right.headers().firstValue("x-sb-error-code").orElse(null));
        assertEquals(400, other.statusCode(), "another e-mail is not locked by this one's failures");
    }

    @Test
    void thirtyFailuresFromOneAddressLockItForEveryEmail() {
        for (int i = 0; i < SignInLimiter.FAILURES_PER_ADDRESS; i++) {
            assertEquals(400, signIn("guess" + i + "@example.test", "x").statusCode());
        }

        assertEquals(429, signIn(fx.sandbox.editorEmail(), fx.sandbox.editorPassword()).statusCode());
    }

    @Test
    void theLimitMovesOnWithItsWindow() {
        MutableClock clock = new MutableClock();
        SignInLimiter limiter = new SignInLimiter(clock);
        InetAddress address = InetAddress.getLoopbackAddress();
        for (int i = 0; i < SignInLimiter.FAILURES_PER_EMAIL; i++) {
            limiter.failed("a@b.test", address);
        }

        AuthException locked = assertThrows(AuthException.class, () -> limiter.check("A@B.test", address));
        clock.now = clock.now.plus(SignInLimiter.WINDOW).plusSeconds(1);
        limiter.check("a@b.test", address);

        assertEquals("over_request_rate_limit", locked.errorCode());
    }

    @Test
    void aBodyOverOneMebibyteIs413WithoutWaitingForTheRest() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", fx.sandbox.baseUrl().getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /auth/v1/token?grant_type=password HTTP/1.1\r\nHost: 127.0.0.1\r\napikey: "
                    + fx.sandbox.anonKey() + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            byte[] chunk = new byte[64 * 1024];
            java.util.Arrays.fill(chunk, (byte) ' ');
            for (int i = 0; i < 17; i++) { // 1.06 MiB, and the body never ends
                out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.write(chunk);
                out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
            }
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c >= 0 && c != '\n'; c = in.read()) {
                line.append((char) c);
            }
            assertTrue(line.toString().startsWith("HTTP/1.1 413"), line.toString());
        }
    }

    /** A clock the test moves by hand. */
    private static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-12-07T12:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
