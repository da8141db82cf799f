package com.storymimi.studio.local.storage;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.storymimi.studio.local.http.Request;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns an upload request into an object, the way Storage's {@code fileUploadFromRequest} does: a raw body
 * (Content-Type, Cache-Control, x-metadata headers) or multipart/form-data (the first file part whatever its
 * field name; contentType, cacheControl and metadata fields before it). The bytes are streamed to disk and
 * the size limit is enforced from Content-Length before reading and again while reading.
 */
final class Uploader {

    private static final String PLACEHOLDER = ".emptyFolderPlaceholder";
    private static final int MAX_FIELDS = 10;
    private static final int MAX_FIELD_BYTES = 64 * 1024;

    private final ObjectStore store;

    Uploader(ObjectStore store) {
        this.store = store;
    }

    StoredObject upload(String bucketId, String key, Request request, boolean upsert, String owner)
            throws IOException, SQLException {
        ObjectKeys.requireValidKey(key);
        Bucket bucket = store.bucket(bucketId).orElseThrow(StorageException::noSuchBucket);
        // a folder placeholder must be empty, and its type is not checked
        boolean placeholder = key.endsWith(PLACEHOLDER);
        Bucket rules = placeholder ? new Bucket(bucket.id(), bucket.isPublic(), 0, List.of()) : bucket;
        long limit = placeholder ? 0 : store.sizeLimitOf(bucket);
        String contentType = request.header("Content-Type").orElse("application/octet-stream");
        if (contentType.toLowerCase().startsWith("multipart/form-data")) {
            return multipart(new Target(rules, key, limit), request, contentType, upsert, owner);
        }
        Optional<Long> declared = request.header("Content-Length").map(Uploader::parseLength);
        if (declared.isPresent() && declared.get() > limit) {
            throw StorageException.tooLarge();
        }
        rules.requireAllowed(contentType);
        UploadSpec spec = new UploadSpec(contentType, request.header("Cache-Control").orElse("no-cache"),
                request.header("x-metadata").map(Uploader::decodeHeaderMetadata).orElse(null), upsert, owner);
        return store.put(rules.id(), key, new ClientBody(request.body()), limit, spec);
    }

    /** Where an upload goes and how large it may be. */
    private record Target(Bucket rules, String key, long limit) {
    }

    private StoredObject multipart(Target target, Request request, String contentType, boolean upsert, String owner) throws IOException, SQLException {
        String boundary = MultipartStream.boundaryOf(contentType).orElseThrow(StorageException::noContent);
        MultipartStream parts = new MultipartStream(new ClientBody(request.body()), boundary);
        Map<String, String> fields = new HashMap<>();
        try {
            Optional<MultipartStream.Part> part;
            while ((part = parts.next()).isPresent()) {
                MultipartStream.Part current = part.get();
                if (current.disposition("filename").isPresent()) {
                    return storeFilePart(target, current, fields, upsert, owner);
                }
                if (fields.size() >= MAX_FIELDS) {
                    throw StorageException.invalidRequest("Too many fields in the form");
                }
                fields.put(current.disposition("name").orElse(""), readField(current.body()));
            }
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("multipart")) {
                throw StorageException.invalidRequest(e.getMessage());
            }
            throw e;
        }
        throw StorageException.noContent();
    }

    private StoredObject storeFilePart(Target target, MultipartStream.Part part, Map<String, String> fields,
                                       boolean upsert, String owner) throws IOException, SQLException {
        String mimeType = Optional.ofNullable(fields.get("contentType")).filter(s -> !s.isEmpty())
                .orElse(part.headers().getOrDefault("content-type", "text/plain"));
        target.rules().requireAllowed(mimeType);
        String cacheTime = fields.get("cacheControl");
        String cacheControl = cacheTime == null || cacheTime.isEmpty() ? "no-cache" : "max-age=" + cacheTime;
        String metadata = Optional.ofNullable(fields.get("metadata")).or(() -> Optional.ofNullable(fields.get("userMetadata")))
                .map(Uploader::requireJsonObject).orElse(null);
        return store.put(target.rules().id(), target.key(), part.body(), target.limit(),
                new UploadSpec(mimeType, cacheControl, metadata, upsert, owner));
    }

    private static String readField(InputStream body) throws IOException {
        byte[] bytes = body.readNBytes(MAX_FIELD_BYTES + 1);
        if (bytes.length > MAX_FIELD_BYTES) {
            throw StorageException.invalidRequest("A form field is too large");
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static String decodeHeaderMetadata(String base64) {
        try {
            return requireJsonObject(new String(Base64.getDecoder().decode(base64.strip()), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw StorageException.invalidRequest("Invalid metadata: x-metadata must be base64-encoded JSON");
        }
    }

    static String requireJsonObject(String json) {
        try {
            JsonElement parsed = JsonParser.parseString(json);
            if (!parsed.isJsonObject()) {
                throw StorageException.invalidRequest("Invalid metadata: must be a JSON object");
            }
            return parsed.toString();
        } catch (JsonParseException e) {
            throw StorageException.invalidRequest("Invalid metadata: not valid JSON");
        }
    }

    private static long parseLength(String header) {
        try {
            return Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            throw StorageException.invalidRequest("Invalid Content-Length");
        }
    }
}
