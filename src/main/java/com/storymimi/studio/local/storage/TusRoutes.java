package com.storymimi.studio.local.storage;

import com.storymimi.studio.local.http.Request;
import com.storymimi.studio.local.http.Response;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * {@code /upload/resumable}: TUS 1.0.0 with creation, creation-with-upload, expiration and termination.
 * Chunks follow hosted Supabase's rule (every chunk but the last exactly 6 MiB); the object appears only
 * when the last byte has arrived. Errors keep their real status with a plain-text body.
 */
final class TusRoutes {

    static final String TUS_VERSION = "1.0.0";
    static final long CHUNK_SIZE = 6L * 1024 * 1024;
    static final Duration URL_LIFETIME = Duration.ofHours(1);
    private static final String OFFSET_STREAM = "application/offset+octet-stream";

    private final ObjectStore store;
    private final TusUploads uploads;
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    TusRoutes(ObjectStore store, TusUploads uploads) {
        this.store = store;
        this.uploads = uploads;
    }

    /** @param rest the segments after {@code upload/resumable}; {@code caller} authenticates lazily */
    Response handle(Request request, List<String> rest, Supplier<StorageCaller> caller)
            throws IOException, SQLException {
        try {
            if (request.method().equals("OPTIONS")) {
                return options(store.globalSizeLimit());
            }
            if (!request.header("Tus-Resumable").map(TUS_VERSION::equals).orElse(false)) {
                return Response.bytes(412, "text/plain; charset=utf-8",
                        "Unsupported version".getBytes(StandardCharsets.UTF_8)).header("Tus-Version", TUS_VERSION);
            }
            StorageCaller who = caller.get();
            who.requireWrite();
            if (rest.isEmpty() || rest.equals(List.of(""))) {
                if (request.method().equals("POST")) {
                    return create(request, who);
                }
                throw new TusException(405, "Method not allowed");
            }
            if (rest.size() != 1) {
                throw TusException.notFound();
            }
            String id = rest.getFirst();
            return switch (request.method()) {
                case "HEAD" -> head(id);
                case "PATCH" -> patch(id, request);
                case "DELETE" -> terminate(id);
                default -> throw new TusException(405, "Method not allowed");
            };
        } catch (StorageException e) {
            throw TusException.from(e);
        }
    }

    private static Response options(long maxSize) {
        return Response.empty(204).header("Tus-Resumable", TUS_VERSION).header("Tus-Version", TUS_VERSION)
                .header("Tus-Extension", "creation,creation-with-upload,expiration,termination")
                .header("Tus-Max-Size", Long.toString(maxSize));
    }

