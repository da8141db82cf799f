package com.storymimi.studio.local.storage;

import com.storymimi.studio.local.http.ApiException;
import com.storymimi.studio.local.http.Response;

import java.nio.charset.StandardCharsets;

/** A TUS error: unlike the other Storage routes it keeps its real status and has a plain-text body. */
final class TusException extends ApiException {

    private static final long serialVersionUID = 1L;

    private final int status;

    TusException(int status, String message) {
        super(message);
        this.status = status;
    }

    static TusException from(StorageException e) {
        return new TusException(e.semanticStatus(), e.getMessage());
    }

    static TusException notFound() {
        return new TusException(404, "The file for this url was not found");
    }

    @Override
    public Response toResponse() {
        return Response.bytes(status, "text/plain; charset=utf-8", getMessage().getBytes(StandardCharsets.UTF_8))
                .header("Tus-Resumable", TusRoutes.TUS_VERSION);
    }
}
