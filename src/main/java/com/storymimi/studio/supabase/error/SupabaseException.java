package com.storymimi.studio.supabase.error;

import java.io.Serial;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Every failure of a Supabase call. The HTTP pipeline completes futures with exactly one of the permitted
 * subtypes, so callers can {@code switch} over them. Messages never contain keys, tokens or request bodies.
 */
public abstract sealed class SupabaseException extends RuntimeException
        permits RestException, AuthException, StorageException, TransportException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final int status;

    protected SupabaseException(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** The HTTP status of the response, or 0 when no response arrived (see {@link TransportException}). */
    public int status() {
        return status;
    }

    /**
     * Finds the Supabase failure inside what a future completed with: futures wrap it in
     * {@link CompletionException} or {@link ExecutionException} depending on how they were joined.
     */
    public static Optional<SupabaseException> unwrap(Throwable failure) {
        Throwable current = failure;
        for (int depth = 0; current != null && depth < 8; depth++) {
            if (current instanceof SupabaseException supabase) {
                return Optional.of(supabase);
            }
            if (!(current instanceof CompletionException) && !(current instanceof ExecutionException)) {
                return Optional.empty();
            }
            current = current.getCause();
        }
        return Optional.empty();
    }
}
