package com.storymimi.studio.supabase.error;

import java.io.Serial;

/** No HTTP response arrived: connection refused or reset, DNS failure, or the request timed out. */
public final class TransportException extends SupabaseException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final boolean timeout;

    public TransportException(String message, boolean timeout, Throwable cause) {
        super(0, message, cause);
        this.timeout = timeout;
    }

    /** True when the server was reached (or tried) but did not answer in time. */
    public boolean isTimeout() {
        return timeout;
    }
}
