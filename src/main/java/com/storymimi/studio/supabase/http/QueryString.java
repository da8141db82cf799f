package com.storymimi.studio.supabase.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * An ordered list of query parameters, held decoded and percent-encoded only when rendered. This is the one
 * place where URLs get percent-encoded: everything but RFC 3986 unreserved characters is encoded, so
 * {@code & # % + =}, quotes, commas and spaces can never change how a server splits the query.
 */
public final class QueryString {

    private static final QueryString EMPTY = new QueryString(List.of());
    /** Parameters whose values are credentials and never reach a log. */
    private static final Set<String> SECRET_KEYS = Set.of("apikey", "token", "access_token", "refresh_token");

    private final List<Param> params;

    private QueryString(List<Param> params) {
        this.params = params;
    }

    public static QueryString empty() {
        return EMPTY;
    }

    /** One decoded parameter. */
    public record Param(String key, String value) {
        public Param {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
        }
    }

    /** A copy with {@code key=value} appended (repeated keys are kept: PostgREST ANDs them). */
    public QueryString with(String key, String value) {
        List<Param> copy = new ArrayList<>(params);
        copy.add(new Param(key, value));
        return new QueryString(List.copyOf(copy));
    }

    public List<Param> params() {
        return params;
    }

    public boolean isEmpty() {
        return params.isEmpty();
    }

    /** The wire form, e.g. {@code select=user_id%2Cusername&user_id=eq.42}; empty when there are no params. */
    public String encoded() {
        return render(false);
    }

    /** The wire form with the values of credential parameters replaced, for logs. */
    public String redacted() {
        return render(true);
    }

    private String render(boolean redact) {
        StringBuilder out = new StringBuilder();
        for (Param param : params) {
            if (!out.isEmpty()) {
                out.append('&');
            }
            boolean secret = redact && SECRET_KEYS.contains(param.key().toLowerCase(Locale.ROOT));
            out.append(encode(param.key())).append('=').append(secret ? "[REDACTED]" : encode(param.value()));
        }
        return out.toString();
    }

    /** Percent-encodes UTF-8 bytes of everything but {@code A-Z a-z 0-9 - . _ ~}; also right for path segments. */
    public static String encode(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (isUnreserved(c)) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return out.toString();
    }

    private static boolean isUnreserved(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~';
    }

    @Override
    public String toString() {
        return redacted();
    }
}
