package com.storymimi.studio.ui.player;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * Writes an 8-bit RGB PNG row by row, streamed to a file (a storyboard sheet of a hundred scenes is tens of
 * megapixels: it is never held whole). The JDK's Deflater and CRC32 only: no AWT in the app's runtime. Not
 * thread-safe: one thread writes, in order.
 */
final class PngWriter implements AutoCloseable {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final int CHUNK = 256 * 1024;

    private final OutputStream file;
    private final DeflaterOutputStream pixels;
    private final Deflater deflater = new Deflater(6);
    private final int width;
    private final int height;
    private final byte[] row;
    private int written;

    PngWriter(Path target, int width, int height) throws IOException {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("an image of " + width + "x" + height + " pixels");
        }
        this.width = width;
        this.height = height;
        this.row = new byte[1 + width * 3];
        this.file = new BufferedOutputStream(Files.newOutputStream(target), CHUNK);
        file.write(SIGNATURE);
        chunk(file, "IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0).array(), 13);
        this.pixels = new DeflaterOutputStream(new IdatStream(file), deflater, CHUNK);
    }

    /** Appends {@code rows} rows of packed ARGB pixels (alpha is dropped: the sheet is opaque). */
    void rows(int[] argb, int rows) throws IOException {
        if (written + rows > height || argb.length < rows * width) {
            throw new IllegalStateException("more rows than the image has, or fewer pixels than the rows need");
        }
        for (int y = 0; y < rows; y++) {
            int i = 1; // filter type 0 (None) at row[0]
            for (int x = 0, p = y * width; x < width; x++, p++) {
                int pixel = argb[p];
                row[i++] = (byte) (pixel >> 16);
                row[i++] = (byte) (pixel >> 8);
                row[i++] = (byte) pixel;
            }
            pixels.write(row);
        }
        written += rows;
    }

    /** Ends the image; every row must have been written. */
    void finish() throws IOException {
        if (written != height) {
            throw new IllegalStateException(written + " of " + height + " rows written");
        }
        pixels.finish();
        pixels.flush();
        chunk(file, "IEND", new byte[0], 0);
        file.flush();
    }

    @Override
    public void close() throws IOException {
        try {
            file.close();
        } finally {
            deflater.end();
        }
    }

    private static void chunk(OutputStream out, String type, byte[] data, int length) throws IOException {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        out.write(ByteBuffer.allocate(4).putInt(length).array());
        out.write(name);
        out.write(data, 0, length);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data, 0, length);
        out.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /** The compressed pixels, cut into IDAT chunks as they come. */
    private static final class IdatStream extends OutputStream {
        private final OutputStream file;
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream(CHUNK);

        IdatStream(OutputStream file) {
            this.file = file;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            pending.write(b, off, len);
            if (pending.size() >= CHUNK) {
                flush();
            }
        }

        @Override
        public void flush() throws IOException {
            if (pending.size() > 0) {
                chunk(file, "IDAT", pending.toByteArray(), pending.size());
                pending.reset();
            }
        }
    }
}
