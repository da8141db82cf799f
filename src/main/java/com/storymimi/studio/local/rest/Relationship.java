package com.storymimi.studio.local.rest;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.storymimi.studio.local.db.Catalog;
import com.storymimi.studio.local.db.ForeignKey;
import com.storymimi.studio.local.db.TableInfo;

import java.util.ArrayList;
import java.util.List;

/**
 * A foreign-key path from a parent resource to an embedded one, as PostgREST finds it in its schema cache:
 * many-to-one when the parent holds the key (an object or null), one-to-many when the embedded table does
 * (an array). Rows join where {@code target.toColumns = parent.fromColumns}.
 */
record Relationship(TableInfo target, List<String> fromColumns, List<String> toColumns, boolean toOne,
                    String constraint) {

    /** Finds the one relationship between {@code parent} and {@code targetName}, narrowed by a {@code !hint}. */
    static Relationship resolve(Catalog catalog, TableInfo parent, String targetName, String hint) {
        TableInfo target = catalog.table(targetName).orElseThrow(() -> notFound(parent, targetName, hint));
        List<Relationship> candidates = new ArrayList<>();
        for (ForeignKey fk : parent.foreignKeys()) {
            if (fk.referencedTable().equals(target.name()) && matches(fk, hint)) {
                candidates.add(new Relationship(target, fk.columns(), fk.referencedColumns(), true, fk.name()));
            }
        }
        for (ForeignKey fk : target.foreignKeys()) {
            if (fk.referencedTable().equals(parent.name()) && matches(fk, hint)) {
                candidates.add(new Relationship(target, fk.referencedColumns(), fk.columns(), false, fk.name()));
            }
        }
        if (candidates.isEmpty()) {
            throw notFound(parent, targetName, hint);
        }
        if (candidates.size() > 1) {
            throw ambiguous(parent, target, candidates);
        }
        return candidates.getFirst();
    }

    private static boolean matches(ForeignKey fk, String hint) {
        return hint == null || hint.equals(fk.name()) || fk.columns().equals(List.of(hint));
    }

    private static PostgrestException notFound(TableInfo parent, String target, String hint) {
        String using = hint == null ? "" : " using the hint '" + hint + "'";
        return new PostgrestException(400, "PGRST200", "Could not find a relationship between '" + parent.name()
                + "' and '" + target + "' in the schema cache", "Searched for a foreign key relationship between '"
                + parent.name() + "' and '" + target + "'" + using
                + " in the schema 'public', but no matches were found.", null);
    }

    private static PostgrestException ambiguous(TableInfo parent, TableInfo target, List<Relationship> candidates) {
        JsonArray details = new JsonArray();
        for (Relationship r : candidates) {
            JsonObject d = new JsonObject();
            d.addProperty("cardinality", r.toOne() ? "many-to-one" : "one-to-many");
            d.addProperty("embedding", parent.name() + " with " + target.name());
            d.addProperty("relationship", r.constraint() + " using " + parent.name() + "(" + String.join(", ",
                    r.fromColumns()) + ") and " + target.name() + "(" + String.join(", ", r.toColumns()) + ")");
            details.add(d);
        }
        return new PostgrestException(300, "PGRST201", "Could not embed because more than one relationship was found for '"
                + parent.name() + "' and '" + target.name() + "'", details.toString(),
                "Try changing '" + target.name() + "' to one of the following: '" + target.name() + "!"
                        + candidates.getFirst().constraint() + "'. Find the desired relationship in the 'details' key.")
                .withRawDetails();
    }

    String quotedFromColumns() {
        return String.join(", ", fromColumns.stream().map(Catalog::quote).toList());
    }
}
