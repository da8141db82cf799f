package com.storymimi.studio.supabase.storage;

import com.storymimi.studio.supabase.error.StorageException;
import com.storymimi.studio.supabase.http.ApiRequest;
import com.storymimi.studio.supabase.http.ApiResponse;
import com.storymimi.studio.supabase.http.RequestBody;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.StringJoiner;

/** The TUS 1.0.0 requests of Storage's resumable endpoint (protocol doc B10) and how their answers are read. */
final class TusRequests {

    static final String RESUMABLE_PATH = "/upload/resumable";
    private static final Duration CHUNK_TIMEOUT = Duration.ofMinutes(5);

    private TusRequests() {
    }

    static ApiRequest create(UploadState state) {
        StringJoiner metadata = new StringJoiner(",");
        metadata.add("bucketName " + base64(state.bucket()));
        metadata.add("objectName " + base64(state.key()));
        metadata.add("contentType " + base64(state.contentType()));
        metadata.add("cacheControl " + base64(Long.toString(state.cacheControlSeconds())));
        return tus("POST", StorageCalls.ROOT + RESUMABLE_PATH)
                .withHeader("Upload-Length", Long.toString(state.size()))
                .withHeader("Upload-Metadata", metadata.toString())
                .withHeader("x-upsert", Boolean.toString(state.upsert()));
    }

    static ApiRequest patch(String uploadPath, long offset, RequestBody chunk) {
        return tus("PATCH", uploadPath)
                .withHeader("Upload-Offset", Long.toString(offset))
                .withHeader("Content-Type", "application/offset+octet-stream")
                .withTimeout(CHUNK_TIMEOUT)
                .withBody(chunk);
    }

    static ApiRequest head(String uploadPath) {
        return tus("HEAD", uploadPath);
    }

    /** TUS termination: the server may drop what it received. */
    static ApiRequest terminate(String uploadPath) {
        return tus("DELETE", uploadPath);
    }

    /**
     * The upload's path under the project URL from a {@code Location} answer: absolute URLs (possibly naming
     * another host or an inner mount behind a proxy) are reduced to {@code /storage/v1/upload/resumable/<id>}.
     */
    static String uploadPath(ApiResponse created) {
        String location = created.header("Location").orElseThrow(() -> malformed(created, "no Location"));
        String path = URI.create(location.trim()).getRawPath();
        int at = path == null ? -1 : path.indexOf(RESUMABLE_PATH + "/");
        if (at < 0 || path.length() == at + RESUMABLE_PATH.length() + 1) {
            throw malformed(created, "a Location that is no upload URL");
        }
        return StorageCalls.ROOT + path.substring(at);
    }

    static long offset(ApiResponse response) {
        String value = response.header("Upload-Offset").orElseThrow(() -> malformed(response, "no Upload-Offset"));
        try {
            long offset = Long.parseLong(value.trim());
            if (offset < 0) {
                throw malformed(response, "a negative Upload-Offset");
            }
            return offset;
        } catch (NumberFormatException e) {
            throw malformed(response, "an unreadable Upload-Offset");
        }
    }

    private static ApiRequest tus(String method, String path) {
        return ApiRequest.of(com.storymimi.studio.supabase.http.SupabaseApi.STORAGE, method, path)
                .withHeader("Tus-Resumable", "1.0.0");
    }

    private static String base64(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

    private static StorageException malformed(ApiResponse response, String what) {
        return new StorageException(response.status(), Integer.toString(response.status()), "tus",
                StorageCalls.DECODE_FAILED, "The resumable upload answer has " + what);
    }
}
