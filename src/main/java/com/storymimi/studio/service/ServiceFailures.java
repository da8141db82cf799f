package com.storymimi.studio.service;

import com.storymimi.studio.service.ServiceException.Reason;
import com.storymimi.studio.supabase.error.AuthException;
import com.storymimi.studio.supabase.error.RestException;
import com.storymimi.studio.supabase.error.StorageException;
import com.storymimi.studio.supabase.error.SupabaseException;
import com.storymimi.studio.supabase.error.TransportException;

import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletableFuture;

/**
 * The one place where a Supabase client failure becomes a {@link ServiceException}: the UI sees a reason it can
 * put into one sentence, never a wire error type. The technical message travels along for the log.
 */
public final class ServiceFailures {

    /** SQLSTATEs and PostgREST codes meaning "the input broke a rule". */
    private static final Set<String> INVALID_CODES =
            Set.of("23502", "23514", "22P02", "22001", "22023", "23503", "PGRST102", "PGRST204", "42703");

    private ServiceFailures() {
    }

    /** Rethrows a failure of {@code future} as a {@link ServiceException}; successes pass through unchanged. */
    public static <T> CompletableFuture<T> translated(CompletableFuture<T> future) {
        return future.handle((value, failure) -> {
            if (failure != null) {
                throw translate(failure);
            }
            return value;
        });
    }

    public static ServiceException translate(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof ServiceException service) {
            return service;
        }
        return SupabaseException.unwrap(failure)
                .map(ServiceFailures::fromSupabase)
                .orElseGet(() -> new ServiceException(Reason.FAILED, String.valueOf(cause), cause));
    }

    private static ServiceException fromSupabase(SupabaseException failure) {
        Reason reason = switch (failure) {
            case RestException rest -> restReason(rest);
            case StorageException storage -> storageReason(storage.statusCode());
            case AuthException auth -> auth.status() >= 500 ? Reason.UNAVAILABLE : Reason.DENIED;
            case TransportException transport -> Reason.UNAVAILABLE;
        };
        return new ServiceException(reason, failure.getMessage(), failure);
    }

    private static Reason restReason(RestException rest) {
        String code = rest.code() == null ? "" : rest.code();
        if (code.equals("23505")) {
            return Reason.DUPLICATE;
        }
        if (INVALID_CODES.contains(code)) {
            return Reason.INVALID;
        }
        if (code.equals("PGRST116") || rest.status() == 404) {
            return Reason.NOT_FOUND;
        }
        if (rest.status() == 401 || rest.status() == 403 || code.equals("42501")) {
            return Reason.DENIED;
        }
        if (rest.status() == 503 || rest.status() == 504 || rest.status() == 520) {
            return Reason.UNAVAILABLE;
        }
        return rest.status() == 409 ? Reason.CONFLICT : Reason.FAILED;
    }

    private static Reason storageReason(String statusCode) {
        return switch (statusCode == null ? "" : statusCode) {
            case "404" -> Reason.NOT_FOUND;
            case "409" -> Reason.DUPLICATE;
            case "400", "413", "415" -> Reason.INVALID;
            case "401", "403" -> Reason.DENIED;
            case "503", "504", "429" -> Reason.UNAVAILABLE;
            default -> Reason.FAILED;
        };
    }
}
