package com.storymimi.studio.service;

import java.io.Serial;
import java.util.Optional;

/**
 * A {@link ServiceException} with reason {@link Reason#CONFLICT}: an optimistic write found that the row changed on
 * the server since it was loaded, and wrote nothing. It carries the row as it is now, so the UI can show what
 * changed and offer to reapply the edit on top of it.
 */
public final class ConflictException extends ServiceException {

    @Serial
    private static final long serialVersionUID = 1L;

    // Records of the model are not Serializable; a deserialised exception simply has no current row.
    private final transient Object current;

    public ConflictException(String message, Object current) {
        super(Reason.CONFLICT, message);
        this.current = current;
    }

    /** The row as the server holds it now (a {@code Story} or a {@code Scene}). */
    public Object current() {
        return current;
    }

    /** The current row when it is of {@code type}, e.g. {@code current(Story.class)}. */
    public <T> Optional<T> current(Class<T> type) {
        return type.isInstance(current) ? Optional.of(type.cast(current)) : Optional.empty();
    }
}
