package com.storymimi.studio.ui.common;

import com.storymimi.studio.service.ServiceException;
import com.storymimi.studio.ui.testing.RecordingDialogs;
import com.storymimi.studio.ui.testing.ManualClock;
import com.storymimi.studio.ui.testing.TestTexts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongConsumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BackgroundJobsTest {

    /** Work whose attempts the test completes by hand, reporting bytes as it goes. */
    private static final class ScriptedUpload {
        final List<CompletableFuture<String>> attempts = new ArrayList<>();
        LongConsumer progress;

        CompletableFuture<String> start(LongConsumer progress) {
            this.progress = progress;
            CompletableFuture<String> attempt = new CompletableFuture<>();
            attempts.add(attempt);
            return attempt;
        }

        CompletableFuture<String> last() {
            return attempts.getLast();
        }
    }

    private static final BackgroundJob.Label LABEL =
            new BackgroundJob.Label("03.png → scene 3 image", "03.png", "Uploaded 03.png to scene 3.");

    private final ManualClock clock = new ManualClock(Instant.parse("2025-03-01T12:00:00Z"));
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private final Texts texts = TestTexts.create();
    private final BackgroundJobs jobs = new BackgroundJobs(dialogs, new UserMessages(texts), texts, Runnable::run, Runnable::run, clock);
    private final ScriptedUpload upload = new ScriptedUpload();

    private BackgroundJob started(long totalBytes) {
        jobs.run(LABEL, BackgroundJob.Kind.UPLOAD, totalBytes, upload::start);
        return jobs.jobs().getFirst();
    }

    @Test
    void progressSpeedAndTimeLeftFollowTheBytesSent() {
        BackgroundJob job = started(10_000);

        clock.advance(Duration.ofSeconds(1));
        upload.progress.accept(1_000);

        assertEquals(0.1, job.fractionProperty().get(), 1e-9);
        assertEquals(1_000, job.bytesPerSecondProperty().get(), 1e-9);
        assertEquals(Duration.ofSeconds(9), job.timeLeftProperty().get());
        assertEquals(0.1, jobs.overallFractionProperty().get(), 1e-9);
    }

    @Test
    void speedIsAveragedOverTheLastTwoSecondsOnly() {
        BackgroundJob job = started(100_000);
        clock.advance(Duration.ofSeconds(1));
        upload.progress.accept(10_000); // 10 kB/s at first
        clock.advance(Duration.ofSeconds(1));
        upload.progress.accept(20_000);
        clock.advance(Duration.ofSeconds(1));
        upload.progress.accept(22_000); // then it slows down to 2 kB/s
        clock.advance(Duration.ofSeconds(1));
        upload.progress.accept(24_000);

        // window: from t=2s (20 000 bytes) to t=4s (24 000 bytes)
        assertEquals(2_000, job.bytesPerSecondProperty().get(), 1e-9);
        assertEquals(Duration.ofSeconds(38), job.timeLeftProperty().get());
    }

    @Test
    void timeLeftIsUnknownUntilBytesMove() {
        BackgroundJob job = started(10_000);

        assertNull(job.timeLeftProperty().get());
        assertEquals(0, job.bytesPerSecondProperty().get());
    }

    @Test
    void aFinishedUploadIsDoneStaysListedAndIsAnnounced() {
        BackgroundJob job = started(10_000);

        upload.last().complete("scene");

        assertEquals(BackgroundJob.State.DONE, job.state());
        assertEquals(1.0, job.fractionProperty().get());
        assertEquals(List.of(job), jobs.jobs(), "finished jobs stay until cleared");
        assertEquals(0, jobs.runningCountProperty().get());
        assertFalse(jobs.worthShowingProperty().get(), "nothing runs and nothing failed");
        assertEquals(List.of("Uploaded 03.png to scene 3."), dialogs.infos);

        jobs.clearFinished();
        assertTrue(jobs.jobs().isEmpty());
    }

    @Test
    void cancelCancelsTheUnderlyingFutureAndMarksTheJobCancelled() {
        BackgroundJob job = started(10_000);

        job.cancel();

        assertTrue(upload.last().isCancelled(), "the HTTP exchange's future is cancelled");
        assertEquals(BackgroundJob.State.CANCELLED, job.state());
        assertTrue(job.canRetry());
        assertEquals(List.of(), dialogs.errors, "a cancel the person asked for is not announced as a failure");
    }

    @Test
    void aFailureKeepsOneSentenceAndIsAnnouncedWithTheWayToRetry() {
        BackgroundJob job = started(10_000);

        upload.last().completeExceptionally(new ServiceException(ServiceException.Reason.INVALID,
                "03.png is a WebP image: use PNG or JPEG."));

        assertEquals(BackgroundJob.State.FAILED, job.state());
        assertEquals("03.png is a WebP image: use PNG or JPEG.", job.errorProperty().get());
        assertEquals(1, jobs.failedCountProperty().get());
        assertTrue(jobs.worthShowingProperty().get(), "a failure keeps the status bar entry visible");
        assertEquals(List.of("Upload of 03.png failed: 03.png is a WebP image: use PNG or JPEG. "
                + "Retry from the status bar."), dialogs.errors);
    }

    @Test
    void retryRunsTheSameWorkAgainAndCanSucceed() {
        BackgroundJob job = started(10_000);
        upload.last().completeExceptionally(new ServiceException(ServiceException.Reason.UNAVAILABLE, "down"));

        job.retry();

        assertEquals(2, upload.attempts.size(), "the work ran again");
        assertEquals(BackgroundJob.State.RUNNING, job.state());
        assertNull(job.errorProperty().get());
        assertEquals(1, jobs.runningCountProperty().get());
        upload.last().complete("scene");
        assertEquals(BackgroundJob.State.DONE, job.state());
        assertEquals(0, jobs.failedCountProperty().get());
    }

    @Test
    void progressOfAnAbandonedAttemptIsIgnored() {
        BackgroundJob job = started(10_000);
        LongConsumer firstAttempt = upload.progress;
        job.cancel();
        job.retry();

        firstAttempt.accept(9_000);

        assertEquals(0, job.bytesDoneProperty().get());
    }

    @Test
    void aggregatesCountRunningJobsAndWeighTheirBytes() {
        BackgroundJob big = started(30_000);
        LongConsumer bigProgress = upload.progress;
        BackgroundJob small = started(10_000);
        LongConsumer smallProgress = upload.progress;

        bigProgress.accept(15_000);
        smallProgress.accept(10_000);

        assertEquals(2, jobs.runningCountProperty().get());
        assertEquals(25_000 / 40_000.0, jobs.overallFractionProperty().get(), 1e-9);
        assertEquals(List.of(small, big), jobs.jobs(), "newest first");

        upload.attempts.get(1).complete("small");
        assertEquals(1, jobs.runningCountProperty().get());
        assertEquals(0.5, jobs.overallFractionProperty().get(), 1e-9, "only running jobs count");
    }

    @Test
    void onlyTheNewestFinishedJobsAreKept() {
        for (int i = 0; i < BackgroundJobs.KEPT_FINISHED + 5; i++) {
            started(10);
            upload.last().complete("done");
        }
        started(10); // listing a new job trims the old finished ones

        assertEquals(BackgroundJobs.KEPT_FINISHED + 1, jobs.jobs().size());
        assertEquals(BackgroundJob.State.RUNNING, jobs.jobs().getFirst().state());
    }

    @Test
    void anUploadIsMeasuredForItsTotalAndOnlyARetrysSuccessGoesToTheRetriedListener(@TempDir Path dir)
            throws IOException {
        Path file = Files.write(dir.resolve("03.png"), new byte[12_345]);
        List<String> retried = new ArrayList<>();
        CompletableFuture<String> first = jobs.runUpload(LABEL, file, upload::start, retried::add);
        BackgroundJob job = jobs.jobs().getFirst();
        assertEquals(12_345, job.bytesTotalProperty().get(), "measured off the calling thread, then set");

        upload.last().completeExceptionally(new ServiceException(ServiceException.Reason.UNAVAILABLE, "reset"));
        job.retry();
        upload.last().complete("scene after retry");

        assertTrue(first.isCompletedExceptionally(), "the first caller got its own outcome");
        assertEquals(List.of("scene after retry"), retried);
        assertEquals(BackgroundJob.State.DONE, job.state());
    }

    @Test
    void aFirstAttemptThatSucceedsIsNotReportedAsRetried(@TempDir Path dir) throws IOException {
        Path file = Files.write(dir.resolve("03.png"), new byte[10]);
        List<String> retried = new ArrayList<>();
        jobs.runUpload(LABEL, file, upload::start, retried::add);

        upload.last().complete("scene");

        assertEquals(List.of(), retried);
    }

    @Test
    void anUploadWhoseSceneWasDeletedElsewhereSaysSoRatherThanBlamingTheFile() {
        BackgroundJob job = started(10);

        upload.last().completeExceptionally(new ServiceException(ServiceException.Reason.NOT_FOUND,
                "no row in scenes with scene_id 42"));

        assertEquals("Its scene or folder was deleted elsewhere. Reopen it to see what is left.",
                job.errorProperty().get());
    }
}
