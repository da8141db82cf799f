package com.storymimi.studio.model;

import java.util.List;

/** One page of a server-side list and the total number of rows the query matches. */
public record Page<T>(List<T> items, PageRequest request, long total) {

    public Page {
        items = List.copyOf(items);
    }

    public boolean hasNext() {
        return request.offset() + items.size() < total;
    }

    public boolean hasPrevious() {
        return request.offset() > 0;
    }
}
