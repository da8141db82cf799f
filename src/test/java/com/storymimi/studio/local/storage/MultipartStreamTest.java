package com.storymimi.studio.local.storage;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The streaming multipart reader, fed in tiny pieces so boundaries straddle every read. */
class MultipartStreamTest {

    /** Hands out at most three bytes per read, like a slow network. */
    private static InputStream trickle(String body) {
        return new FilterInputStream(new ByteArrayInputStream(body.getBytes(StandardCharsets.ISO_8859_1))) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, 3));
            }
        };
    }

    @Test
    void partsAreSplitExactlyEvenWhenTheContentLooksLikeABoundary() throws IOException {
        String body = "preamble\r\n--XyZ\r\nContent-Disposition: form-data; name=\"cacheControl\"\r\n\r\n3600\r\n"
                + "--XyZ\r\nContent-Disposition: form-data; name=\"\"; filename=\"blob\"\r\nContent-Type: image/png\r\n\r\n"
                + "a\r\n--XyY\r\n--Xy\r\n\r\nz\r\n--XyZ--\r\n";
        MultipartStream parts = new MultipartStream(trickle(body), "XyZ");

        MultipartStream.Part field = parts.next().orElseThrow();
        String fieldValue = new String(field.body().readAllBytes(), StandardCharsets.UTF_8);
        MultipartStream.Part file = parts.next().orElseThrow();
        byte[] fileBytes = file.body().readAllBytes();

        assertEquals("cacheControl", field.disposition("name").orElseThrow());
        assertEquals("3600", fieldValue);
        assertEquals("", file.disposition("name").orElseThrow());
        assertEquals("blob", file.disposition("filename").orElseThrow());
        assertEquals("image/png", file.headers().get("content-type"));
        assertArrayEquals("a\r\n--XyY\r\n--Xy\r\n\r\nz".getBytes(StandardCharsets.ISO_8859_1), fileBytes);
        assertTrue(parts.next().isEmpty());
    }

    @Test
    void aBodyCutOffBeforeItsClosingBoundaryIsAnError() throws IOException {
        MultipartStream parts = new MultipartStream(trickle(
                "--b\r\nContent-Disposition: form-data; name=\"f\"; filename=\"x\"\r\n\r\nhalf a fi"), "b");

        MultipartStream.Part file = parts.next().orElseThrow();

        assertThrows(IOException.class, () -> file.body().readAllBytes());
    }

    @Test
    void theBoundaryParameterMayBeQuoted() {
        assertEquals("a b", MultipartStream.boundaryOf("multipart/form-data; boundary=\"a b\"").orElseThrow());
        assertTrue(MultipartStream.boundaryOf("multipart/form-data").isEmpty());
    }
}