    private Response create(Request request, StorageCaller caller) throws IOException, SQLException {
        long length = request.header("Upload-Length").map(TusRoutes::nonNegative)
                .orElseThrow(() -> new TusException(400, "Upload-Length or Upload-Defer-Length header required"));
        Map<String, String> metadata = TusMetadata.parse(request.header("Upload-Metadata").orElse(""));
        String bucketId = metadata.get("bucketName");
        String key = metadata.get("objectName");
        if (bucketId == null || key == null) {
            throw new TusException(400, "Metadata header is required");
        }
        ObjectKeys.requireValidKey(key);
        Bucket bucket = store.bucket(bucketId).orElseThrow(StorageException::noSuchBucket);
        if (length > store.sizeLimitOf(bucket)) {
            throw StorageException.tooLarge();
        }
        String contentType = Optional.ofNullable(metadata.get("contentType")).orElse("application/octet-stream");
        bucket.requireAllowed(contentType);
        boolean upsert = request.header("x-upsert").map("true"::equals).orElse(false);
        if (!upsert && store.find(bucketId, key).isPresent()) {
            throw new TusException(409, "The resource already exists");
        }
        String cacheTime = metadata.get("cacheControl");
        UploadSpec spec = new UploadSpec(contentType, cacheTime == null ? "no-cache" : "max-age=" + cacheTime,
                Optional.ofNullable(metadata.get("metadata")).map(Uploader::requireJsonObject).orElse(null),
                upsert, caller.owner());
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(
                (bucketId + "/" + key + "/" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
        TusUpload upload = new TusUpload(id, bucketId, key, length, 0, spec,
                store.clock().instant().plus(URL_LIFETIME));
        uploads.create(upload);
        Response response = Response.empty(201)
                .header("Location", "http://" + request.header("Host").orElse("127.0.0.1")
                        + "/storage/v1/upload/resumable/" + id);
        boolean withData = request.header("Content-Type").map(OFFSET_STREAM::equals).orElse(false)
                && request.header("Content-Length").map(TusRoutes::nonNegative).orElse(0L) > 0;
        long offset = withData ? receive(upload, request) : 0;
        if (withData) {
            response.header("Upload-Offset", Long.toString(offset));
        }
        return withTusHeaders(response, upload);
    }

    private Response head(String id) throws SQLException {
        TusUpload upload = live(id);
        return withTusHeaders(Response.empty(200), upload)
                .header("Upload-Offset", Long.toString(upload.offset()))
                .header("Upload-Length", Long.toString(upload.length()))
                .header("Cache-Control", "no-store");
    }

    private Response patch(String id, Request request) throws IOException, SQLException {
        if (!request.header("Content-Type").map(OFFSET_STREAM::equals).orElse(false)) {
            throw new TusException(415, "Invalid or missing content-type header");
        }
        long claimed = request.header("Upload-Offset").map(TusRoutes::nonNegative)
                .orElseThrow(() -> new TusException(403, "Upload-Offset header required"));
        TusUpload upload = live(id);
        if (claimed != upload.offset()) {
            throw new TusException(409, "Upload-Offset header does not match current offset");
        }
        long offset = receive(upload, request);
        return withTusHeaders(Response.empty(204), upload).header("Upload-Offset", Long.toString(offset));
    }

    private Response terminate(String id) throws IOException, SQLException {
        live(id);
        synchronized (lockOf(id)) {
            uploads.delete(id);
        }
        return Response.empty(204).header("Tus-Resumable", TUS_VERSION);
    }

    /** Takes one chunk under the upload's lock; the last one turns the upload into the object. */
    private long receive(TusUpload claimed, Request request) throws IOException, SQLException {
        synchronized (lockOf(claimed.id())) {
            TusUpload upload = live(claimed.id());
            if (upload.offset() != claimed.offset()) {
                throw new TusException(409, "Upload-Offset header does not match current offset");
            }
            long remaining = upload.length() - upload.offset();
            Optional<Long> declared = request.header("Content-Length").map(TusRoutes::nonNegative);
            if (declared.isPresent()) {
                requireChunkSize(declared.get(), remaining);
            }
            long received = uploads.append(upload, new ClientBody(request.body()), remaining);
            try {
                requireChunkSize(received, remaining);
            } catch (TusException e) {
                uploads.truncate(uploads.partialFile(upload.id()), upload.offset());
                throw e;
            }
            TusUpload advanced = upload.withOffset(upload.offset() + received);
            uploads.advance(upload.id(), advanced.offset());
            if (advanced.complete()) {
                finish(advanced);
            }
            return advanced.offset();
        }
    }

    private void finish(TusUpload upload) throws IOException, SQLException {
        try {
            store.putFile(upload.bucketId(), upload.name(), uploads.partialFile(upload.id()), upload.spec());
        } finally {
            uploads.delete(upload.id());
            locks.remove(upload.id());
        }
    }

    /** Hosted Supabase takes 6 MiB chunks; only the chunk that ends the upload may be shorter. */
    private static void requireChunkSize(long chunk, long remaining) {
        if (chunk > remaining) {
            throw new TusException(413, "Maximum size exceeded");
        }
        if (chunk != remaining && chunk != CHUNK_SIZE) {
            throw new TusException(400, "Each chunk except the last must be exactly " + CHUNK_SIZE
                    + " bytes (6 MiB); this one has " + chunk);
        }
    }

    private TusUpload live(String id) throws SQLException {
        TusUpload upload = uploads.find(id).orElseThrow(TusException::notFound);
        if (upload.expiresAt().isBefore(store.clock().instant())) {
            throw new TusException(410, "The file for this url no longer exists");
        }
        return upload;
    }

    private Object lockOf(String id) {
        return locks.computeIfAbsent(id, k -> new Object());
    }

    private static Response withTusHeaders(Response response, TusUpload upload) {
        return response.header("Tus-Resumable", TUS_VERSION)
                .header("Upload-Expires", DateTimeFormatter.RFC_1123_DATE_TIME
                        .format(upload.expiresAt().atOffset(ZoneOffset.UTC)));
    }

    private static long nonNegative(String header) {
        try {
            long value = Long.parseLong(header.strip());
            if (value < 0) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new TusException(400, "Invalid header value: " + header);
        }
    }

}
