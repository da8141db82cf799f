package com.storymimi.studio.model;

/** Which slice of a server-side list to fetch: rows {@code offset .. offset+limit-1}. */
public record PageRequest(int offset, int limit) {

    public PageRequest {
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be >= 0: " + offset);
        }
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be >= 1: " + limit);
        }
    }

    public static PageRequest first(int limit) {
        return new PageRequest(0, limit);
    }

    public PageRequest next() {
        return new PageRequest(offset + limit, limit);
    }

    public PageRequest previous() {
        return new PageRequest(Math.max(0, offset - limit), limit);
    }
}
