package com.storymimi.studio.local.db;

/**
 * An error as Postgres would report it: SQLSTATE, message, details, hint. The sandbox raises these wherever
 * Postgres would (bad input syntax, constraint violations, RLS), and the REST layer maps the SQLSTATE to an
 * HTTP status exactly like PostgREST does.
 */
public final class DatabaseError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String sqlState;
    private final String details;
    private final String hint;

    public DatabaseError(String sqlState, String message, String details, String hint) {
        super(message, null, false, false);
        this.sqlState = sqlState;
        this.details = details;
        this.hint = hint;
    }

    public DatabaseError(String sqlState, String message) {
        this(sqlState, message, null, null);
    }

    /** Postgres's 22003 for a number its type cannot hold. */
    public static DatabaseError outOfRange(String raw, String typeName) {
        return new DatabaseError("22003", "value \"" + raw + "\" is out of range for type " + typeName);
    }

    public String sqlState() {
        return sqlState;
    }

    public String details() {
        return details;
    }

    public String hint() {
        return hint;
    }

    static DatabaseError invalidSyntax(String pgType, String raw) {
        return new DatabaseError("22P02", "invalid input syntax for type " + pgType + ": \"" + raw + "\"");
    }
}
