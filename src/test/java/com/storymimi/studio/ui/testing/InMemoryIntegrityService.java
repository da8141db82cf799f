package com.storymimi.studio.ui.testing;

import com.storymimi.studio.model.Finding;
import com.storymimi.studio.model.FindingKind;
import com.storymimi.studio.model.IntegrityFix;
import com.storymimi.studio.model.IntegrityReport;
import com.storymimi.studio.model.MediaKind;
import com.storymimi.studio.model.MediaRef;
import com.storymimi.studio.model.ScanProgress;
import com.storymimi.studio.service.IntegrityService;
import com.storymimi.studio.service.ServiceException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * An {@link IntegrityService} over a list of findings: a scan reports each phase and returns what is still in the
 * list, a fix removes the finding. Tests can hold a scan to look at its progress, and make a fix conflict.
 */
public final class InMemoryIntegrityService implements IntegrityService {

    private final Duration latency;
    private final List<Finding> findings;
    private final Set<Finding> conflicting = new HashSet<>();
    public final List<Finding> fixed = new ArrayList<>();
    private boolean holding;
    private CompletableFuture<IntegrityReport> held;
    private Consumer<ScanProgress> heldProgress;
    public int scans;

    public InMemoryIntegrityService(Duration latency, List<Finding> findings) {
        this.latency = latency;
        this.findings = new ArrayList<>(findings);
    }

    /** The title of the story the sample findings are about. */
    public static final String OWL = "The Owl Who Could Not Sleep";

    /** One finding of each kind, two unused files; a catalogue of 3 stories, 12 scenes and 24 files. */
    public static List<Finding> sampleFindings() {
        return sampleFindings(UUID.fromString("6f1c2b7e-0000-4000-8000-000000000001"));
    }

    /** The same findings, about the story {@code owl} (a demo catalogue's own Owl story, so that it opens). */
    public static List<Finding> sampleFindings(UUID owl) {
        UUID scene = UUID.fromString("6f1c2b7e-0000-4000-8000-000000000011");
        UUID other = UUID.fromString("6f1c2b7e-0000-4000-8000-000000000012");
        String url = "http://127.0.0.1/storage/v1/object/public/story-images/" + owl + "/" + scene + ".png";
        MediaRef leftover1 = new MediaRef("story-audio", owl + "/" + UUID.randomUUID() + ".mp3");
        MediaRef leftover2 = new MediaRef("story-images", "stray/cover.png");
        MediaRef big = new MediaRef("story-images", owl + "/" + other + ".png");
        String bigUrl = "http://127.0.0.1/storage/v1/object/public/" + big.bucket() + "/" + big.key();
        return Stream.of(
                new Finding(FindingKind.MISSING_OBJECT, owl, scene, MediaRef.fromPublicUrl(url).orElseThrow(),
                        "Scene 1 points to an image that does not exist (story-images/" + owl + "/" + scene + ".png).",
                        new IntegrityFix.ClearUrl(scene, MediaKind.IMAGE, url)),
                new Finding(FindingKind.UNUSED_OBJECT, owl, null, leftover1,
                        "story-audio/" + leftover1.key() + " is not used by any scene.",
                        new IntegrityFix.DeleteObject(leftover1)),
                new Finding(FindingKind.UNUSED_OBJECT, null, null, leftover2,
                        "story-images/stray/cover.png is not used by any scene.",
                        new IntegrityFix.DeleteObject(leftover2)),
                new Finding(FindingKind.BROKEN_SEQUENCE, owl, null, null,
                        "Its 3 scenes are numbered 1, 2, 4 instead of 1..3.",
                        new IntegrityFix.Renumber(owl)),
                new Finding(FindingKind.WRONG_MEDIA, owl, other, big,
                        "Scene 2's image (story-images/" + big.key() + ") is 12 MB (at most 10 MB).",
                        new IntegrityFix.RemoveObjectAndClearUrl(other, MediaKind.IMAGE, bigUrl, big)),
                new Finding(FindingKind.FOREIGN_URL, owl, other, null,
                        "Scene 2's audio URL points outside this project: https://cdn.example.com/owl.mp3",
                        new IntegrityFix.ReportOnly()))
                .map(finding -> owl.equals(finding.storyId()) ? finding.withStoryTitle(OWL) : finding).toList();
    }

    /** Scans wait until {@link #finishScan()} (or are cancelled); their progress comes through {@link #progress}. */
    public synchronized InMemoryIntegrityService holdingScans() {
        holding = true;
        return this;
    }

    /** The next fix of {@code finding} fails with CONFLICT and changes nothing. */
    public synchronized void conflictOn(Finding finding) {
        conflicting.add(finding);
    }

    public synchronized List<Finding> findings() {
        return List.copyOf(findings);
    }

    public synchronized void progress(ScanProgress progress) {
        heldProgress.accept(progress);
    }

    public synchronized CompletableFuture<IntegrityReport> heldScan() {
        return held;
    }

    public synchronized void finishScan() {
        held.complete(report());
    }

    @Override
    public synchronized CompletableFuture<IntegrityReport> scan(Consumer<ScanProgress> progress) {
        scans++;
        if (holding) {
            held = new CompletableFuture<>();
            heldProgress = progress;
            return held;
        }
        if (latency.isZero()) {
            reportPhases(progress);
            return CompletableFuture.completedFuture(report());
        }
        return CompletableFuture.supplyAsync(() -> {
            reportPhases(progress);
            return report();
        }, CompletableFuture.delayedExecutor(latency.toMillis(), TimeUnit.MILLISECONDS));
    }

    private static void reportPhases(Consumer<ScanProgress> progress) {
        for (ScanProgress.Phase phase : ScanProgress.Phase.values()) {
            progress.accept(new ScanProgress(phase, 1, 1));
        }
    }

    private synchronized IntegrityReport report() {
        return new IntegrityReport(findings, 12, 3, 24, Duration.ofMillis(4200));
    }

    @Override
    public synchronized CompletableFuture<Void> fix(Finding finding) {
        if (!finding.fixable()) {
            return CompletableFuture.failedFuture(new ServiceException(ServiceException.Reason.INVALID, "report only"));
        }
        if (conflicting.remove(finding)) {
            return CompletableFuture.failedFuture(new ServiceException(ServiceException.Reason.CONFLICT, "changed"));
        }
        findings.remove(finding);
        fixed.add(finding);
        if (latency.isZero()) {
            return CompletableFuture.completedFuture(null);
        }
        return CompletableFuture.runAsync(() -> { },
                CompletableFuture.delayedExecutor(latency.toMillis(), TimeUnit.MILLISECONDS));
    }
}
