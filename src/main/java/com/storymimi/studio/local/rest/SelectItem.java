package com.storymimi.studio.local.rest;

import java.util.List;

/** One entry of {@code select=}: all columns, a (renamed, cast) column, or an embedded resource. */
public sealed interface SelectItem {

    record Star() implements SelectItem {
    }

    /** {@code alias:column::cast}; alias and cast may be null. */
    record Field(String column, String alias, String cast) implements SelectItem {
        public String outputName() {
            return alias != null ? alias : column;
        }
    }

    /**
     * {@code alias:relation!hint!inner(items)}. Parsed so that the grammar is complete, executed in a later
     * version (the SQL builder refuses it for now).
     */
    record Embed(String relation, String alias, String hint, boolean inner, List<SelectItem> items)
            implements SelectItem {
        public Embed {
            items = List.copyOf(items);
        }
    }
}
