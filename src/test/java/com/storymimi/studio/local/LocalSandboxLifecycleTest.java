package com.storymimi.studio.local;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LocalSandboxLifecycleTest {

    @TempDir
    Path dataDir;

    @Test
    void firstRunSeedsDemoDataWithMediaInEveryStatus() {
        try (LocalSandbox sandbox = LocalSandbox.start(new SandboxOptions(dataDir, 0, true))) {
            SandboxHttp http = new SandboxHttp(sandbox.baseUrl());
            String key = sandbox.serviceRoleKey();

            HttpResponse<String> users = http.send("HEAD", "/rest/v1/users", null, "apikey", key, "Prefer", "count=exact");
            HttpResponse<String> stories = http.send("GET", "/rest/v1/stories?select=status", null, "apikey", key);
            HttpResponse<String> scenes = http.send("GET", "/rest/v1/scenes?select=image_url,audio_url&limit=1000",
                    null, "apikey", key);

            assertEquals("*/6", users.headers().firstValue("Content-Range").orElseThrow().replaceFirst("^0-5", "*"));
            JsonArray storyRows = JsonParser.parseString(stories.body()).getAsJsonArray();
            assertEquals(30, storyRows.size());
            Set<String> statuses = new HashSet<>();
            storyRows.forEach(s -> statuses.add(s.getAsJsonObject().get("status").getAsString()));
            assertEquals(Set.of("PENDING", "GENERATING", "COMPLETED", "ERROR"), statuses);
            JsonArray sceneRows = JsonParser.parseString(scenes.body()).getAsJsonArray();
            assertTrue(sceneRows.size() >= 30, "completed stories have 3-6 scenes each");
            String imageUrl = sceneRows.get(0).getAsJsonObject().get("image_url").getAsString();
            assertTrue(imageUrl.startsWith(sandbox.baseUrl() + "/storage/v1/object/public/story-images/"));

            HttpResponse<byte[]> png = http.sendBytes("GET", imageUrl.substring(sandbox.baseUrl().toString().length()), null);
            assertEquals(200, png.statusCode());
            assertEquals("image/png", png.headers().firstValue("Content-Type").orElseThrow());
            assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, java.util.Arrays.copyOf(png.body(), 4));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void restartOnTheSameDataDirectoryKeepsDataKeysAndPort() throws Exception {
        String anonKey;
        String serviceKey;
        String password;
        int port;
        try (LocalSandbox first = LocalSandbox.start(new SandboxOptions(dataDir, 0, false))) {
            anonKey = first.anonKey();
            serviceKey = first.serviceRoleKey();
            password = first.editorPassword();
            port = first.baseUrl().getPort();
            HttpResponse<String> insert = new SandboxHttp(first.baseUrl()).send("POST", "/rest/v1/users",
                    "{\"username\":\"kept\",\"email\":\"kept@example.com\"}", "apikey", serviceKey,
                    "Content-Type", "application/json");
            assertEquals(201, insert.statusCode());
        }

        try (LocalSandbox second = LocalSandbox.start(new SandboxOptions(dataDir, 0, false))) {
            assertEquals(anonKey, second.anonKey());
            assertEquals(serviceKey, second.serviceRoleKey());
            assertEquals(password, second.editorPassword());
            assertEquals(port, second.baseUrl().getPort(), "the remembered port is tried first");
            HttpResponse<String> read = new SandboxHttp(second.baseUrl()).send("GET",
                    "/rest/v1/users?email=eq.kept@example.com&select=username", null, "apikey", serviceKey);
            assertEquals("[{\"username\":\"kept\"}]", read.body());
        }
    }

    @Test
    void bindsLoopbackAndKeepsTheWorkspaceReadableByItsOwnerOnly() throws Exception {
        try (LocalSandbox sandbox = LocalSandbox.start(new SandboxOptions(dataDir, 0, false))) {
            assertEquals("127.0.0.1", sandbox.baseUrl().getHost(), "the sandbox is reachable from this machine only");
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(dataDir.resolve("workspace.json"));

            assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE), permissions);
            assertTrue(Files.isRegularFile(dataDir.resolve("sandbox.db")));
            assertTrue(Files.isDirectory(dataDir.resolve("objects")));
        }
    }

    @Test
    void serveCommandPrintsConnectionDetailsAndStopsWhenAsked() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        CountDownLatch stopAtOnce = new CountDownLatch(0);

        int exit = SandboxServeCommand.run(dataDir, 0, new PrintStream(printed, true, StandardCharsets.UTF_8),
                stopAtOnce);

        String text = printed.toString(StandardCharsets.UTF_8);
        assertEquals(0, exit);
        assertTrue(text.contains("URL:              http://127.0.0.1:"), text);
        assertTrue(text.contains("editor e-mail:    editor@storymimi.local"), text);
        assertTrue(text.contains("anon key:         ey"), text);
        assertTrue(text.contains("Local sandbox stopped."), text);
        assertFalse(text.contains("null"), text);
    }

    @Test
    void serveCommandTakesTheGlobalObjectLimitFromItsSystemProperty() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setProperty(SandboxServeCommand.MAX_OBJECT_MB_PROPERTY, "256");
        try {
            int exit = SandboxServeCommand.run(dataDir, 0, new PrintStream(printed, true, StandardCharsets.UTF_8),
                    new CountDownLatch(0));

            assertEquals(0, exit);
            assertTrue(printed.toString(StandardCharsets.UTF_8).contains("max object size:  256 MiB"), printed::toString);
        } finally {
            System.clearProperty(SandboxServeCommand.MAX_OBJECT_MB_PROPERTY);
        }
    }

    @Test
    void serveCommandRefusesAnObjectLimitThatIsNotAPositiveNumberOfMiB() {
        assertEquals(SandboxOptions.DEFAULT_MAX_OBJECT_BYTES, SandboxServeCommand.maxObjectBytes(null));
        assertEquals(200L * 1024 * 1024, SandboxServeCommand.maxObjectBytes(" 200 "));
        for (String bad : new String[] {"0", "-5", "1.5", "lots"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> SandboxServeCommand.maxObjectBytes(bad));
            assertTrue(e.getMessage().contains(SandboxServeCommand.MAX_OBJECT_MB_PROPERTY), e.getMessage());
        }
    }
}
