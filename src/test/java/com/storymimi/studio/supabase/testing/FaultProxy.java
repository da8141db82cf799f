package com.storymimi.studio.supabase.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A TCP relay between the client and a {@link ScriptedServer} that misbehaves on purpose, one fault per
 * accepted connection (then {@link Fault#PASS}): cut the connection once the server has answered (so the
 * server did the work but the client never hears of it), answer 503 itself, or stall without answering.
 */
public final class FaultProxy implements AutoCloseable {

    public enum Fault { PASS, CUT_RESPONSE, ANSWER_503, STALL }

    private final ServerSocket listener;
    private final int upstreamPort;
    private final Supplier<Fault> otherwise;
    private final ConcurrentLinkedQueue<Fault> faults = new ConcurrentLinkedQueue<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final CountDownLatch stalledRequestArrived = new CountDownLatch(1);
    private final CountDownLatch stalledClientLeft = new CountDownLatch(1);

    public FaultProxy(ScriptedServer upstream) throws IOException {
        this(upstream.uri().getPort(), null);
    }

    /**
     * A relay to any local server that draws each connection's fault from {@code otherwise} once the injected
     * ones are used up, and closes every connection after one exchange ({@code Connection: close} in the request
     * and in the response), so every request the client sends meets a fault of its own.
     */
    public FaultProxy(int upstreamPort, Supplier<Fault> otherwise) throws IOException {
        this.upstreamPort = upstreamPort;
        this.otherwise = otherwise;
        this.listener = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(this::acceptLoop);
    }

    /**
     * Faults for 30% of requests, drawn from {@code seed}: 13% the answer cut after the server did the work, 13% a
     * 503, 4% no answer at all. Each fault drawn is counted in {@code injected}.
     */
    public static Supplier<Fault> thirtyPercent(long seed, AtomicInteger injected) {
        java.util.Random random = new java.util.Random(seed);
        return () -> {
            int roll = random.nextInt(100);
            Fault fault = roll < 13 ? Fault.CUT_RESPONSE : roll < 26 ? Fault.ANSWER_503 : roll < 30 ? Fault.STALL
                    : Fault.PASS;
            if (fault != Fault.PASS) {
                injected.incrementAndGet();
            }
            return fault;
        };
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + listener.getLocalPort());
    }

    public FaultProxy inject(Fault... next) {
        faults.addAll(java.util.List.of(next));
        return this;
    }

    /** Connections the client opened so far. */
    public int connections() {
        return connections.get();
    }

    public CountDownLatch stalledRequestArrived() {
        return stalledRequestArrived;
    }

    /** Counts down when the client closed a stalled connection (e.g. because its call was cancelled). */
    public CountDownLatch stalledClientLeft() {
        return stalledClientLeft;
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                connections.incrementAndGet();
                Fault injected = faults.poll();
                Fault fault = injected != null ? injected : otherwise == null ? Fault.PASS : otherwise.get();
                Thread.ofVirtual().start(() -> serve(client, fault));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket client, Fault fault) {
        try (client) {
            switch (fault) {
                case ANSWER_503 -> {
                    readRequestHead(client.getInputStream());
                    client.getOutputStream().write(("HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\n"
                            + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                }
                case STALL -> {
                    InputStream in = client.getInputStream();
                    byte[] buffer = new byte[8192];
                    if (in.read(buffer) > 0) {
                        stalledRequestArrived.countDown();
                    }
                    while (in.read(buffer) >= 0) {
                        // swallow: never answer
                    }
                    stalledClientLeft.countDown();
                }
                default -> relay(client, fault == Fault.CUT_RESPONSE);
            }
        } catch (IOException e) {
            if (fault == Fault.STALL) {
                stalledClientLeft.countDown(); // a reset from the client is leaving too
            }
        }
    }

    private void relay(Socket client, boolean cutResponse) throws IOException {
        try (Socket server = new Socket()) {
            server.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), upstreamPort));
            if (otherwise != null) {
                server.getOutputStream().write(headWithConnectionClose(client.getInputStream()));
            }
            Thread upstream = Thread.ofVirtual().start(() -> pump(client, server));
            InputStream fromServer = server.getInputStream();
            OutputStream toClient = client.getOutputStream();
            if (otherwise != null && !cutResponse) {
                toClient.write(headWithConnectionClose(fromServer)); // the client must not reuse the connection
            }
            byte[] buffer = new byte[65536];
            int n;
            while ((n = fromServer.read(buffer)) >= 0) {
                if (cutResponse) {
                    client.setSoLinger(true, 0); // the server answered; the client gets a reset instead
                    return;
                }
                toClient.write(buffer, 0, n);
                toClient.flush();
            }
            upstream.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void pump(Socket from, Socket to) {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
            to.shutdownOutput();
        } catch (IOException ignored) {
            // either side closed: the relay ends
        }
    }

    /** A request or response head with {@code Connection: close} instead of any Connection header. */
    private static byte[] headWithConnectionClose(InputStream in) throws IOException {
        java.io.ByteArrayOutputStream head = new java.io.ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        int b;
        while (matched < 4 && (b = in.read()) >= 0) {
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        String withoutEnd = text.endsWith("\r\n\r\n") ? text.substring(0, text.length() - 2) : text;
        return (withoutEnd.replaceAll("(?im)^connection:.*\r\n", "") + "Connection: close\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    private static void readRequestHead(InputStream in) throws IOException {
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        int b;
        while (matched < 4 && (b = in.read()) >= 0) {
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
