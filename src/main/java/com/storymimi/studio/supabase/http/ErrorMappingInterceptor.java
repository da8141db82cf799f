package com.storymimi.studio.supabase.http;

import com.storymimi.studio.supabase.error.AuthException;
import com.storymimi.studio.supabase.error.RestException;
import com.storymimi.studio.supabase.error.StorageException;
import com.storymimi.studio.supabase.error.SupabaseException;
import com.storymimi.studio.supabase.error.TransportException;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The one place where outcomes become typed errors: a non-2xx response becomes the {@link SupabaseException}
 * subtype of its service, an I/O failure a {@link TransportException}. Outermost in the pipeline, so it sees
 * the result after retries.
 */
final class ErrorMappingInterceptor implements Interceptor {

    @Override
    public CompletableFuture<ApiResponse> intercept(ApiRequest request, Chain chain) {
        return chain.proceed(request).handle((response, failure) -> {
            if (failure != null) {
                throw asSupabaseFailure(request, failure);
            }
            if (!response.isSuccess()) {
                throw fromResponse(request.api(), response);
            }
            return response;
        });
    }

    static SupabaseException fromResponse(SupabaseApi api, ApiResponse response) {
        String body = response.bodyText();
        return switch (api) {
            case REST -> RestException.fromBody(response.status(), body);
            case AUTH -> AuthException.fromBody(response.status(), body,
                    response.header("x-sb-error-code").orElse(null));
            case STORAGE -> StorageException.fromBody(response.status(), body);
        };
    }

    private static RuntimeException asSupabaseFailure(ApiRequest request, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof SupabaseException supabase) {
            return supabase;
        }
        if (cause instanceof IOException io) {
            // the method and path only: the query may hold search terms, and never credentials in a message
            String what = request.method() + " " + request.path();
            if (io instanceof HttpTimeoutException) {
                return new TransportException(what + ": no answer in time", true, io);
            }
            if (io instanceof ConnectException) {
                return new TransportException(what + ": could not connect to the server", false, io);
            }
            return new TransportException(what + ": connection failed (" + io.getClass().getSimpleName() + ")",
                    false, io);
        }
        return cause instanceof RuntimeException runtime ? runtime : new CompletionException(cause);
    }
}
