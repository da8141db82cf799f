package com.storymimi.studio.local.storage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A streaming reader of a multipart/form-data body: each part's bytes are read straight from the request,
 * holding at most one buffer in memory, so a file part can go to disk however large it is.
 */
final class MultipartStream {

    private static final int BUFFER = 64 * 1024;
    private static final int MAX_HEADER_BYTES = 16 * 1024;

    /** One part: its headers (names in lower case) and a stream that ends where the part ends. */
    record Part(Map<String, String> headers, InputStream body) {

        /** A parameter of Content-Disposition, e.g. {@code name} or {@code filename}. */
        Optional<String> disposition(String parameter) {
            String header = headers.getOrDefault("content-disposition", "");
            for (String piece : header.split(";")) {
                String[] pair = piece.strip().split("=", 2);
                if (pair.length == 2 && pair[0].strip().equalsIgnoreCase(parameter)) {
                    String value = pair[1].strip();
                    if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                        value = value.substring(1, value.length() - 1);
                    }
                    return Optional.of(value);
                }
            }
            return Optional.empty();
        }
    }

    private final InputStream in;
    private final byte[] delimiter;
    private final byte[] buffer;
    private int pos;
    private int limit;
    private boolean finished;
    private PartBody current;

    MultipartStream(InputStream in, String boundary) {
        this.in = in;
        this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        this.buffer = new byte[BUFFER + delimiter.length];
        // the first boundary has no CRLF before it: pretend it had, so one delimiter fits all
        buffer[0] = '\r';
        buffer[1] = '\n';
        limit = 2;
        current = new PartBody();
    }

    /** The boundary parameter of a multipart Content-Type. */
    static Optional<String> boundaryOf(String contentType) {
        for (String piece : contentType.split(";")) {
            String[] pair = piece.strip().split("=", 2);
            if (pair.length == 2 && pair[0].strip().equalsIgnoreCase("boundary")) {
                String value = pair[1].strip();
                if (value.startsWith("\"") && value.endsWith("\"") && value.length() >= 2) {
                    value = value.substring(1, value.length() - 1);
                }
                return value.isEmpty() ? Optional.empty() : Optional.of(value);
            }
        }
        return Optional.empty();
    }

    /** The next part, after skipping what is left of the previous one (or the preamble). */
    Optional<Part> next() throws IOException {
        if (finished) {
            return Optional.empty();
        }
        current.transferTo(OutputStream.nullOutputStream());
        if (!ensure(2)) {
            throw new IOException("multipart body ended early");
        }
        if (buffer[pos] == '-' && buffer[pos + 1] == '-') {
            finished = true;
            return Optional.empty();
        }
        Map<String, String> headers = readHeaders();
        current = new PartBody();
        return Optional.of(new Part(headers, current));
    }

    private Map<String, String> readHeaders() throws IOException {
        skipLine();
        Map<String, String> headers = new LinkedHashMap<>();
        int total = 0;
        while (true) {
            String line = readLine();
            total += line.length() + 2;
            if (total > MAX_HEADER_BYTES) {
                throw new IOException("multipart part headers too large");
            }
            if (line.isEmpty()) {
                return headers;
            }
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
            }
        }
    }

    /** Skips the rest of the boundary line (transport padding) including its CRLF. */
    private void skipLine() throws IOException {
        readLine();
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            if (!ensure(1)) {
                throw new IOException("multipart body ended early");
            }
            byte b = buffer[pos++];
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, length, StandardCharsets.UTF_8);
            }
            line.write(b);
            if (line.size() > MAX_HEADER_BYTES) {
                throw new IOException("multipart header line too long");
            }
        }
    }

    /** Makes at least {@code n} unread bytes available; false at the end of the request. */
    private boolean ensure(int n) throws IOException {
        while (limit - pos < n) {
            if (pos > 0) {
                System.arraycopy(buffer, pos, buffer, 0, limit - pos);
                limit -= pos;
                pos = 0;
            }
            int read = in.read(buffer, limit, buffer.length - limit);
            if (read < 0) {
                return false;
            }
            limit += read;
        }
        return true;
    }

    private int indexOfDelimiter() {
        outer:
        for (int i = pos; i <= limit - delimiter.length; i++) {
            for (int j = 0; j < delimiter.length; j++) {
                if (buffer[i + j] != delimiter[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** A part's bytes: everything up to the next delimiter, which it consumes when it reaches it. */
    private final class PartBody extends InputStream {

        private boolean done;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] target, int offset, int length) throws IOException {
            if (done) {
                return -1;
            }
            if (length == 0) {
                return 0;
            }
            while (true) {
                boolean more = ensure(delimiter.length);
                int found = indexOfDelimiter();
                if (found == pos) {
                    pos += delimiter.length;
                    done = true;
                    return -1;
                }
                int safeEnd = found >= 0 ? found : Math.max(pos, limit - (delimiter.length - 1));
                if (safeEnd > pos) {
                    int n = Math.min(length, safeEnd - pos);
                    System.arraycopy(buffer, pos, target, offset, n);
                    pos += n;
                    return n;
                }
                if (!more) {
                    throw new IOException("multipart body ended before its closing boundary");
                }
            }
        }
    }
}
