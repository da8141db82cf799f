package com.storymimi.studio.supabase.http;

import com.google.gson.JsonParseException;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Reads the timestamps Supabase sends. The shape every service uses ({@code 2026-11-24T06:51:18.123456+00:00},
 * {@code …Z}) is parsed by hand: through {@code DateTimeFormatter} it took 43 % of the client's CPU in the
 * read benchmark. Anything else goes to the JDK's parser, so no shape is refused that it accepts.
 */
final class Timestamps {

    private Timestamps() {
    }

    /** Timestamps with an offset ({@code Z}, {@code +00:00}); a bare {@code timestamp} column is taken as UTC. */
    static OffsetDateTime parse(String text) {
        OffsetDateTime fast = parseCommonShape(text);
        return fast != null ? fast : parseAnyShape(text);
    }

    /** {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}](Z|±HH:MM)}, or null for anything else. */
    static OffsetDateTime parseCommonShape(String s) {
        int n = s.length();
        if (n < 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T'
                || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if ((year | month | day | hour | minute | second) < 0) {
            return null;
        }
        int i = 19;
        int nanos = 0;
        if (s.charAt(i) == '.') {
            int start = ++i;
            while (i < n && i - start < 9 && isDigit(s.charAt(i))) {
                nanos = nanos * 10 + (s.charAt(i++) - '0');
            }
            if (i == start || (i < n && isDigit(s.charAt(i)))) {
                return null;
            }
            for (int scale = i - start; scale < 9; scale++) {
                nanos *= 10;
            }
        }
        ZoneOffset offset = offset(s, i);
        if (offset == null) {
            return null;
        }
        try {
            return OffsetDateTime.of(year, month, day, hour, minute, second, nanos, offset);
        } catch (DateTimeException outOfRange) {
            return null;
        }
    }

    private static ZoneOffset offset(String s, int i) {
        int n = s.length();
        if (i == n - 1 && s.charAt(i) == 'Z') {
            return ZoneOffset.UTC;
        }
        char sign = i < n ? s.charAt(i) : 0;
        if (i != n - 6 || (sign != '+' && sign != '-') || s.charAt(i + 3) != ':') {
            return null;
        }
        int hours = digits(s, i + 1, 2);
        int minutes = digits(s, i + 4, 2);
        if (hours < 0 || minutes < 0 || hours > 18 || minutes > 59) {
            return null;
        }
        int seconds = hours * 3600 + minutes * 60;
        return ZoneOffset.ofTotalSeconds(sign == '-' ? -seconds : seconds);
    }

    private static int digits(String s, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static OffsetDateTime parseAnyShape(String text) {
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(text).atOffset(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw new JsonParseException("Not a timestamp: " + text, e);
            }
        }
    }
}
