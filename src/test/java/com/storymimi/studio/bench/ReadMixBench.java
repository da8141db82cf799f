package com.storymimi.studio.bench;

import com.storymimi.studio.supabase.SupabaseClient;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Read-mix throughput of the Java client ({@link SupabaseClient} signed in as the editor): {@code concurrency}
 * threads each keep one request in flight; after {@code warmup} seconds, requests completed during
 * {@code measure} seconds are counted. Prints one {@code RESULT} line.
 * Usage: {@code ReadMixBench <idsFile> [concurrency=8] [warmupSeconds=10] [measureSeconds=20]}.
 */
public final class ReadMixBench {

    private ReadMixBench() {
    }

    public static void main(String[] args) throws Exception {
        List<String> ids = Files.readAllLines(Path.of(args[0]));
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        double warmup = args.length > 2 ? Double.parseDouble(args[2]) : 10;
        double measure = args.length > 3 ? Double.parseDouble(args[3]) : 20;
        BenchEnv env = BenchEnv.fromEnvironment();
        try (SupabaseClient client = env.anonClient()) {
            client.auth().signInWithPassword(env.editorEmail(), env.editorPassword()).join();
            ReadMix mix = new ReadMix(client, ids);
            Window window = new Window(System.nanoTime(), warmup, measure);
            AtomicLong next = new AtomicLong();
            List<Worker> workers = new ArrayList<>();
            for (int w = 0; w < concurrency; w++) {
                workers.add(new Worker(mix, next, window));
            }
            List<Thread> threads = workers.stream().map(worker -> Thread.ofPlatform().start(worker)).toList();
            for (Thread thread : threads) {
                thread.join();
            }
            report(workers, measure, concurrency);
        }
    }

    private static void report(List<Worker> workers, double measure, int concurrency) throws IOException {
        long errors = workers.stream().mapToLong(w -> w.errors).sum();
        long[] latencies = workers.stream().flatMapToLong(w -> Arrays.stream(w.latencies, 0, w.count)).sorted().toArray();
        if (latencies.length == 0) {
            throw new IOException("no request completed in the measured window (" + errors + " errors)");
        }
        System.out.printf("RESULT client=java concurrency=%d requests=%d errors=%d seconds=%.1f rps=%.1f p50_ms=%.2f p99_ms=%.2f%n",
                concurrency, latencies.length, errors, measure, latencies.length / measure,
                latencies[latencies.length / 2] / 1e6, latencies[(int) (latencies.length * 0.99)] / 1e6);
        Worker failed = workers.stream().filter(w -> w.firstError != null).findFirst().orElse(null);
        if (failed != null) {
            System.out.println("first error: " + failed.firstError);
            System.exit(1);
        }
    }

    /** Warm-up, then the measured window, in System.nanoTime() terms. */
    private record Window(long start, long measureFrom, long end) {
        Window(long start, double warmup, double measure) {
            this(start, start + (long) (warmup * 1e9), start + (long) ((warmup + measure) * 1e9));
        }
    }

    /** One request in flight at a time; records the latency of requests that start inside the window. */
    private static final class Worker implements Runnable {
        private final ReadMix mix;
        private final AtomicLong next;
        private final Window window;
        private long[] latencies = new long[1 << 14];
        private int count;
        private long errors;
        private Throwable firstError;

        Worker(ReadMix mix, AtomicLong next, Window window) {
            this.mix = mix;
            this.next = next;
            this.window = window;
        }

        @Override
        public void run() {
            for (long begin = System.nanoTime(); begin < window.end(); begin = System.nanoTime()) {
                try {
                    mix.send(next.getAndIncrement()).join();
                } catch (RuntimeException e) {
                    errors++;
                    firstError = firstError == null ? e : firstError;
                    continue;
                }
                long done = System.nanoTime();
                if (begin >= window.measureFrom() && done <= window.end()) {
                    if (count == latencies.length) {
                        latencies = Arrays.copyOf(latencies, count * 2);
                    }
                    latencies[count++] = done - begin;
                }
            }
        }
    }
}
