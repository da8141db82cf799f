package com.storymimi.studio.supabase.http;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

class JsonCodecTest {

    enum Status { PENDING, COMPLETED }

    record Row(UUID storyId, Status status, Instant createdAt, OffsetDateTime updatedAt, String imageUrl) {
    }

    private final JsonCodec codec = new JsonCodec();

    @Test
    void recordsMapToSnakeCaseAndBack() {
        Row row = new Row(UUID.fromString("11111111-2222-4333-8444-555555555555"), Status.COMPLETED,
                Instant.parse("2026-11-24T06:51:18.120Z"), OffsetDateTime.parse("2026-11-24T08:51:18+02:00"), null);

        String json = codec.toJson(row);

        assertEquals("{\"story_id\":\"11111111-2222-4333-8444-555555555555\",\"status\":\"COMPLETED\","
                + "\"created_at\":\"2026-11-24T06:51:18.120Z\",\"updated_at\":\"2026-11-24T08:51:18+02:00\","
                + "\"image_url\":null}", json);
        assertEquals(row, codec.fromJson(json, Row.class));
    }

    @Test
    void mapsKeepExplicitNulls() {
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("image_url", null);
        changes.put("text", "x");

        assertEquals("{\"image_url\":null,\"text\":\"x\"}", codec.toJson(changes));
    }

    @Test
    void instantsParseInEveryServiceFormat() {
        assertEquals(Instant.parse("2026-11-24T06:51:18.120Z"),
                codec.fromJson("\"2026-11-24T06:51:18.12+00:00\"", Instant.class));
        assertEquals(Instant.parse("2021-02-17T04:43:32.770Z"),
                codec.fromJson("\"2021-02-17T04:43:32.770Z\"", Instant.class));
        assertEquals(Instant.parse("2026-11-20T08:15:30.123456789Z"),
                codec.fromJson("\"2026-11-20T08:15:30.123456789Z\"", Instant.class));
        assertEquals(Instant.parse("2024-05-01T10:00:00Z"), codec.fromJson("\"2024-05-01T10:00:00\"", Instant.class));
    }
}
