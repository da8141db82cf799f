package com.storymimi.studio.local.storage;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Storage's timestamp form: JS {@code toISOString}, i.e. UTC with exactly three fraction digits and 'Z'. */
final class IsoTime {

    private static final DateTimeFormatter JS_ISO =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private IsoTime() {
    }

    static String format(Instant instant) {
        return JS_ISO.format(instant);
    }

    /** Re-renders a stored timestamp (older rows may carry more fraction digits). */
    static String reformat(String stored) {
        return stored == null ? null : format(Instant.parse(stored));
    }
}
