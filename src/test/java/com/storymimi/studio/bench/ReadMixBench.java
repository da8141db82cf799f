package com.storymimi.studio.bench;

import com.storymimi.studio.supabase.SupabaseClient;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * Read-mix throughput of the Java client ({@link SupabaseClient} signed in as the editor): {@code concurrency}
 * threads each keep one request in flight; after {@code warmup} seconds, requests completed during
 * {@code measure} seconds are counted, with the latency per kind and this process's CPU time per request
 * (what the client costs on a machine it shares with the server). Prints one {@code RESULT} line.
 * Usage: {@code ReadMixBench <idsFile> [concurrency=8] [warmupSeconds=10] [measureSeconds=20]}.
 */
public final class ReadMixBench {

    private static final String[] KINDS = {"detail", "search", "page"};

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
            long start = System.nanoTime();
            long measureFrom = start + (long) (warmup * 1e9);
            long end = measureFrom + (long) (measure * 1e9);
            AtomicLong next = new AtomicLong();
            List<Worker> workers = new ArrayList<>();
            for (int w = 0; w < concurrency; w++) {
                workers.add(new Worker(mix, next, measureFrom, end));
            }
            List<Thread> threads = workers.stream().map(worker -> Thread.ofPlatform().start(worker)).toList();
            Thread.sleep(Math.max(0, (measureFrom - System.nanoTime()) / 1_000_000));
            long cpuFrom = processCpuNanos();
            Thread.sleep(Math.max(0, (end - System.nanoTime()) / 1_000_000));
            long cpu = processCpuNanos() - cpuFrom;
            for (Thread thread : threads) {
                thread.join();
            }
            report(workers, measure, concurrency, cpu);
        }
    }

    private static void report(List<Worker> workers, double measure, int concurrency, long cpuNanos) {
        long errors = workers.stream().mapToLong(w -> w.errors).sum();
        long[] all = workers.stream().flatMapToLong(w -> w.latencies.stream()).sorted().toArray();
        if (all.length == 0) {
            System.out.println("no request completed in the measured window (" + errors + " errors)");
            System.exit(1);
        }
        StringBuilder kinds = new StringBuilder();
        for (int kind = 0; kind < KINDS.length; kind++) {
            int k = kind;
            long[] sorted = workers.stream().flatMapToLong(w -> w.latencies.ofKind(k)).sorted().toArray();
            kinds.append(String.format(" %s_p50_ms=%.2f", KINDS[kind], sorted.length == 0 ? Double.NaN : sorted[sorted.length / 2] / 1e6));
        }
        System.out.printf("RESULT client=java concurrency=%d requests=%d errors=%d seconds=%.1f rps=%.1f p50_ms=%.2f "
                        + "p99_ms=%.2f%s cpu_ms_per_req=%.3f%n",
                concurrency, all.length, errors, measure, all.length / measure, all[all.length / 2] / 1e6,
                all[(int) (all.length * 0.99)] / 1e6, kinds, cpuNanos / 1e6 / all.length);
        workers.stream().filter(w -> w.firstError != null).findFirst().ifPresent(failed -> {
            System.out.println("first error: " + failed.firstError);
            System.exit(1);
        });
    }

    /** CPU time of this whole JVM (all threads, JIT and GC included), from the OperatingSystem MBean. */
    private static long processCpuNanos() throws JMException {
        return (Long) ManagementFactory.getPlatformMBeanServer()
                .getAttribute(new ObjectName("java.lang:type=OperatingSystem"), "ProcessCpuTime");
    }

    /** Latencies of the requests that started and ended inside the measured window, by kind. */
    private static final class Latencies {
        private final List<long[]> entries = new ArrayList<>(); // {kind, nanos}

        void add(int kind, long nanos) {
            entries.add(new long[] {kind, nanos});
        }

        LongStream stream() {
            return entries.stream().mapToLong(e -> e[1]);
        }

        LongStream ofKind(int kind) {
            return entries.stream().filter(e -> e[0] == kind).mapToLong(e -> e[1]);
        }
    }

    /** One request in flight at a time. */
    private static final class Worker implements Runnable {
        private final ReadMix mix;
        private final AtomicLong next;
        private final long measureFrom;
        private final long end;
        private final Latencies latencies = new Latencies();
        private long errors;
        private Throwable firstError;

        Worker(ReadMix mix, AtomicLong next, long measureFrom, long end) {
            this.mix = mix;
            this.next = next;
            this.measureFrom = measureFrom;
            this.end = end;
        }

        @Override
        public void run() {
            for (long begin = System.nanoTime(); begin < end; begin = System.nanoTime()) {
                long i = next.getAndIncrement();
                try {
                    mix.send(i).join();
                } catch (RuntimeException e) {
                    errors++;
                    firstError = firstError == null ? e : firstError;
                    continue;
                }
                long done = System.nanoTime();
                if (begin >= measureFrom && done <= end) {
                    latencies.add((int) (i % 3), done - begin);
                }
            }
        }
    }
}
