package com.storymimi.studio.supabase.error;

/** No HTTP response arrived: connection refused or reset, DNS failure, or the request timed out. */
public final class TransportException extends SupabaseException {

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
