package com.storymimi.studio.local.storage;

import com.google.gson.JsonObject;
import com.storymimi.studio.local.http.ApiException;
import com.storymimi.studio.local.http.Response;

/**
 * A Storage API error: {"statusCode":"<semantic status>","error","message","code"}. Like the real server,
 * the HTTP status is 400 for every non-500 error; the semantic status travels only in the body.
 */
public final class StorageException extends ApiException {

    private static final long serialVersionUID = 1L;

    private final int httpStatus;
    private final String statusCode;
    private final String error;
    private final String code;

    private StorageException(int httpStatus, String statusCode, String code, String error, String message) {
        super(message);
        this.httpStatus = httpStatus;
        this.statusCode = statusCode;
        this.error = error;
        this.code = code;
    }

    static StorageException of(String statusCode, String code, String error, String message) {
        return new StorageException(400, statusCode, code, error, message);
    }

    static StorageException noSuchBucket() {
        return of("404", "NoSuchBucket", "Bucket not found", "Bucket not found");
    }

    static StorageException noSuchKey() {
        return of("404", "NoSuchKey", "not_found", "Object not found");
    }

    static StorageException duplicate() {
        return of("409", "KeyAlreadyExists", "Duplicate", "The resource already exists");
    }

    static StorageException tooLarge() {
        return of("413", "EntityTooLarge", "Payload too large", "The object exceeded the maximum allowed size");
    }

    static StorageException invalidMimeType(String mimeType) {
        return of("415", "InvalidMimeType", "invalid_mime_type", "mime type " + mimeType + " is not supported");
    }

    static StorageException accessDenied(String message) {
        return of("403", "AccessDenied", "Unauthorized", message);
    }

    static StorageException invalidKey(String key) {
        return of("400", "InvalidKey", "InvalidKey", "Invalid key: " + key);
    }

    static StorageException invalidRequest(String message) {
        return of("400", "InvalidRequest", "InvalidRequest", message);
    }

    static StorageException routeNotFound(String method, String path) {
        return new StorageException(404, "404", "InvalidRequest", "Not Found", "Route " + method + ":" + path + " not found");
    }

    static StorageException bucketAlreadyExists() {
        return of("409", "BucketAlreadyExists", "Duplicate", "The resource already exists");
    }

    static StorageException bucketNotEmpty() {
        return of("409", "ResourceNotEmpty", "ResourceNotEmpty", "The bucket you tried to delete is not empty");
    }

    /** A role-enforced route (emptying a bucket) keeps its real 403. */
    static StorageException forbidden(String message) {
        return new StorageException(403, "403", "AccessDenied", "Unauthorized", message);
    }

    /** A signed URL's token failed verification; {@code message} is the JWT library's text. */
    static StorageException invalidJwt(String message) {
        return of("400", "InvalidJWT", "InvalidJWT", message);
    }

    static StorageException invalidSignature() {
        return of("400", "InvalidSignature", "InvalidSignature", "Invalid signature");
    }

    /** What the request schema validation answers (a missing or mistyped field). */
    static StorageException badRequest(String message) {
        return of("400", "InvalidRequest", "Bad Request", message);
    }

    static StorageException noContent() {
        return invalidRequest("No content provided");
    }

    static StorageException invalidFileSizeLimit() {
        return invalidRequest("Invalid file size format, hint: use 20GB / 20MB / 30KB / 3B");
    }

    static StorageException rangeNotSatisfiable() {
        return new StorageException(416, "416", "InvalidRange", "Range Not Satisfiable", "The requested range is not satisfiable");
    }

    /** The semantic status (what {@code statusCode} carries), e.g. 404 for NoSuchKey. */
    int semanticStatus() {
        return Integer.parseInt(statusCode);
    }

    @Override
    public Response toResponse() {
        JsonObject body = new JsonObject();
        body.addProperty("statusCode", statusCode);
        body.addProperty("error", error);
        body.addProperty("message", getMessage());
        body.addProperty("code", code);
        return Response.json(httpStatus, body.toString());
    }
}
