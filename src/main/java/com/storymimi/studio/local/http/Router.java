package com.storymimi.studio.local.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The root handler: a route table of mount points, one error mapping for every group (an
 * {@link ApiException} renders itself; anything else is a logged 500), and the one place that writes
 * responses to the wire.
 */
public final class Router implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(Router.class);

    private final Map<String, RouteGroup> mounts = new LinkedHashMap<>();
    private final ServerLimits limits = new ServerLimits();

    public Router mount(String prefix, RouteGroup group) {
        mounts.put(prefix, group);
        return this;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Optional<Response> refused = limits.refuseHead(exchange);
            if (refused.isPresent()) {
                send(exchange, refused.get(), false);
                return;
            }
            Optional<ServerLimits.Slot> slot = bodySlot(exchange);
            if (slot.isEmpty()) {
                send(exchange, ServerLimits.tooManyBodies(), false);
                return;
            }
            try (ServerLimits.Slot held = slot.get()) {
                Response response = dispatch(exchange);
                // a 413 left the body unread: close the connection rather than read what was refused
                send(exchange, response, response.status() != 413);
            }
        } catch (IOException e) {
            LOG.debug("Client went away during {} {}", exchange.getRequestMethod(), exchange.getRequestURI().getRawPath());
        }
    }

    private Optional<ServerLimits.Slot> bodySlot(HttpExchange exchange) {
        try {
            return limits.bodySlot(exchange);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private Response dispatch(HttpExchange exchange) {
        String rawPath = exchange.getRequestURI().getRawPath();
        try {
            for (Map.Entry<String, RouteGroup> mount : mounts.entrySet()) {
                String prefix = mount.getKey();
                if (rawPath.equals(prefix) || rawPath.startsWith(prefix + "/")) {
                    Request request = new Request(exchange.getRequestMethod(), rawPath.substring(prefix.length()),
                            QueryStrings.parse(exchange.getRequestURI().getRawQuery()),
                            exchange.getRequestHeaders(), exchange.getRequestBody(),
                            exchange.getRemoteAddress().getAddress());
                    return mount.getValue().handle(request);
                }
            }
            return Response.json(404, "{\"message\":\"no Route matched with those values\"}");
        } catch (ApiException e) {
            return e.toResponse();
        } catch (Exception | StackOverflowError e) {
            // a stack overflow is caught too: it must cost the caller a reply, not the connection
            LOG.error("Unexpected error serving {} {}", exchange.getRequestMethod(), rawPath, e);
            return Response.json(500, "{\"message\":\"An unexpected error occurred in the local sandbox\"}");
        }
    }

    /**
     * Writes the response. {@code drain}: read the rest of the request body first so the connection can be
     * reused; a refused request is not drained, the JDK closes its connection instead.
     */
    private static void send(HttpExchange exchange, Response response, boolean drain) throws IOException {
        response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        if (drain) {
            drain(exchange.getRequestBody());
        } else {
            exchange.getResponseHeaders().set("Connection", "close");
        }
        long length = response.contentLength();
        boolean head = exchange.getRequestMethod().equals("HEAD");
        if (head || length < 0 || response.status() == 204 || response.status() == 304) {
            if (length >= 0 && head) {
                exchange.getResponseHeaders().set("Content-Length", Long.toString(length));
            }
            exchange.sendResponseHeaders(response.status(), -1);
            return;
        }
        exchange.sendResponseHeaders(response.status(), length == 0 ? -1 : length);
        if (length == 0) {
            return;
        }
        try (OutputStream out = exchange.getResponseBody()) {
            if (response.body() != null) {
                out.write(response.body());
            } else {
                try (FileChannel channel = FileChannel.open(response.file(), StandardOpenOption.READ)) {
                    channel.transferTo(response.fileOffset(), length, Channels.newChannel(out));
                }
            }
        }
    }

    private static void drain(InputStream body) {
        try (body) {
            body.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            LOG.debug("Could not drain a request body", e);
        }
    }
}
