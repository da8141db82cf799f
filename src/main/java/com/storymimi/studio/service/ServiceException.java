package com.storymimi.studio.service;

/**
 * The one failure type services hand to the UI. {@link #reason()} says what kind of failure it was, so the
 * UI can say one short sentence; {@link #getMessage()} carries the technical detail for the log and never
 * contains keys or tokens.
 */
public class ServiceException extends RuntimeException {

    public enum Reason {
        /** The input broke a rule (empty username, malformed email, check constraint). */
        INVALID,
        /** A unique value is taken already (e.g. the email of another user). */
        DUPLICATE,
        /** The row or object does not exist (any more). */
        NOT_FOUND,
        /** The row changed on the server since it was loaded. */
        CONFLICT,
        /** The backend refused: not signed in, expired session, or a policy forbids it. */
        DENIED,
        /** The backend could not be reached or did not answer in time. */
        UNAVAILABLE,
        /** Anything else: a server error or an answer the client did not understand. */
        FAILED
    }

    private final Reason reason;

    public ServiceException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public ServiceException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
