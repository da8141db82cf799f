package com.storymimi.studio.local.http;

import com.sun.net.httpserver.HttpExchange;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * What one request may cost the sandbox, and the one place that tells the JDK HttpServer so.
 * <ul>
 *   <li>Time: a request must arrive whole (head and body) within {@link #requestSeconds()} (60 s; the sandbox
 *   serves loopback only, where a 50 MiB upload takes well under a second). Past it the JDK closes the
 *   connection; the handler's blocked read fails and the upload's temp file is deleted. This also ends
 *   requests sent half-way and left open (slowloris).</li>
 *   <li>Size: a request target longer than {@link #MAX_TARGET_CHARS} is 414 and header fields over
 *   {@link #MAX_HEADER_BYTES} are 431, each with a JSON reply. The JDK must read a head to answer it, so its own
 *   cap is raised to {@link #HARD_HEAD_CAP}; only past that does it close the connection without a reply.</li>
 *   <li>Uploads: at most {@link #MAX_BODIES_PER_CLIENT} requests with a body are read at once per client
 *   address; the next waits for a slot (its body stays in the socket, no temp file), and is 429 when none frees
 *   within the request time. A client sending 2500 small files at once is served in turn; 300 stalled uploads
 *   hold 32 temp files, not 300, until the time limit ends them.</li>
 * </ul>
 * The JDK reads its properties once, when the first server is created: {@link #apply()} runs before that
 * (LocalSandbox's static initialiser) and never overrides a value set on the command line.
 */
public final class ServerLimits {

    public static final int MAX_TARGET_CHARS = 64 * 1024;
    public static final int MAX_HEADER_BYTES = 64 * 1024;
    public static final int HARD_HEAD_CAP = 8 * 1024 * 1024;
    public static final int MAX_BODIES_PER_CLIENT = 32;
    /** Overrides the request time limit (seconds); the test suite sets it low to watch a stall end. */
    public static final String REQUEST_SECONDS_PROPERTY = "storymimi.sandbox.maxRequestSeconds";
    private static final long DEFAULT_REQUEST_SECONDS = 60;
    // the JDK counts name + value + 32 bytes per field line towards its cap
    private static final int FIELD_OVERHEAD = 32;

    private final Map<InetAddress, Semaphore> bodySlots = new ConcurrentHashMap<>();

    /** Sets the JDK HttpServer's properties (request time, head size, TCP_NODELAY) unless already set. */
    public static void apply() {
        // The JDK HttpServer leaves Nagle on: a response written in two pieces then waits ~40 ms for the
        // client's delayed ACK.
        setIfAbsent("sun.net.httpserver.nodelay", "true");
        setIfAbsent("sun.net.httpserver.maxReqTime", Long.toString(requestSeconds()));
        setIfAbsent("sun.net.httpserver.maxReqHeaderSize", Integer.toString(HARD_HEAD_CAP));
    }

    public static long requestSeconds() {
        return Long.getLong(REQUEST_SECONDS_PROPERTY, DEFAULT_REQUEST_SECONDS);
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    /** 414 or 431 for a head past the limits, else empty. */
    Optional<Response> refuseHead(HttpExchange exchange) {
        String target = exchange.getRequestURI().getRawPath();
        String query = exchange.getRequestURI().getRawQuery();
        if (target.length() + (query == null ? 0 : query.length() + 1) > MAX_TARGET_CHARS) {
            return Optional.of(Response.json(414, "{\"message\":\"The request URL is longer than the local sandbox "
                    + "accepts (" + MAX_TARGET_CHARS / 1024 + " KiB): send fewer or shorter filters\"}"));
        }
        long headerBytes = 0;
        for (Map.Entry<String, List<String>> field : exchange.getRequestHeaders().entrySet()) {
            for (String value : field.getValue()) {
                headerBytes += field.getKey().length() + value.length() + FIELD_OVERHEAD;
            }
        }
        if (headerBytes > MAX_HEADER_BYTES) {
            return Optional.of(Response.json(431, "{\"message\":\"The request headers are larger than the local "
                    + "sandbox accepts (" + MAX_HEADER_BYTES / 1024 + " KiB)\"}"));
        }
        return Optional.empty();
    }

    /**
     * Takes a body slot for the exchange's client when the request has a body, waiting up to the request time
     * for one; empty when none freed. Close the returned slot when the exchange ends.
     */
    Optional<Slot> bodySlot(HttpExchange exchange) throws InterruptedException {
        boolean hasBody = exchange.getRequestHeaders().containsKey("Transfer-encoding")
                || !"0".equals(Optional.ofNullable(exchange.getRequestHeaders().getFirst("Content-length")).orElse("0"));
        if (!hasBody) {
            return Optional.<Slot>of(() -> { });
        }
        Semaphore slots = bodySlots.computeIfAbsent(exchange.getRemoteAddress().getAddress(),
                client -> new Semaphore(MAX_BODIES_PER_CLIENT, true));
        if (!slots.tryAcquire(requestSeconds(), TimeUnit.SECONDS)) {
            return Optional.empty();
        }
        return Optional.<Slot>of(slots::release);
    }

    static Response tooManyBodies() {
        return Response.json(429, "{\"message\":\"Too many uploads at once from this client (at most "
                + MAX_BODIES_PER_CLIENT + " are read at a time): try again when the others are done\"}")
                .header("Retry-After", "1");
    }

    /** A held body slot; closing it frees the slot. */
    @FunctionalInterface
    interface Slot extends AutoCloseable {
        @Override
        void close();
    }
}
