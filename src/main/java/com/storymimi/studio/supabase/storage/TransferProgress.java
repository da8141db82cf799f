package com.storymimi.studio.supabase.storage;

import java.time.Duration;
import java.util.Optional;

/**
 * How far an upload has come.
 *
 * @param bytesSent      bytes handed to the connection so far (counting from 0 again if an attempt restarts)
 * @param totalBytes     the file size
 * @param bytesPerSecond moving average over the last few seconds; 0 until it can be measured
 */
public record TransferProgress(long bytesSent, long totalBytes, double bytesPerSecond) {

    /** 0.0 to 1.0. */
    public double fraction() {
        return totalBytes <= 0 ? 1.0 : Math.min(1.0, (double) bytesSent / totalBytes);
    }

    /** The time left at the current rate; empty while the rate is unknown. */
    public Optional<Duration> timeLeft() {
        if (bytesPerSecond <= 0) {
            return Optional.empty();
        }
        long remaining = Math.max(0, totalBytes - bytesSent);
        return Optional.of(Duration.ofMillis((long) (remaining * 1000 / bytesPerSecond)));
    }
}
