package com.storymimi.studio.supabase.storage;

/**
 * Paging, order and name filter of a listing ({@code POST /object/list/{bucket}}).
 *
 * @param limit  at most this many entries (the server caps it at 1500)
 * @param search a case-insensitive prefix of names in the folder (not a substring); empty for all
 */
public record ListOptions(int limit, int offset, SortBy sortBy, String search) {

    public static final ListOptions DEFAULT = new ListOptions(100, 0, SortBy.NAME_ASC, "");

    public ListOptions {
        if (limit < 1 || offset < 0) {
            throw new IllegalArgumentException("limit must be >= 1 and offset >= 0: " + limit + ", " + offset);
        }
        sortBy = sortBy == null ? SortBy.NAME_ASC : sortBy;
        search = search == null ? "" : search;
    }

    public ListOptions withPage(int newLimit, int newOffset) {
        return new ListOptions(newLimit, newOffset, sortBy, search);
    }

    public ListOptions withSortBy(SortBy newSortBy) {
        return new ListOptions(limit, offset, newSortBy, search);
    }

    public ListOptions withSearch(String newSearch) {
        return new ListOptions(limit, offset, sortBy, newSearch);
    }

    /** A sort column ({@code name, updated_at, created_at, last_accessed_at}) and direction. */
    public record SortBy(String column, boolean ascending) {

        public static final SortBy NAME_ASC = new SortBy("name", true);

        public SortBy {
            if (!java.util.Set.of("name", "updated_at", "created_at", "last_accessed_at").contains(column)) {
                throw new IllegalArgumentException("Storage cannot sort by " + column);
            }
        }

        String order() {
            return ascending ? "asc" : "desc";
        }
    }
}
