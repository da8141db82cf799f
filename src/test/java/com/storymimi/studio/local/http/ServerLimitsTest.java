package com.storymimi.studio.local.http;

import com.storymimi.studio.local.SandboxFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Requests no client should send, over raw sockets to a real sandbox: an oversize URL or head gets a 414/431
 * reply (not a reset), a request left half-sent is cut off after the request time limit and its upload's temp
 * file is gone, and no more than {@link ServerLimits#MAX_BODIES_PER_CLIENT} uploads of one client are read at once.
 */
class ServerLimitsTest {

    @TempDir
    static Path dataDir;
    static SandboxFixture fx;
    static int port;

    @BeforeAll
    static void start() {
        fx = new SandboxFixture(dataDir);
        port = fx.sandbox.baseUrl().getPort();
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    /** Sends {@code head} (and nothing more) and returns the status line of the reply. */
    private static String statusLine(byte[] head) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            try {
                socket.getOutputStream().write(head);
            } catch (SocketException e) {
                // the server may answer and close before it has read everything; the reply is still there
            }
            InputStream in = socket.getInputStream();
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c >= 0 && c != '\n'; c = in.read()) {
                line.append((char) c);
            }
            return line.toString().strip();
        }
    }

    private static byte[] get(String target, String extraHeader) {
        return ("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\napikey: " + fx.sandbox.anonKey() + "\r\n"
                + extraHeader + "\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void anOversizeUrlIs414AndOversizeHeadersAre431WithAReply() throws IOException {
        for (int size : new int[]{ServerLimits.MAX_TARGET_CHARS + 1, 740 * 1024, 2 * 1024 * 1024}) {
            assertEquals("HTTP/1.1 414 Request-URI Too Large",
                    statusLine(get("/rest/v1/stories?title=eq." + "a".repeat(size), "")), "URL of " + size);
        }
        for (int size : new int[]{ServerLimits.MAX_HEADER_BYTES + 1, 2 * 1024 * 1024}) {
            assertTrue(statusLine(get("/rest/v1/stories", "X-Big: " + "b".repeat(size) + "\r\n")).startsWith("HTTP/1.1 431"),
                    "header of " + size);
        }
        assertEquals("HTTP/1.1 200 OK", statusLine(get("/auth/v1/health?x=" + "a".repeat(8000), "")),
                "a long but sane URL is served");
    }

    @Test
    void aRequestLeftHalfSentIsCutOffAndItsUploadLeavesNoTempFile() throws Exception {
        long limitMillis = ServerLimits.requestSeconds() * 1000;
        try (Socket head = new Socket("127.0.0.1", port); Socket body = stalledUpload("stall/a.png")) {
            head.getOutputStream().write("GET /auth/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n".getBytes(StandardCharsets.ISO_8859_1));
            Thread.sleep(1000);
            assertEquals(1, tempFiles(), "the stalled upload is being received into a temp file");

            long start = System.nanoTime();
            assertClosedByServer(head, limitMillis + 5000);
            assertClosedByServer(body, limitMillis + 5000);
            long waited = (System.nanoTime() - start) / 1_000_000;
            assertTrue(waited < limitMillis + 5000, "closed after " + waited + " ms");
        }
        for (int i = 0; i < 50 && tempFiles() > 0; i++) {
            Thread.sleep(100);
        }
        assertEquals(0, tempFiles(), "the temp file of the cut-off upload is deleted");
    }

    private static void assertClosedByServer(Socket socket, long withinMillis) throws IOException {
        socket.setSoTimeout((int) withinMillis);
        InputStream in = socket.getInputStream();
        try {
            byte[] rest = in.readAllBytes();
            assertTrue(rest.length == 0 || new String(rest, StandardCharsets.ISO_8859_1).startsWith("HTTP/1.1 "),
                    "closed, at most with an error reply");
        } catch (SocketException e) {
            // reset by the server: closed too
        }
    }

    private static long tempFiles() throws IOException {
        Path temp = dataDir.resolve("objects").resolve(".tmp");
        try (Stream<Path> files = Files.list(temp)) {
            return files.count();
        }
    }

    @Test
    void stalledUploadsBeyondTheCapWaitWithoutATempFile() throws Exception {
        List<Socket> open = new ArrayList<>();
        try {
            for (int i = 0; i < ServerLimits.MAX_BODIES_PER_CLIENT + 4; i++) {
                open.add(stalledUpload("cap/" + i + ".png"));
            }
            waitUntilAllAreBeingServed();
            assertEquals(ServerLimits.MAX_BODIES_PER_CLIENT, tempFiles(), "only so many bodies are read at once");
            assertEquals("HTTP/1.1 200 OK", statusLine(get("/auth/v1/health", "")), "bodyless requests are never held back");
        } finally {
            for (Socket socket : open) {
                socket.close();
            }
        }
        for (int i = 0; i < 50 && tempFiles() > 0; i++) {
            Thread.sleep(100);
        }
        assertEquals(0, tempFiles(), "an upload whose client went away leaves no temp file");
    }

    /** An upload that announces 1 MB, sends 4 KiB and then nothing. */
    private static Socket stalledUpload(String key) throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        OutputStream upload = socket.getOutputStream();
        upload.write(("POST /storage/v1/object/story-images/" + key + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "apikey: " + fx.sandbox.serviceRoleKey() + "\r\nAuthorization: Bearer " + fx.sandbox.serviceRoleKey()
                + "\r\nContent-Type: image/png\r\nContent-Length: 1000000\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        upload.write(new byte[4096]);
        upload.flush();
        return socket;
    }

    /** The server takes a body slot when it dispatches; give the connections a moment to get there. */
    private static void waitUntilAllAreBeingServed() {
        try {
            Thread.sleep(1500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
