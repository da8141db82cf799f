package com.storymimi.studio.service;

import com.storymimi.studio.model.Finding;
import com.storymimi.studio.model.IntegrityReport;
import com.storymimi.studio.model.ScanProgress;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The integrity doctor: finds what is inconsistent between the scenes table and the media buckets, and repairs one
 * finding at a time on request. A scan only reads; nothing changes until {@link #fix} is called.
 */
public interface IntegrityService {

    /**
     * Scans every scene and every object of the media buckets, page by page. {@code progress} is called from a
     * background thread. Cancelling the returned future stops the scan after the request in flight.
     */
    CompletableFuture<IntegrityReport> scan(Consumer<ScanProgress> progress);

    default CompletableFuture<IntegrityReport> scan() {
        return scan(progress -> { });
    }

    /**
     * Applies the fix the finding proposes. Fails with {@link ServiceException} CONFLICT (and changes nothing) when
     * the catalogue changed since the scan in a way the fix would undo, and INVALID for a report-only finding.
     */
    CompletableFuture<Void> fix(Finding finding);
}
