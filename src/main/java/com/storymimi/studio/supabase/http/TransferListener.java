package com.storymimi.studio.supabase.http;

/**
 * Told how much of a request body has been handed to the connection. Called on the HTTP client's threads, so
 * it must be quick and thread-safe; a retried or replayed request starts counting from 0 again.
 */
@FunctionalInterface
public interface TransferListener {

    TransferListener NONE = (bytes, total) -> { };

    /**
     * @param bytes how many bytes of this attempt's body went out so far
     * @param total the body's length, or -1 when unknown
     */
    void transferred(long bytes, long total);
}
