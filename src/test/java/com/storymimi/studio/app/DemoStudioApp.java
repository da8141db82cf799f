package com.storymimi.studio.app;

import javafx.application.Application;

import java.time.Duration;
import java.util.Map;

/**
 * The real window over in-memory demo backends, to look at the UI without a sandbox:
 * {@code java -cp target/classes:target/test-classes:<test classpath> com.storymimi.studio.app.DemoStudioApp$Main}.
 */
public class DemoStudioApp extends StudioApp {

    public DemoStudioApp() {
        super(new DemoBackendFactory(Duration.ofMillis(300), 137, 30), Map.of());
    }

    /** A main outside the Application subclass, so the JDK launcher does not insist on JavaFX modules. */
    public static final class Main {
        public static void main(String[] args) {
            Application.launch(DemoStudioApp.class, args);
        }
    }
}
