package com.storymimi.studio.supabase.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The media type of a file from its first bytes, for uploads that do not name one. Storage checks only the
 * Content-Type header against a bucket's allowed types (protocol doc F), so sending what the bytes really
 * are keeps a mislabelled file out of a bucket.
 */
public final class ContentTypes {

    public static final String PNG = "image/png";
    public static final String JPEG = "image/jpeg";
    public static final String MP3 = "audio/mpeg";
    public static final String WAV = "audio/wav";
    public static final String OCTET_STREAM = "application/octet-stream";

    private static final int HEAD_BYTES = 12;

    private ContentTypes() {
    }

    /** Reads the first bytes of {@code file} and names their type; {@code application/octet-stream} if unknown. */
    public static String detect(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return detect(in.readNBytes(HEAD_BYTES));
        }
    }

    /** PNG {@code 89 50 4E 47}, JPEG {@code FF D8 FF}, MP3 {@code ID3} or an MPEG frame sync, WAV {@code RIFF....WAVE}. */
    public static String detect(byte[] head) {
        if (startsWith(head, 0x89, 'P', 'N', 'G')) {
            return PNG;
        }
        if (startsWith(head, 0xFF, 0xD8, 0xFF)) {
            return JPEG;
        }
        if (startsWith(head, 'I', 'D', '3') || isMpegFrameSync(head)) {
            return MP3;
        }
        if (startsWith(head, 'R', 'I', 'F', 'F') && head.length >= 12
                && head[8] == 'W' && head[9] == 'A' && head[10] == 'V' && head[11] == 'E') {
            return WAV;
        }
        return OCTET_STREAM;
    }

    /** 11 set sync bits: {@code FF Ex}/{@code FF Fx}, which also covers MPEG 2.5 streams ({@code FF E3}). */
    private static boolean isMpegFrameSync(byte[] head) {
        return head.length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xE0) == 0xE0;
    }

    private static boolean startsWith(byte[] head, int... prefix) {
        if (head.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((head[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
