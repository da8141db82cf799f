package com.storymimi.studio.ui.testing;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/** Small but real media files for tests and the demo: a gradient PNG, a sine-tone WAV, a WebP header. */
public final class MediaSamples {

    private MediaSamples() {
    }

    /** A {@code width}×{@code height} RGB PNG: a soft two-colour gradient with a lighter band. */
    public static byte[] png(int width, int height, int fromRgb, int toRgb) {
        byte[] raw = new byte[(width * 3 + 1) * height];
        int i = 0;
        for (int y = 0; y < height; y++) {
            raw[i++] = 0; // filter: none
            for (int x = 0; x < width; x++) {
                double t = (x + y) / (double) (width + height);
                double band = Math.abs(y - height * 0.62) < height * 0.06 ? 0.25 : 0;
                for (int shift = 16; shift >= 0; shift -= 8) {
                    int a = (fromRgb >> shift) & 0xFF;
                    int b = (toRgb >> shift) & 0xFF;
                    double v = a + (b - a) * t;
                    raw[i++] = (byte) Math.min(255, v + (255 - v) * band);
                }
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DataOutputStream data = new DataOutputStream(out)) {
            data.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
            ByteBuffer header = ByteBuffer.allocate(13).putInt(width).putInt(height)
                    .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
            chunk(data, "IHDR", header.array());
            chunk(data, "IDAT", deflate(raw));
            chunk(data, "IEND", new byte[0]);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    private static void chunk(DataOutputStream data, String type, byte[] body) throws IOException {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        data.writeInt(body.length);
        data.write(typeBytes);
        data.write(body);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(body);
        data.writeInt((int) crc.getValue());
    }

    private static byte[] deflate(byte[] raw) {
        Deflater deflater = new Deflater();
        deflater.setInput(raw);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }

    /** A 16-bit mono PCM WAV of a sine tone. */
    public static byte[] wav(double seconds, double hertz) {
        int rate = 22_050;
        int samples = (int) (seconds * rate);
        ByteBuffer wav = ByteBuffer.allocate(44 + samples * 2).order(ByteOrder.LITTLE_ENDIAN);
        wav.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + samples * 2)
                .put("WAVE".getBytes(StandardCharsets.US_ASCII))
                .put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 1)
                .putInt(rate).putInt(rate * 2).putShort((short) 2).putShort((short) 16)
                .put("data".getBytes(StandardCharsets.US_ASCII)).putInt(samples * 2);
        for (int n = 0; n < samples; n++) {
            double fade = Math.min(1, Math.min(n, samples - n) / 2000.0);
            wav.putShort((short) (Math.sin(2 * Math.PI * hertz * n / rate) * 9000 * fade));
        }
        return wav.array();
    }

    /** The first bytes of a WebP file: enough for a content check to recognise (and refuse) it. */
    public static byte[] webp() {
        ByteBuffer webp = ByteBuffer.allocate(30).order(ByteOrder.LITTLE_ENDIAN);
        webp.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(22).put("WEBPVP8 ".getBytes(StandardCharsets.US_ASCII));
        return webp.array();
    }

    public static Path write(Path dir, String name, byte[] content) {
        try {
            return Files.write(dir.resolve(name), content);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
