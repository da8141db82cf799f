package com.storymimi.studio.ui.player;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PngWriterTest {

    @TempDir
    Path dir;

    @Test
    void rowsWrittenInBandsDecodeToTheSamePixels() throws Exception {
        int width = 301;
        int height = 700; // several IDAT chunks of incompressible noise
        int[] argb = new int[width * height];
        Random random = new Random(7);
        for (int i = 0; i < argb.length; i++) {
            argb[i] = 0xff000000 | random.nextInt(0x1000000);
        }
        Path file = dir.resolve("sheet.png");
        try (PngWriter png = new PngWriter(file, width, height)) {
            for (int y = 0; y < height; y += 256) {
                int rows = Math.min(256, height - y);
                int[] band = new int[rows * width];
                System.arraycopy(argb, y * width, band, 0, band.length);
                png.rows(band, rows);
            }
            png.finish();
        }
        BufferedImage read = ImageIO.read(file.toFile());
        assertEquals(width, read.getWidth());
        assertEquals(height, read.getHeight());
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                assertEquals(argb[y * width + x] & 0xffffff, read.getRGB(x, y) & 0xffffff, "pixel " + x + "," + y);
            }
        }
    }

    @Test
    void anImageWithRowsMissingIsNotFinished() throws Exception {
        Path file = dir.resolve("short.png");
        try (PngWriter png = new PngWriter(file, 4, 4)) {
            png.rows(new int[8], 2);
            assertThrows(IllegalStateException.class, png::finish);
            assertThrows(IllegalStateException.class, () -> png.rows(new int[12], 3));
        }
    }
}
