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
import java.time.OffsetDateTime;
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
            return Timestamps.parse(in.nextString()).toInstant();
        }
    }

    private static final class OffsetDateTimeAdapter extends TypeAdapter<OffsetDateTime> {
        @Override
        public void write(JsonWriter out, OffsetDateTime value) throws IOException {
            out.value(value.toString());
        }

        @Override
        public OffsetDateTime read(JsonReader in) throws IOException {
            return Timestamps.parse(in.nextString());
        }
    }
}
