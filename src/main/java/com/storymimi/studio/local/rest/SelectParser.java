package com.storymimi.studio.local.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses {@code select=} (columns, {@code alias:col}, {@code col::cast}, embeds with nested lists). */
final class SelectParser {

    private static final Pattern FIELD = Pattern.compile("(?:([^:()\"]+):(?!:))?(\"[^\"]*\"|[^:()]+?)(?:::(\\w+))?");
    private static final Pattern EMBED = Pattern.compile(
            "(?:([^:()!\"]+):(?!:))?([^:()!\"]+)((?:![^!()]+)*)\\((.*)\\)", Pattern.DOTALL);

    /**
     * How deep embeds may nest. PostgREST has no limit (its schema cache refuses a deep chain of relationships
     * anyway); the sandbox parses recursively, so it refuses deeper selects with a 400 before parsing.
     */
    static final int MAX_EMBED_DEPTH = 32;

    private SelectParser() {
    }

    static List<SelectItem> parse(String select) {
        int depth = 0;
        int deepest = 0;
        for (int i = 0; i < select.length(); i++) {
            char c = select.charAt(i);
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            deepest = Math.max(deepest, depth);
        }
        if (deepest > MAX_EMBED_DEPTH) {
            throw PostgrestException.parseError("\"failed to parse select parameter\" (line 1, column 1)",
                    "embeds nested deeper than " + MAX_EMBED_DEPTH + " levels; the local sandbox allows "
                            + MAX_EMBED_DEPTH);
        }
        return items(select);
    }

    private static List<SelectItem> items(String select) {
        List<SelectItem> items = new ArrayList<>();
        for (String raw : splitTopLevel(select)) {
            String item = raw.strip();
            if (item.isEmpty()) {
                throw failure(select);
            }
            items.add(item(item, select));
        }
        return items;
    }

    private static SelectItem item(String item, String whole) {
        if (item.equals("*")) {
            return new SelectItem.Star();
        }
        if (item.endsWith(")")) {
            Matcher m = EMBED.matcher(item);
            if (!m.matches()) {
                throw failure(whole);
            }
            String hint = null;
            boolean inner = false;
            for (String part : m.group(3).split("!")) {
                if (part.equals("inner")) {
                    inner = true;
                } else if (!part.isEmpty() && !part.equals("left")) {
                    hint = part;
                }
            }
            return new SelectItem.Embed(m.group(2).strip(), strip(m.group(1)), hint, inner, items(m.group(4)));
        }
        Matcher m = FIELD.matcher(item);
        if (!m.matches()) {
            throw failure(whole);
        }
        return new SelectItem.Field(FilterParser.unquoteIdentifier(m.group(2)), strip(m.group(1)), m.group(3));
    }

    private static String strip(String s) {
        return s == null ? null : s.strip();
    }

    /** Splits on commas outside parentheses and double quotes. */
    static List<String> splitTopLevel(String text) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')') {
                depth--;
            } else if (!quoted && depth == 0 && c == ',') {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        if (depth != 0 || quoted) {
            throw failure(text);
        }
        parts.add(text.substring(start));
        return parts;
    }

    private static PostgrestException failure(String select) {
        return PostgrestException.parseError("\"failed to parse select parameter (" + select + ")\" (line 1, column 1)",
                "unexpected input in select");
    }
}
