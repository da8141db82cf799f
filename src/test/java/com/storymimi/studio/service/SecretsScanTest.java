package com.storymimi.studio.service;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.read.ListAppender;
import com.storymimi.studio.supabase.SupabaseClient;
import com.storymimi.studio.supabase.SupabaseConfig;
import com.storymimi.studio.supabase.auth.Session;
import com.storymimi.studio.supabase.rest.Filter;
import com.storymimi.studio.supabase.storage.UploadOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The secrets suite (issue #19): a whole editing session against a real sandbox, with successes and failures
 * (a wrong password, a forged token, a refused write, a missing object, an expired session), every logger of the
 * app and the sandbox at TRACE. Every log line, every logged exception with its causes, and every exception the
 * session's callers saw is searched for each key, token and password of the session: none may appear. Signed
 * URLs are handed to the caller by design, so their tokens may appear only there, never in a log line.
 */
class SecretsScanTest {

    @TempDir
    Path dataDir;
    @TempDir
    Path files;

    private final List<String> surfaced = new ArrayList<>();

    @Test
    void aFullSessionLogsAndThrowsNoKeyTokenOrPassword() throws Exception {
        Logger app = (Logger) LoggerFactory.getLogger("com.storymimi");
        Level previous = app.getLevel();
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        app.addAppender(appender);
        app.setLevel(Level.TRACE);
        List<String> secrets = new ArrayList<>();
        try (SandboxFixture fx = SandboxFixture.signedIn(dataDir)) {
            SupabaseClient client = fx.client;
            Session first = client.auth().currentSession().orElseThrow();
            secrets.addAll(List.of(fx.sandbox.anonKey(), fx.sandbox.serviceRoleKey(), fx.sandbox.editorPassword(),
                    first.accessToken(), first.refreshToken()));

            session(fx, client, secrets);
        } finally {
            app.detachAppender(appender);
            app.setLevel(previous);
        }

        assertTrue(appender.list.size() > 20, "the session was logged: " + appender.list.size() + " lines");
        for (ILoggingEvent event : appender.list) {
            String text = event.getFormattedMessage() + "\n" + throwableText(event.getThrowableProxy());
            for (String secret : secrets) {
                assertFalse(text.contains(secret), () -> "a secret in a log line of " + event.getLoggerName() + ": "
                        + event.getFormattedMessage());
            }
        }
        assertTrue(surfaced.size() >= 5, "the session's failures were seen: " + surfaced);
        for (String text : surfaced) {
            for (String secret : secrets) {
                assertFalse(text.contains(secret), () -> "a secret in an exception the caller saw: " + text);
            }
        }
    }

    private void session(SandboxFixture fx, SupabaseClient client, List<String> secrets) throws Exception {
        client.rest().from("stories").select("story_id,title").limit(5).list(Map.class).join();
        Map<?, ?> story = client.rest().from("stories")
                .insert(Map.of("title", "Secret-free story", "prompt", "p")).single(Map.class).join();
        String storyId = (String) story.get("story_id");
        client.rest().from("stories").update(Map.of("title", "Renamed"))
                .filter(Filter.eq("story_id", storyId)).execute().join();
        expectFailure(client.rest().from("stories").select("*").filter(Filter.eq("story_id", "not-a-uuid"))
                .list(Map.class));
        try {
            client.rest().from("stories").delete().execute();
        } catch (IllegalStateException e) {
            surfaced.add(describe(e));
        }

        Path png = files.resolve("scene.png");
        Files.write(png, new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13});
        client.storage().from("story-images").upload(storyId + "/scene.png", png, UploadOptions.defaults()).join();
        URI signed = client.storage().from("story-images").createSignedUrl(storyId + "/scene.png",
                Duration.ofMinutes(5)).join();
        String signedToken = signed.getRawQuery().substring(signed.getRawQuery().indexOf('=') + 1);
        secrets.add(signedToken);
        client.storage().from("story-images").downloadBytes(storyId + "/scene.png").join();
        expectFailure(client.storage().from("story-images").downloadBytes(storyId + "/missing.png"));

        Session refreshed = client.auth().refreshSession().join();
        secrets.addAll(List.of(refreshed.accessToken(), refreshed.refreshToken()));
        expectFailure(client.auth().signInWithPassword(fx.sandbox.editorEmail(), fx.sandbox.editorPassword() + "x"));

        String forged = refreshed.accessToken().substring(0, refreshed.accessToken().lastIndexOf('.') + 1) + "forged";
        secrets.add(forged);
        try (SupabaseClient withForgedKey = SupabaseClient.create(
                new SupabaseConfig(fx.sandbox.baseUrl(), forged, Duration.ofSeconds(5)))) {
            expectFailure(withForgedKey.rest().from("stories").select("*").limit(1).list(Map.class));
        }
        client.auth().signOut().join();
        expectFailure(client.auth().refreshSession());
    }

    private void expectFailure(CompletableFuture<?> call) {
        try {
            call.join();
            surfaced.add("no failure");
        } catch (RuntimeException e) {
            surfaced.add(describe(e));
        }
    }

    /** What a caller could print: every message and toString down the cause chain, with stack frames. */
    private static String describe(Throwable error) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = error; t != null; t = t.getCause()) {
            text.append(t).append('\n');
            for (StackTraceElement frame : t.getStackTrace()) {
                text.append(frame).append('\n');
            }
        }
        return text.toString();
    }

    private static String throwableText(IThrowableProxy proxy) {
        StringBuilder text = new StringBuilder();
        for (IThrowableProxy p = proxy; p != null; p = p.getCause()) {
            text.append(p.getClassName()).append(": ").append(p.getMessage()).append('\n');
            for (StackTraceElementProxy frame : p.getStackTraceElementProxyArray()) {
                text.append(frame.getSTEAsString()).append('\n');
            }
        }
        return text.toString();
    }
}
