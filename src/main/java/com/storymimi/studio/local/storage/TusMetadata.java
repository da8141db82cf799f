package com.storymimi.studio.local.storage;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/** {@code Upload-Metadata}: comma-separated {@code key base64value} pairs (a key alone means empty). */
final class TusMetadata {

    private TusMetadata() {
    }

    static Map<String, String> parse(String header) {
        Map<String, String> values = new HashMap<>();
        for (String pair : header.split(",")) {
            String trimmed = pair.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            String[] parts = trimmed.split(" ", 2);
            try {
                values.put(parts[0], parts.length == 2
                        ? new String(Base64.getDecoder().decode(parts[1].strip()), StandardCharsets.UTF_8) : "");
            } catch (IllegalArgumentException e) {
                throw new TusException(400, "Upload-Metadata is invalid. It MUST consist of one or more"
                        + " comma-separated key-value pairs. The key and value MUST be separated by a space."
                        + " The value MUST be base64 encoded.");
            }
        }
        return values;
    }
}
