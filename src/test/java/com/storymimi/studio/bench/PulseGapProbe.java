package com.storymimi.studio.bench;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Measures how long the FX thread goes without a pulse. An {@link AnimationTimer} asks for a pulse every frame
 * (about 60 a second), so the gap between two of its calls is the longest the window could not repaint or
 * react. A sampler thread takes the FX thread's stack once per gap longer than {@link #STALL_MS}: that is what
 * ran instead of the pulse.
 */
public final class PulseGapProbe {

    public static final double STALL_MS = 50;

    /** One phase's gaps (ms, sorted) and the stacks seen in its stalls. */
    public record Phase(String name, double[] gaps, List<String> stalls) {

        public double percentile(double p) {
            return gaps.length == 0 ? 0 : gaps[Math.min(gaps.length - 1, (int) Math.ceil(p / 100 * gaps.length) - 1)];
        }

        public double max() {
            return gaps.length == 0 ? 0 : gaps[gaps.length - 1];
        }

        public String line() {
            return String.format(Locale.ROOT, "%-44s pulses %5d  p50 %5.1f ms  p99 %6.1f ms  max %6.1f ms  stalls>50ms %d",
                    name, gaps.length, percentile(50), percentile(99), max(), stalls.size());
        }
    }

    private final List<Double> gaps = new ArrayList<>(); // FX thread only
    private final List<String> stalls = new ArrayList<>(); // guarded by itself
    private volatile long lastPulse;
    private volatile boolean sampledThisGap;
    private volatile Thread fxThread;
    private volatile boolean running;
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            long t = System.nanoTime();
            if (lastPulse != 0) {
                gaps.add((t - lastPulse) / 1e6);
            }
            lastPulse = t;
            sampledThisGap = false;
        }
    };

    public void start() throws Exception {
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.runLater(() -> {
            fxThread = Thread.currentThread();
            timer.start();
            started.complete(null);
        });
        started.get(10, TimeUnit.SECONDS);
        running = true;
        Thread sampler = new Thread(this::sample, "pulse-gap-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    private static boolean tellsWhose(StackTraceElement frame) {
        String where = frame.getClassName();
        return where.startsWith("com.storymimi") || where.startsWith("atlantafx")
                || where.equals("javafx.scene.Scene$ScenePulseListener")
                || where.equals("com.sun.javafx.application.PlatformImpl");
    }

    private void sample() {
        while (running) {
            long since = lastPulse == 0 ? 0 : System.nanoTime() - lastPulse;
            if (since > STALL_MS * 1e6 && !sampledThisGap) {
                sampledThisGap = true;
                StackTraceElement[] stack = fxThread.getStackTrace();
                StringBuilder s = new StringBuilder();
                Arrays.stream(stack).limit(14).forEach(f -> s.append("\n      at ").append(f));
                // Below the top: only the frames that say whose work it was (app code, pulse, runLater, atlantafx).
                Arrays.stream(stack).skip(14).filter(PulseGapProbe::tellsWhose)
                        .forEach(f -> s.append("\n      .. ").append(f));
                synchronized (stalls) {
                    stalls.add(s.toString());
                }
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Ends the current phase: its gaps and stall stacks, and starts counting the next one afresh. */
    public Phase phase(String name) throws Exception {
        CompletableFuture<double[]> taken = new CompletableFuture<>();
        Platform.runLater(() -> {
            double[] sorted = gaps.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            gaps.clear();
            taken.complete(sorted);
        });
        double[] sorted = taken.get(30, TimeUnit.SECONDS);
        List<String> stacks;
        synchronized (stalls) {
            stacks = List.copyOf(stalls);
            stalls.clear();
        }
        return new Phase(name, sorted, stacks);
    }

    public void stop() {
        running = false;
        Platform.runLater(timer::stop);
    }
}
