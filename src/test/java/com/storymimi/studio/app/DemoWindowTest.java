package com.storymimi.studio.app;

import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * Base of the TestFX tests that drive the real window over the in-memory demo backend: a fresh app with its own
 * {@code storymimi.home} for every test, stopped afterwards. TestFX only finds {@code @Start} methods declared
 * on the test class itself, so each subclass has a one-line {@code @Start} that calls {@link #startApp}.
 */
@ExtendWith(ApplicationExtension.class)
abstract class DemoWindowTest {

    @TempDir
    Path home;

    StudioApp app;
    DemoBackendFactory backends;

    void startApp(Stage stage) throws Exception {
        startApp(stage, Duration.ofMillis(20));
    }

    /** @param latency how long each demo service call takes (longer to see work in progress) */
    void startApp(Stage stage, Duration latency) throws Exception {
        System.setProperty(AppPaths.HOME_PROPERTY, home.toString());
        backends = new DemoBackendFactory(latency, 3);
        app = new StudioApp(backends, Map.of());
        app.init();
        app.start(stage);
    }

    @AfterEach
    void stopApp() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> app.stop()).get(10, TimeUnit.SECONDS);
        System.clearProperty(AppPaths.HOME_PROPERTY);
    }

    static void waitUntil(BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition::getAsBoolean);
    }
}
