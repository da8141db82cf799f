package com.storymimi.studio.startup;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The start-up benchmark's baseline (installer/bench-startup.sh): an empty window of the main window's size, on
 * the installed app's runtime, that reports its first frame the way the app's exit-after-first-frame hook does
 * and exits. It deliberately uses no app code, so it measures only what JavaFX itself costs.
 */
public final class BlankWindowApp extends Application {

    @Override
    public void start(Stage stage) {
        Scene scene = new Scene(new StackPane(), 1200, 760);
        AtomicBoolean done = new AtomicBoolean();
        scene.addPostLayoutPulseListener(() -> {
            if (done.compareAndSet(false, true)) {
                Instant start = ProcessHandle.current().info().startInstant().orElse(Instant.now());
                System.out.println("storymimi: first frame after " + Duration.between(start, Instant.now()).toMillis() + " ms");
                Platform.runLater(Platform::exit);
            }
        });
        stage.setTitle("Blank window");
        stage.setScene(scene);
        stage.show();
    }

    public static void main(String[] args) {
        launch(BlankWindowApp.class, args);
    }
}
