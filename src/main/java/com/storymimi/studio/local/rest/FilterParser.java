package com.storymimi.studio.local.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Parses filter values ({@code not.in.(a,"b,c")}) and logic trees ({@code (a.eq.1,and(b.gt.0,b.lt.9))}) with
 * PostgREST's quoting rules: a top-level scalar value is verbatim to the end of the parameter; inside a list
 * or a tree an element ends at ',' or ')' unless it is double-quoted, and inside quotes a backslash escapes
 * the next character.
 */
final class FilterParser {

    private static final Set<String> IS_VALUES = Set.of("null", "not_null", "true", "false", "unknown");
    /**
     * How deep {@code and(...)}/{@code or(...)} may nest. PostgREST has no limit; the sandbox parses and builds
     * SQL recursively, so it refuses deeper trees with a 400 rather than run out of stack (supabase-protocol.md).
     */
    static final int MAX_TREE_DEPTH = 100;

    private final String text;
    private int pos;
    private int depth;

    private FilterParser(String text) {
        this.text = text;
    }

    /** {@code column=value} where value is {@code [not.]op.operand}. */
    static Condition.Comparison comparison(String column, String value) {
        FilterParser p = new FilterParser(value);
        Condition.Comparison c = p.comparisonAfterField(column, false);
        if (!p.atEnd()) {
            throw p.failure("filter", value);
        }
        return c;
    }

    /** {@code or=(...)} / {@code not.and=(...)}. */
    static Condition.Logical logic(boolean disjunction, boolean negated, String value) {
        FilterParser p = new FilterParser(value);
        // PostgREST 12 stops at the group's closing parenthesis and ignores whatever follows it
        List<Condition> children = p.group(value);
        return new Condition.Logical(disjunction, negated, children);
    }

    private Condition.Comparison comparisonAfterField(String column, boolean inTree) {
        boolean negated = consume("not.");
        int opStart = pos;
        String op = readUntil('.');
        Operator operator = Operator.fromToken(op).orElse(null);
        if (operator == null || !consume(".")) {
            // PostgREST 12's parsec message: it names the first character it could not take as an operator
            String unexpected = opStart < text.length() ? String.valueOf(text.charAt(opStart)) : "end of input";
            throw PostgrestException.parseError("\"failed to parse filter (" + text + ")\" (line 1, column "
                    + (opStart + 1) + ")", "unexpected \"" + unexpected + "\" expecting "
                    + (negated ? "" : "\"not\" or ") + "operator (eq, gt, ...)");
        }
        List<String> values = switch (operator) {
            case IN -> list();
            case IS -> List.of(isValue(inTree));
            default -> List.of(inTree ? element() : rest());
        };
        return new Condition.Comparison(column, operator, negated, values);
    }

    private String isValue(boolean inTree) {
        String raw = (inTree ? element() : rest()).toLowerCase(Locale.ROOT);
        if (!IS_VALUES.contains(raw)) {
            throw PostgrestException.parseError("\"failed to parse filter (is." + raw + ")\" (line 1, column 4)",
                    "unexpected \"" + raw + "\" expecting null or trilean value (unknown, true, false)");
        }
        return raw;
    }

    private List<Condition> group(String whole) {
        if (!consume("(")) {
            throw failure("logic tree", whole);
        }
        if (++depth > MAX_TREE_DEPTH) {
            throw PostgrestException.parseError("\"failed to parse logic tree\" (line 1, column " + pos + ")",
                    "and/or groups nested deeper than " + MAX_TREE_DEPTH + " levels; the local sandbox allows "
                            + MAX_TREE_DEPTH);
        }
        List<Condition> children = new ArrayList<>();
        do {
            children.add(treeElement(whole));
        } while (consume(","));
        if (!consume(")")) {
            throw failure("logic tree", whole);
        }
        depth--;
        return children;
    }

    private Condition treeElement(String whole) {
        int start = pos;
        boolean negated = consume("not.");
        for (String keyword : List.of("and", "or")) {
            if (text.startsWith(keyword + "(", pos)) {
                pos += keyword.length();
                return new Condition.Logical(keyword.equals("or"), negated, group(whole));
            }
        }
        pos = start;
        String field = readUntil('.');
        if (field.isEmpty() || !consume(".")) {
            throw failure("logic tree", whole);
        }
        return comparisonAfterField(unquoteIdentifier(field), true);
    }

    private List<String> list() {
        if (!consume("(")) {
            throw failure("filter", text);
        }
        List<String> elements = new ArrayList<>();
        if (consume(")")) {
            return elements;
        }
        do {
            elements.add(element());
        } while (consume(","));
        if (!consume(")")) {
            throw failure("filter", text);
        }
        return elements;
    }

    /** A list or tree element: quoted, or raw up to ',' or ')' (a {...} literal is taken whole). */
    private String element() {
        if (peek() == '"') {
            return quoted();
        }
        StringBuilder out = new StringBuilder();
        int depth = 0;
        while (!atEnd()) {
            char c = peek();
            if (depth == 0 && (c == ',' || c == ')')) {
                break;
            }
            depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            out.append(c);
            pos++;
        }
        return out.toString();
    }

    private String quoted() {
        pos++;
        StringBuilder out = new StringBuilder();
        while (!atEnd() && peek() != '"') {
            char c = text.charAt(pos++);
            if (c == '\\' && !atEnd()) {
                c = text.charAt(pos++);
            }
            out.append(c);
        }
        if (atEnd()) {
            throw failure("filter", text);
        }
        pos++;
        if (!atEnd() && peek() != ',' && peek() != ')') {
            throw failure("filter", text);
        }
        return out.toString();
    }

    private String rest() {
        String value = text.substring(pos);
        pos = text.length();
        return value;
    }

    private String readUntil(char stop) {
        int start = pos;
        if (peek() == '"') {
            quoted();
            return text.substring(start, pos);
        }
        while (!atEnd() && peek() != stop && peek() != ',' && peek() != ')') {
            pos++;
        }
        return text.substring(start, pos);
    }

    static String unquoteIdentifier(String identifier) {
        String id = identifier.strip();
        if (id.length() >= 2 && id.startsWith("\"") && id.endsWith("\"")) {
            return id.substring(1, id.length() - 1);
        }
        return id;
    }

    private boolean consume(String token) {
        if (text.startsWith(token, pos)) {
            pos += token.length();
            return true;
        }
        return false;
    }

    private char peek() {
        return atEnd() ? '\0' : text.charAt(pos);
    }

    private boolean atEnd() {
        return pos >= text.length();
    }

    private PostgrestException failure(String what, String whole) {
        return PostgrestException.parseError("\"failed to parse " + what + " (" + whole + ")\" (line 1, column "
                + (pos + 1) + ")", "unexpected input at column " + (pos + 1));
    }
}
