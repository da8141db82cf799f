package com.storymimi.studio.bench;

import com.storymimi.studio.supabase.SupabaseClient;
import com.storymimi.studio.supabase.storage.ObjectRef;
import com.storymimi.studio.supabase.storage.StorageFiles;
import com.storymimi.studio.supabase.storage.UploadOptions;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * Upload throughput and heap growth of the Java client for one large file, with the service_role key.
 * {@code tus}: {@link StorageFiles#upload} (TUS in 6 MiB chunks above 6 MiB); {@code plain}:
 * {@link StorageFiles#update} (one streamed PUT). Heap: used heap after a forced GC before the upload, the
 * peak sampled every 2 ms during it, and after a forced GC afterwards; plus the bytes allocated meanwhile.
 * Usage: {@code UploadBench <file> <bucket> <key> tus|plain}.
 */
public final class UploadBench {

    private static final double MB = 1024.0 * 1024.0;

    private UploadBench() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        String bucket = args[1];
        String key = args[2];
        boolean tus = args[3].equals("tus");
        long size = Files.size(file);
        UploadOptions options = UploadOptions.defaults().withContentType("application/octet-stream").withUpsert(true);
        try (SupabaseClient client = BenchEnv.fromEnvironment().serviceClient()) {
            StorageFiles files = client.storage().from(bucket);
            // one small upload first so class loading and the connection do not count
            Path small = Files.createTempFile("bench-warmup", ".bin");
            Files.write(small, new byte[1024]);
            files.upload(key + ".warmup", small, options).join();
            Files.delete(small);

            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            long before = usedAfterGc(memory);
            long allocatedBefore = allocatedBytes();
            HeapPeak peak = HeapPeak.start(memory);
            long started = System.nanoTime();
            ObjectRef ref = (tus ? files.upload(key, file, options) : files.update(key, file, options)).join();
            double seconds = (System.nanoTime() - started) / 1e9;
            long peakUsed = peak.stop();
            long allocated = allocatedBytes() - allocatedBefore;
            long after = usedAfterGc(memory);
            long stored = files.info(key).join().size();
            if (stored != size) {
                throw new IllegalStateException("stored " + stored + " bytes of " + size + " (" + ref.fullPath() + ")");
            }
            System.out.printf("RESULT client=java mode=%s bytes=%d seconds=%.2f mib_s=%.1f heap_before_mib=%.1f "
                            + "heap_peak_growth_mib=%.1f heap_after_growth_mib=%.1f allocated_mib=%.1f%n",
                    tus ? "tus" : "plain", size, seconds, size / MB / seconds, before / MB,
                    (peakUsed - before) / MB, (after - before) / MB, allocated / MB);
        }
    }

    private static long usedAfterGc(MemoryMXBean memory) throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    /** Bytes allocated by all threads so far (HotSpot's Threading MBean attribute), or -1 where it is missing. */
    private static long allocatedBytes() {
        try {
            return (Long) ManagementFactory.getPlatformMBeanServer()
                    .getAttribute(new ObjectName("java.lang:type=Threading"), "TotalThreadAllocatedBytes");
        } catch (JMException | RuntimeException e) {
            return -1;
        }
    }

    /** Samples used heap on a daemon thread; what a forced GC cannot hide, since none runs during the upload. */
    private record HeapPeak(Thread sampler, AtomicBoolean running, AtomicLong peak) {
        static HeapPeak start(MemoryMXBean memory) {
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicLong peak = new AtomicLong(memory.getHeapMemoryUsage().getUsed());
            Thread sampler = Thread.ofPlatform().daemon().start(() -> {
                while (running.get()) {
                    peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(2);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            return new HeapPeak(sampler, running, peak);
        }

        long stop() throws InterruptedException {
            running.set(false);
            sampler.join();
            return peak.get();
        }
    }
}
