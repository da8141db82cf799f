package com.storymimi.studio.local.demo;

import java.util.Random;

/**
 * Paints a simple storybook landscape: a sky gradient, a sun or a moon with stars, rolling hills with a few
 * trees, and the scene number in a badge. Deterministic for a given Random.
 */
final class SceneIllustration {

    static final int WIDTH = 480;
    static final int HEIGHT = 320;

    private enum Mood {
        DAWN(0xffb38a, 0xfde2c8, 0xfff1a8, false),
        DAY(0x5fa8e8, 0xcfe8ff, 0xfff27a, false),
        DUSK(0x6a4c93, 0xf7a072, 0xffd27a, false),
        NIGHT(0x0b1d3a, 0x2c4a7a, 0xf4f1de, true);

        final int skyTop;
        final int skyBottom;
        final int light;
        final boolean night;

        Mood(int skyTop, int skyBottom, int light, boolean night) {
            this.skyTop = skyTop;
            this.skyBottom = skyBottom;
            this.light = light;
            this.night = night;
        }
    }

    /** 5x7 bitmaps of the digits 0-9, one row per 5-bit value. */
    private static final int[][] DIGITS = {
            {14, 17, 19, 21, 25, 17, 14}, {4, 12, 4, 4, 4, 4, 14}, {14, 17, 1, 2, 4, 8, 31},
            {31, 2, 4, 2, 1, 17, 14}, {2, 6, 10, 18, 31, 2, 2}, {31, 16, 30, 1, 1, 17, 14},
            {6, 8, 16, 30, 17, 17, 14}, {31, 1, 2, 4, 8, 8, 8}, {14, 17, 17, 14, 17, 17, 14},
            {14, 17, 17, 15, 1, 2, 12}};

    private final int[] pixels = new int[WIDTH * HEIGHT];
    private final Random random;

    private SceneIllustration(Random random) {
        this.random = random;
    }

    static byte[] png(Random random, int sceneNumber) {
        SceneIllustration art = new SceneIllustration(random);
        Mood mood = Mood.values()[random.nextInt(Mood.values().length)];
        art.sky(mood);
        art.light(mood);
        art.hills(mood);
        art.badge(sceneNumber);
        return PngEncoder.encode(WIDTH, HEIGHT, art.pixels);
    }

    private void sky(Mood mood) {
        for (int y = 0; y < HEIGHT; y++) {
            int color = mix(mood.skyTop, mood.skyBottom, (double) y / HEIGHT);
            java.util.Arrays.fill(pixels, y * WIDTH, (y + 1) * WIDTH, color);
        }
        if (mood.night) {
            for (int i = 0; i < 60; i++) {
                set(random.nextInt(WIDTH), random.nextInt(HEIGHT * 2 / 3), 0xffffff);
            }
        }
    }

    private void light(Mood mood) {
        int cx = 60 + random.nextInt(WIDTH - 120);
        int cy = 50 + random.nextInt(60);
        int radius = mood.night ? 26 : 34;
        for (int y = cy - radius - 12; y <= cy + radius + 12; y++) {
            for (int x = cx - radius - 12; x <= cx + radius + 12; x++) {
                double d = Math.hypot(x - cx, y - cy);
                if (d <= radius) {
                    boolean crescent = mood.night && Math.hypot(x - cx - 12, y - cy + 6) < radius - 2;
                    if (!crescent) {
                        set(x, y, mood.light);
                    }
                } else if (d <= radius + 12 && !mood.night) {
                    blend(x, y, mood.light, 0.35 * (1 - (d - radius) / 12));
                }
            }
        }
    }

    private void hills(Mood mood) {
        int[] greens = mood.night ? new int[] {0x1d3b2a, 0x244a33, 0x2d5a3d} : new int[] {0x7cc47a, 0x5aa55a, 0x3f8a46};
        for (int layer = 0; layer < 3; layer++) {
            double phase = random.nextDouble() * Math.PI * 2;
            double frequency = 0.008 + random.nextDouble() * 0.01;
            int base = 200 + layer * 35;
            int amplitude = 28 - layer * 6;
            for (int x = 0; x < WIDTH; x++) {
                int top = (int) (base + amplitude * Math.sin(x * frequency + phase));
                for (int y = Math.max(0, top); y < HEIGHT; y++) {
                    set(x, y, greens[layer]);
                }
            }
            if (layer == 1) {
                trees(base - amplitude, mood.night ? 0x16301f : 0x2f6b35);
            }
        }
    }

    private void trees(int baseline, int color) {
        int count = 2 + random.nextInt(4);
        for (int t = 0; t < count; t++) {
            int cx = 20 + random.nextInt(WIDTH - 40);
            int height = 30 + random.nextInt(25);
            for (int dy = 0; dy < height; dy++) {
                int half = dy * 12 / height;
                for (int dx = -half; dx <= half; dx++) {
                    set(cx + dx, baseline - height + dy + 20, color);
                }
            }
            for (int dy = 0; dy < 10; dy++) {
                for (int dx = -2; dx <= 2; dx++) {
                    set(cx + dx, baseline + 20 + dy, 0x6b4226);
                }
            }
        }
    }

    private void badge(int number) {
        String text = Integer.toString(number);
        int scale = 4;
        int width = text.length() * 6 * scale + 2 * scale;
        for (int y = 12; y < 12 + 9 * scale; y++) {
            for (int x = 12; x < 12 + width; x++) {
                blend(x, y, 0xffffff, 0.85);
            }
        }
        for (int i = 0; i < text.length(); i++) {
            int[] glyph = DIGITS[text.charAt(i) - '0'];
            for (int row = 0; row < 7; row++) {
                for (int col = 0; col < 5; col++) {
                    if ((glyph[row] >> (4 - col) & 1) != 0) {
                        fill(12 + 2 * scale + (i * 6 + col) * scale - scale, 12 + scale + row * scale, scale, 0x33334d);
                    }
                }
            }
        }
    }

    private void fill(int x0, int y0, int size, int color) {
        for (int y = y0; y < y0 + size; y++) {
            for (int x = x0; x < x0 + size; x++) {
                set(x, y, color);
            }
        }
    }

    private void set(int x, int y, int color) {
        if (x >= 0 && x < WIDTH && y >= 0 && y < HEIGHT) {
            pixels[y * WIDTH + x] = color;
        }
    }

    private void blend(int x, int y, int color, double alpha) {
        if (x >= 0 && x < WIDTH && y >= 0 && y < HEIGHT) {
            pixels[y * WIDTH + x] = mix(pixels[y * WIDTH + x], color, alpha);
        }
    }

    private static int mix(int a, int b, double t) {
        int r = (int) Math.round(((a >> 16) & 255) * (1 - t) + ((b >> 16) & 255) * t);
        int g = (int) Math.round(((a >> 8) & 255) * (1 - t) + ((b >> 8) & 255) * t);
        int bl = (int) Math.round((a & 255) * (1 - t) + (b & 255) * t);
        return (r << 16) | (g << 8) | bl;
    }
}
