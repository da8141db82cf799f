package com.storymimi.studio.local.demo;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/** A short, gentle melody as a 16-bit PCM mono WAV (a few soft notes with fade-in and fade-out). */
final class WavTone {

    private static final int SAMPLE_RATE = 22_050;
    private static final double[] SCALE = {261.63, 293.66, 329.63, 392.00, 440.00, 523.25}; // C major pentatonic + C

    private WavTone() {
    }

    static byte[] melody(Random random, int notes, double noteSeconds) {
        int perNote = (int) (SAMPLE_RATE * noteSeconds);
        short[] samples = new short[perNote * notes];
        for (int n = 0; n < notes; n++) {
            double frequency = SCALE[random.nextInt(SCALE.length)];
            for (int i = 0; i < perNote; i++) {
                double t = (double) i / SAMPLE_RATE;
                double envelope = Math.min(1, i / (0.02 * SAMPLE_RATE)) * Math.exp(-3.0 * i / perNote);
                double wave = Math.sin(2 * Math.PI * frequency * t) + 0.3 * Math.sin(4 * Math.PI * frequency * t);
                samples[n * perNote + i] = (short) (wave * envelope * 0.35 * Short.MAX_VALUE / 1.3);
            }
        }
        return wav(samples);
    }

    private static byte[] wav(short[] samples) {
        int dataBytes = samples.length * 2;
        ByteBuffer out = ByteBuffer.allocate(44 + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        out.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + dataBytes).put("WAVE".getBytes(StandardCharsets.US_ASCII));
        out.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 1)
                .putInt(SAMPLE_RATE).putInt(SAMPLE_RATE * 2).putShort((short) 2).putShort((short) 16);
        out.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(dataBytes);
        for (short sample : samples) {
            out.putShort(sample);
        }
        return out.array();
    }
}
