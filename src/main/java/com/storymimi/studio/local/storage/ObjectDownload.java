package com.storymimi.studio.local.storage;

import com.storymimi.studio.local.http.Request;
import com.storymimi.studio.local.http.Response;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Serves an object's bytes with Storage's headers, single byte ranges and If-None-Match. */
final class ObjectDownload {

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    private ObjectDownload() {
    }

    static Response serve(StoredObject object, Request request) {
        if (object.file() == null || !Files.isRegularFile(object.file())) {
            throw StorageException.noSuchKey();
        }
        if (request.header("If-None-Match").map(object.etag()::equals).orElse(false)) {
            return withHeaders(Response.empty(304), object, request);
        }
        long size = object.size();
        var range = request.header("Range").map(RANGE::matcher).filter(Matcher::matches);
        if (range.isEmpty()) {
            return withHeaders(Response.file(200, object.contentType(), object.file(), 0, size), object, request);
        }
        long[] bounds = bounds(range.get(), size);
        Response response = Response.file(206, object.contentType(), object.file(), bounds[0], bounds[1] - bounds[0] + 1)
                .header("Content-Range", "bytes " + bounds[0] + "-" + bounds[1] + "/" + size);
        return withHeaders(response, object, request);
    }

    private static long[] bounds(Matcher m, long size) {
        String first = m.group(1);
        String last = m.group(2);
        long start;
        long end;
        if (first.isEmpty()) {
            if (last.isEmpty()) {
                throw StorageException.rangeNotSatisfiable();
            }
            long suffix = Long.parseLong(last);
            start = Math.max(0, size - suffix);
            end = size - 1;
        } else {
            start = Long.parseLong(first);
            end = last.isEmpty() ? size - 1 : Math.min(Long.parseLong(last), size - 1);
        }
        if (start >= size || start > end) {
            throw StorageException.rangeNotSatisfiable();
        }
        return new long[] {start, end};
    }

    private static Response withHeaders(Response response, StoredObject object, Request request) {
        request.queryValue("download").ifPresent(name -> response.header("Content-Disposition", disposition(name)));
        return response.header("ETag", object.etag())
                .header("Last-Modified", DateTimeFormatter.RFC_1123_DATE_TIME.format(object.updatedAt().atOffset(ZoneOffset.UTC)))
                .header("Cache-Control", object.cacheControl())
                .header("Accept-Ranges", "bytes")
                .header("X-Robots-Tag", "none");
    }

    /** Bare {@code download} makes an attachment; {@code download=name} names it (RFC 5987 for non-ASCII). */
    private static String disposition(String name) {
        if (name.isEmpty()) {
            return "attachment;";
        }
        String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=" + encoded + "; filename*=UTF-8''" + encoded;
    }
}
