package com.storymimi.studio.supabase.http;

import com.google.gson.FieldNamingPolicy;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;

import java.io.IOException;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * The JSON codec shared by every Supabase service. Record components map to snake_case columns
 * ({@code userId} ↔ {@code user_id}); enums travel by name; timestamps are read in all three Supabase
 * formats (PostgREST {@code +00:00}, Storage and GoTrue {@code Z}); nulls are written, so a map entry
 * {@code image_url → null} clears the column instead of vanishing.
 */
public final class JsonCodec {

    private final Gson gson;

    public JsonCodec() {
        this.gson = new GsonBuilder()
                .setFieldNamingPolicy(FieldNamingPolicy.LOWER_CASE_WITH_UNDERSCORES)
                .serializeNulls()
                .disableHtmlEscaping()
                .registerTypeAdapter(UUID.class, new UuidAdapter().nullSafe())
                .registerTypeAdapter(Instant.class, new InstantAdapter().nullSafe())
                .registerTypeAdapter(OffsetDateTime.class, new OffsetDateTimeAdapter().nullSafe())
                .create();
    }

    public Gson gson() {
        return gson;
    }

    public String toJson(Object value) {
        return gson.toJson(value);
    }

    /** Decodes {@code json} as {@code type}; throws {@link JsonParseException} when it does not fit. */
    public <T> T fromJson(String json, Type type) {
        return gson.fromJson(json, type);
    }

    /** Timestamps with an offset ({@code Z}, {@code +00:00}); a bare {@code timestamp} column is taken as UTC. */
    static OffsetDateTime parseTimestamp(String text) {
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

    private static final class UuidAdapter extends TypeAdapter<UUID> {
        @Override
        public void write(JsonWriter out, UUID value) throws IOException {
            out.value(value.toString());
        }

        @Override
        public UUID read(JsonReader in) throws IOException {
            String text = in.nextString();
            try {
                return UUID.fromString(text);
            } catch (IllegalArgumentException e) {
                throw new JsonParseException("Not a UUID: " + text, e);
            }
        }
    }

    private static final class InstantAdapter extends TypeAdapter<Instant> {
        @Override
        public void write(JsonWriter out, Instant value) throws IOException {
            out.value(value.toString());
        }

        @Override
        public Instant read(JsonReader in) throws IOException {
            if (in.peek() == JsonToken.NUMBER) {
                return Instant.ofEpochSecond(in.nextLong()); // GoTrue's expires_at
            }
            return parseTimestamp(in.nextString()).toInstant();
        }
    }

    private static final class OffsetDateTimeAdapter extends TypeAdapter<OffsetDateTime> {
        @Override
        public void write(JsonWriter out, OffsetDateTime value) throws IOException {
            out.value(value.toString());
        }

        @Override
        public OffsetDateTime read(JsonReader in) throws IOException {
            return parseTimestamp(in.nextString());
        }
    }
}
