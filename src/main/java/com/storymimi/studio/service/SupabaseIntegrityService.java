package com.storymimi.studio.service;

import com.storymimi.studio.model.Finding;
import com.storymimi.studio.model.IntegrityReport;
import com.storymimi.studio.model.MediaKind;
import com.storymimi.studio.model.ScanProgress;
import com.storymimi.studio.supabase.rest.PostgrestClient;
import com.storymimi.studio.supabase.storage.StorageClient;

import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * {@link IntegrityService} over PostgREST and Storage. A scan is one long sequence of requests (a page of scenes,
 * a story folder, the next page), each depending on the one before, so it runs as one task on {@code io} and waits
 * for each answer there; the caller gets a future and is never blocked.
 */
public final class SupabaseIntegrityService implements IntegrityService {

    private final PostgrestClient rest;
    private final StorageClient storage;
    private final Executor io;
    private final MediaUrls urls;
    private final IntegrityRepairs repairs;

    /** @param io runs the scan task (it blocks while it waits for answers): never the FX thread */
    public SupabaseIntegrityService(PostgrestClient rest, StorageClient storage, Executor io) {
        this.rest = Objects.requireNonNull(rest, "rest");
        this.storage = Objects.requireNonNull(storage, "storage");
        this.io = Objects.requireNonNull(io, "io");
        this.urls = new MediaUrls(storage.from(MediaKind.IMAGE.bucket()).publicUrl("probe"));
        this.repairs = new IntegrityRepairs(rest, storage);
    }

    @Override
    public CompletableFuture<IntegrityReport> scan(Consumer<ScanProgress> progress) {
        Objects.requireNonNull(progress, "progress");
        CompletableFuture<IntegrityReport> result = new CompletableFuture<>();
        ScanCalls calls = new ScanCalls(result);
        io.execute(() -> {
            try {
                result.complete(new IntegrityScan(rest, storage, calls, urls, progress).run());
            } catch (CancellationException cancelled) {
                result.cancel(false);
            } catch (RuntimeException failure) {
                result.completeExceptionally(ServiceFailures.translate(failure));
            }
        });
        return result;
    }

    @Override
    public CompletableFuture<Void> fix(Finding finding) {
        Objects.requireNonNull(finding, "finding");
        return repairs.apply(finding.fix());
    }
}
