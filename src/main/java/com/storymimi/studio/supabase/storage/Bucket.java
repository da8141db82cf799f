package com.storymimi.studio.supabase.storage;

import com.google.gson.annotations.SerializedName;

import java.time.Instant;
import java.util.List;

/**
 * A Storage bucket as {@code GET /bucket} describes it.
 *
 * @param fileSizeLimit    bytes, or null for the project's global limit
 * @param allowedMimeTypes null or empty when every type is allowed
 */
public record Bucket(String id, String name, String owner, @SerializedName("public") boolean isPublic,
                     Long fileSizeLimit, List<String> allowedMimeTypes, Instant createdAt, Instant updatedAt) {
}
