package com.storymimi.studio.supabase.testing;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A real HTTP server on 127.0.0.1 and an ephemeral port that records every exchange exactly as it arrived
 * (raw path, raw query, headers, body) and answers with scripted responses in order. An exchange with
 * nothing scripted gets a 599, which no test expects.
 */
public final class ScriptedServer implements AutoCloseable {

    /** One request as the server saw it. */
    public record Recorded(String method, String rawPath, String rawQuery, Headers headers, String body, byte[] bytes) {
        public String header(String name) {
            return headers.getFirst(name);
        }

        public List<String> headerValues(String name) {
            return Optional.ofNullable(headers.get(name)).orElse(List.of());
        }
    }

    /** One scripted answer; {@code delay} holds it back (to provoke client timeouts). */
    public record Scripted(int status, Map<String, String> headers, String body, Duration delay) {
        public static Scripted status(int status) {
            return new Scripted(status, Map.of(), "", Duration.ZERO);
        }

        public static Scripted json(int status, String body) {
            return new Scripted(status, Map.of("Content-Type", "application/json; charset=utf-8"), body, Duration.ZERO);
        }

        public Scripted header(String name, String value) {
            Map<String, String> copy = new LinkedHashMap<>(headers);
            copy.put(name, value);
            return new Scripted(status, copy, body, delay);
        }

        public Scripted delayed(Duration by) {
            return new Scripted(status, headers, body, by);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final ConcurrentLinkedQueue<Scripted> script = new ConcurrentLinkedQueue<>();
    private final List<Recorded> recorded = new CopyOnWriteArrayList<>();

    public ScriptedServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public ScriptedServer enqueue(Scripted... responses) {
        script.addAll(List.of(responses));
        return this;
    }

    public List<Recorded> requests() {
        return new ArrayList<>(recorded);
    }

    public Recorded request(int index) {
        return recorded.get(index);
    }

    /** The only request received; fails when there were none or several. */
    public Recorded onlyRequest() {
        if (recorded.size() != 1) {
            throw new AssertionError("expected exactly one request, got " + recorded.size() + ": " + recorded);
        }
        return recorded.getFirst();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] bytes = exchange.getRequestBody().readAllBytes();
            recorded.add(new Recorded(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    exchange.getRequestURI().getRawQuery(), copy(exchange.getRequestHeaders()),
                    new String(bytes, StandardCharsets.UTF_8), bytes));
            Scripted answer = Optional.ofNullable(script.poll())
                    .orElse(Scripted.json(599, "{\"message\":\"nothing scripted\"}"));
            if (!answer.delay().isZero()) {
                Thread.sleep(answer.delay());
            }
            answer.headers().forEach(exchange.getResponseHeaders()::add);
            byte[] answerBytes = answer.body().getBytes(StandardCharsets.UTF_8);
            boolean noBody = answerBytes.length == 0 || exchange.getRequestMethod().equals("HEAD");
            exchange.sendResponseHeaders(answer.status(), noBody ? -1 : answerBytes.length);
            if (!noBody) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answerBytes);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException clientGaveUp) {
            // the client timed out and closed the connection: nothing left to answer
        }
    }

    private static Headers copy(Headers headers) {
        Headers copy = new Headers();
        headers.forEach((name, values) -> copy.put(name, new ArrayList<>(values)));
        return copy;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
