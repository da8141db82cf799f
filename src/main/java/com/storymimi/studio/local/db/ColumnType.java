package com.storymimi.studio.local.db;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The Postgres types the sandbox understands, read from the declared column type in the SQLite DDL.
 * Each one turns Postgres input syntax (filter values, JSON body values) into its stored SQLite value and
 * renders stored values the way Postgres's to_json does.
 */
public enum ColumnType {
    UUID("uuid"),
    TEXT("text"),
    INTEGER("integer"),
    BOOLEAN("boolean"),
    TIMESTAMPTZ("timestamp with time zone"),
    /** Stored as its compact JSON text; served as the JSON value itself, as PostgREST serves jsonb. */
    JSONB("jsonb");

    private static final Pattern UUID_INPUT = Pattern.compile(
            "\\{?([0-9a-fA-F]{8})-?([0-9a-fA-F]{4})-?([0-9a-fA-F]{4})-?([0-9a-fA-F]{4})-?([0-9a-fA-F]{12})}?");

    private final String pgName;

    ColumnType(String pgName) {
        this.pgName = pgName;
    }

    public String pgName() {
        return pgName;
    }

    /** Maps a declared SQLite column type; anything unknown is served as text. */
    public static ColumnType fromDeclared(String declared) {
        return switch (declared.strip().toUpperCase(Locale.ROOT)) {
            case "UUID" -> UUID;
            case "INTEGER", "INT", "INT4", "BIGINT", "INT8" -> INTEGER;
            case "BOOLEAN", "BOOL" -> BOOLEAN;
            case "TIMESTAMPTZ", "TIMESTAMP WITH TIME ZONE" -> TIMESTAMPTZ;
            case "JSONB", "JSON" -> JSONB;
            default -> TEXT;
        };
    }

    /** A value written in Postgres text input syntax, e.g. a filter operand. */
    public Object parseText(String raw) {
        return switch (this) {
            case TEXT -> raw;
            case UUID -> parseUuid(raw);
            case INTEGER -> parseInteger(raw);
            case BOOLEAN -> parseBoolean(raw);
            case TIMESTAMPTZ -> PgTimestamps.parse(raw);
            case JSONB -> parseJson(raw);
        };
    }

    /** A JSON body value; JSON null gives null. Scalars go through the text syntax as json_populate_record does. */
    public Object fromJson(JsonElement element) {
        if (element == null || element.isJsonNull()) {
            return null;
        }
        if (this == JSONB) {
            return element.toString();
        }
        if (!element.isJsonPrimitive()) {
            if (this == TEXT) {
                return element.toString();
            }
            throw DatabaseError.invalidSyntax(pgName, element.toString());
        }
        JsonPrimitive primitive = element.getAsJsonPrimitive();
        if (this == INTEGER && primitive.isNumber()) {
            return integralNumber(primitive);
        }
        if (this == BOOLEAN && primitive.isBoolean()) {
            return primitive.getAsBoolean() ? 1 : 0;
        }
        return parseText(primitive.getAsString());
    }

    /** Writes a value read from SQLite as Postgres's JSON would show it. */
    public void writeJson(JsonWriter out, Object stored) throws IOException {
        if (stored == null) {
            out.nullValue();
            return;
        }
        switch (this) {
            case INTEGER -> out.value(((Number) stored).longValue());
            case BOOLEAN -> out.value(((Number) stored).intValue() != 0);
            case TIMESTAMPTZ -> out.value(PgTimestamps.render(stored.toString()));
            case JSONB -> out.jsonValue(stored.toString());
            default -> out.value(stored.toString());
        }
    }

    /** The value as Postgres prints it in error details ("Key (email)=(a@b.c) already exists."). */
    public String display(Object stored) {
        if (stored == null) {
            return "null";
        }
        return switch (this) {
            case BOOLEAN -> ((Number) stored).intValue() != 0 ? "t" : "f";
            case TIMESTAMPTZ -> PgTimestamps.render(stored.toString()).replace('T', ' ').replace("+00:00", "+00");
            default -> stored.toString();
        };
    }

    private Object integralNumber(JsonPrimitive primitive) {
        BigDecimal value = primitive.getAsBigDecimal();
        try {
            return checkRange(value.toBigIntegerExact().longValueExact(), primitive.getAsString());
        } catch (ArithmeticException e) {
            if (value.stripTrailingZeros().scale() > 0) {
                throw DatabaseError.invalidSyntax(pgName, primitive.getAsString());
            }
            throw outOfRange(primitive.getAsString());
        }
    }

    private static String parseUuid(String raw) {
        var m = UUID_INPUT.matcher(raw.strip());
        if (!m.matches()) {
            throw DatabaseError.invalidSyntax("uuid", raw);
        }
        return (m.group(1) + "-" + m.group(2) + "-" + m.group(3) + "-" + m.group(4) + "-" + m.group(5))
                .toLowerCase(Locale.ROOT);
    }

    private static String parseJson(String raw) {
        try (JsonReader reader = new JsonReader(new StringReader(raw))) {
            reader.setStrictness(Strictness.STRICT);
            String canonical = JsonParser.parseReader(reader).toString();
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw DatabaseError.invalidSyntax("json", raw);
            }
            return canonical;
        } catch (JsonParseException | IOException | IllegalStateException e) {
            throw DatabaseError.invalidSyntax("json", raw);
        }
    }

    private long parseInteger(String raw) {
        String text = raw.strip();
        if (!text.matches("[+-]?\\d+")) {
            throw DatabaseError.invalidSyntax(pgName, raw);
        }
        try {
            return checkRange(Long.parseLong(text), raw);
        } catch (NumberFormatException e) {
            throw outOfRange(raw);
        }
    }

    private long checkRange(long value, String raw) {
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw outOfRange(raw);
        }
        return value;
    }

    private DatabaseError outOfRange(String raw) {
        return DatabaseError.outOfRange(raw, pgName);
    }

    private static int parseBoolean(String raw) {
        return switch (raw.strip().toLowerCase(Locale.ROOT)) {
            case "t", "true", "y", "yes", "on", "1" -> 1;
            case "f", "false", "n", "no", "off", "0" -> 0;
            default -> throw DatabaseError.invalidSyntax("boolean", raw);
        };
    }
}
