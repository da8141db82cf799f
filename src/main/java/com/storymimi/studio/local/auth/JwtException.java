package com.storymimi.studio.local.auth;

/** Why a JWT was refused; the message is safe to show (it never contains the token). */
public final class JwtException extends Exception {

    private static final long serialVersionUID = 1L;

    public enum Kind { MALFORMED, BAD_SIGNATURE, EXPIRED, NOT_YET_VALID }

    private final Kind kind;

    public JwtException(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
