package com.storymimi.studio.local.db;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one storage form of a timestamptz (UTC text with exactly six fraction digits, so text order is time
 * order) and its conversions from Postgres input syntax and to Postgres's JSON output.
 */
public final class PgTimestamps {

    private static final DateTimeFormatter STORED =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
    private static final Pattern INPUT = Pattern.compile(
            "(\\d{4})-(\\d{1,2})-(\\d{1,2})"
            + "(?:[Tt ](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,9}))?)?)?"
            + "\\s*(Z|z|UTC|[+-]\\d{2}(?::?\\d{2})?)?");

    private PgTimestamps() {
    }

    /** The stored form of an instant, rounded to microseconds like Postgres. */
    public static String format(Instant instant) {
        long nanos = instant.getNano() % 1000;
        Instant micros = instant.truncatedTo(ChronoUnit.MICROS);
        if (nanos >= 500) {
            micros = micros.plus(1, ChronoUnit.MICROS);
        }
        return STORED.format(micros);
    }

    public static Instant toInstant(String stored) {
        return Instant.parse(stored);
    }

    /** Parses what Postgres accepts for timestamptz input (ISO with T or space, optional offset, or a date). */
    public static String parse(String raw) {
        Matcher m = INPUT.matcher(raw.strip());
        if (!m.matches()) {
            throw new DatabaseError("22007", "invalid input syntax for type timestamp with time zone: \"" + raw + "\"");
        }
        try {
            LocalDate date = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)));
            LocalTime time = LocalTime.MIDNIGHT;
            if (m.group(4) != null) {
                int seconds = m.group(6) == null ? 0 : Integer.parseInt(m.group(6));
                int nanos = m.group(7) == null ? 0 : Integer.parseInt((m.group(7) + "00000000").substring(0, 9));
                time = LocalTime.of(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)), seconds, nanos);
            }
            return format(date.atTime(time).toInstant(offset(m.group(8))));
        } catch (DateTimeException e) {
            throw new DatabaseError("22008", "date/time field value out of range: \"" + raw + "\"");
        }
    }

    private static ZoneOffset offset(String raw) {
        if (raw == null || raw.equalsIgnoreCase("Z") || raw.equals("UTC")) {
            return ZoneOffset.UTC;
        }
        String digits = raw.replace(":", "");
        int hours = Integer.parseInt(digits.substring(1, 3));
        int minutes = digits.length() > 3 ? Integer.parseInt(digits.substring(3, 5)) : 0;
        int sign = digits.charAt(0) == '-' ? -1 : 1;
        return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
    }

    /** Postgres's JSON rendering: +00:00 offset, trailing fraction zeros trimmed, no fraction when zero. */
    public static String render(String stored) {
        int dot = stored.indexOf('.');
        if (dot < 0) {
            return stored.replace("Z", "+00:00");
        }
        String fraction = stored.substring(dot + 1, stored.length() - 1);
        int end = fraction.length();
        while (end > 0 && fraction.charAt(end - 1) == '0') {
            end--;
        }
        String head = stored.substring(0, dot);
        return (end == 0 ? head : head + "." + fraction.substring(0, end)) + "+00:00";
    }
}
