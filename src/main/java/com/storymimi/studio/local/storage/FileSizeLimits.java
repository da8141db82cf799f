package com.storymimi.studio.local.storage;

import com.google.gson.JsonElement;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A bucket's {@code file_size_limit}: a byte count, or a string like "50MB" in decimal units. */
final class FileSizeLimits {

    private static final Pattern WITH_UNIT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(b|kb|mb|gb)");

    private FileSizeLimits() {
    }

    /** The limit in bytes; 0 for null (no bucket limit). */
    static long parse(JsonElement value) {
        if (value == null || value.isJsonNull()) {
            return 0;
        }
        if (!value.isJsonPrimitive()) {
            throw StorageException.invalidFileSizeLimit();
        }
        if (value.getAsJsonPrimitive().isNumber()) {
            double number = value.getAsDouble();
            if (number < 0 || number != Math.rint(number)) {
                throw StorageException.badRequest("body/file_size_limit must be integer >= 0");
            }
            return (long) number;
        }
        Matcher m = WITH_UNIT.matcher(value.getAsString().strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw StorageException.invalidFileSizeLimit();
        }
        double amount = Double.parseDouble(m.group(1));
        long unit = switch (m.group(2)) {
            case "kb" -> 1_000L;
            case "mb" -> 1_000_000L;
            case "gb" -> 1_000_000_000L;
            default -> 1L;
        };
        return Math.round(amount * unit);
    }
}
