package com.storymimi.studio.service;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small real files with the first bytes of each format, written where a test wants them. */
final class MediaFiles {

    private MediaFiles() {
    }

    static Path png(Path dir, String name) throws IOException {
        return write(dir, name, bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1));
    }

    static Path jpeg(Path dir, String name) throws IOException {
        return write(dir, name, bytes(0xFF, 0xD8, 0xFF, 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0));
    }

    static Path mp3WithId3(Path dir, String name) throws IOException {
        return write(dir, name, bytes('I', 'D', '3', 3, 0, 0, 0, 0, 0, 0, 0xFF, 0xFB, 0x90, 0x64, 0, 0, 0, 0));
    }

    /** MPEG-1 layer III, 128 kbit/s, 44.1 kHz, no tag. */
    static Path mp3FrameOnly(Path dir, String name) throws IOException {
        return write(dir, name, bytes(0xFF, 0xFB, 0x90, 0x64, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
    }

    static Path wav(Path dir, String name, int bitsPerSample, boolean listChunkFirst) throws IOException {
        ByteBuffer out = ByteBuffer.allocate(128).order(ByteOrder.LITTLE_ENDIAN);
        out.put(ascii("RIFF")).putInt(0).put(ascii("WAVE"));
        if (listChunkFirst) {
            out.put(ascii("LIST")).putInt(5).put(ascii("INFOx")).put((byte) 0); // odd size: padded to even
        }
        int channels = 1;
        int rate = 22050;
        out.put(ascii("fmt ")).putInt(16).putShort((short) 1).putShort((short) channels).putInt(rate)
                .putInt(rate * channels * bitsPerSample / 8).putShort((short) (channels * bitsPerSample / 8))
                .putShort((short) bitsPerSample);
        out.put(ascii("data")).putInt(4).putInt(0);
        out.putInt(4, out.position() - 8);
        byte[] bytes = new byte[out.position()];
        out.flip().get(bytes);
        return write(dir, name, bytes);
    }

    static Path webp(Path dir, String name) throws IOException {
        return write(dir, name, concat(ascii("RIFF"), bytes(20, 0, 0, 0), ascii("WEBPVP8 "), bytes(8, 0, 0, 0, 0, 0, 0, 0)));
    }

    static Path gif(Path dir, String name) throws IOException {
        return write(dir, name, ascii("GIF89a\u0001\u0000\u0001\u0000"));
    }

    static Path text(Path dir, String name) throws IOException {
        return write(dir, name, ascii("just some text, not an image"));
    }

    /** A PNG header followed by zeros up to {@code size} bytes (sparse where the file system allows). */
    static Path bigPng(Path dir, String name, long size) throws IOException {
        Path file = png(dir, name);
        try (RandomAccessFile raw = new RandomAccessFile(file.toFile(), "rw")) {
            raw.setLength(size);
        }
        return file;
    }

    static Path write(Path dir, String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] concat(byte[]... parts) {
        ByteBuffer out = ByteBuffer.allocate(java.util.Arrays.stream(parts).mapToInt(p -> p.length).sum());
        for (byte[] part : parts) {
            out.put(part);
        }
        return out.array();
    }
}
