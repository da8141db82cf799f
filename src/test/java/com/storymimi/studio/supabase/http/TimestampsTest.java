package com.storymimi.studio.supabase.http;

import com.google.gson.JsonParseException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The hand-written timestamp parser must read exactly what the JDK's parser reads. */
class TimestampsTest {

    @Test
    void agreesWithTheJdkOnRandomTimestampsInEveryFractionLengthAndOffset() {
        Random random = new Random(7);
        String[] offsets = {"Z", "+00:00", "+02:00", "-05:30", "+14:00", "-12:00"};
        for (int i = 0; i < 5_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(0, 4_102_444_800L), random.nextInt(1_000_000_000));
            int digits = random.nextInt(10);
            String fraction = digits == 0 ? "" : "." + String.format("%09d", instant.getNano()).substring(0, digits);
            String offset = offsets[random.nextInt(offsets.length)];
            String text = instant.atOffset(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).toLocalDateTime() + fraction
                    + offset;
            if (text.length() < 20 || text.charAt(19) != '.' && !fraction.isEmpty()) {
                continue; // LocalDateTime.toString drops ":00" seconds; such text is covered below
            }

            assertEquals(OffsetDateTime.parse(text), Timestamps.parse(text), text);
        }
    }

    @Test
    void readsEachServicesShape() {
        assertEquals(OffsetDateTime.parse("2026-11-24T06:51:18.123456+00:00"),
                Timestamps.parse("2026-11-24T06:51:18.123456+00:00"), "PostgREST");
        assertEquals(OffsetDateTime.parse("2021-02-17T04:43:32.770Z"), Timestamps.parse("2021-02-17T04:43:32.770Z"),
                "Storage");
        assertEquals(OffsetDateTime.parse("2026-11-24T06:51:18.123456789Z"),
                Timestamps.parse("2026-11-24T06:51:18.123456789Z"), "GoTrue");
        assertEquals(OffsetDateTime.parse("2026-11-24T06:51:18Z"), Timestamps.parse("2026-11-24T06:51:18Z"));
    }

    @Test
    void otherShapesGoToTheJdkParser() {
        assertNull(Timestamps.parseCommonShape("2026-11-24T06:51Z"), "no seconds");
        assertEquals(OffsetDateTime.parse("2026-11-24T06:51Z"), Timestamps.parse("2026-11-24T06:51Z"));
        assertNull(Timestamps.parseCommonShape("2026-11-24T06:51:18"), "no offset");
        assertEquals(OffsetDateTime.parse("2026-11-24T06:51:18Z"), Timestamps.parse("2026-11-24T06:51:18"),
                "a bare timestamp column is UTC");
        assertNull(Timestamps.parseCommonShape("2026-02-30T06:51:18Z"), "no such day");
    }

    @Test
    void somethingThatIsNoTimestampIsRefused() {
        assertThrows(JsonParseException.class, () -> Timestamps.parse("yesterday at noon"));
    }
}
