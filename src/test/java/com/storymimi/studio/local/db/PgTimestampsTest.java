package com.storymimi.studio.local.db;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PgTimestampsTest {

    @Test
    void inputInPostgresSyntaxIsStoredAsSortableUtcWithMicroseconds() {
        assertEquals("2026-11-24T04:51:18.123457Z", PgTimestamps.parse("2026-11-24 06:51:18.1234567+02:00"));
        assertEquals("2026-11-24T00:00:00.000000Z", PgTimestamps.parse("2026-11-24"));
        assertEquals("2026-11-24T06:51:00.000000Z", PgTimestamps.parse("2026-11-24T06:51"));
    }

    @Test
    void outputTrimsFractionZerosLikePostgres() {
        assertEquals("2026-11-24T06:51:18.1+00:00", PgTimestamps.render("2026-11-24T06:51:18.100000Z"));
        assertEquals("2026-11-24T06:51:18+00:00", PgTimestamps.render("2026-11-24T06:51:18.000000Z"));
        assertEquals("2026-11-24T06:51:18.123456+00:00", PgTimestamps.render("2026-11-24T06:51:18.123456Z"));
    }

    @Test
    void nonsenseIsAnInputSyntaxError() {
        DatabaseError e = assertThrows(DatabaseError.class, () -> PgTimestamps.parse("yesterday-ish"));

        assertEquals("22007", e.sqlState());
        assertEquals("22008", assertThrows(DatabaseError.class, () -> PgTimestamps.parse("2026-13-01")).sqlState());
    }
}
