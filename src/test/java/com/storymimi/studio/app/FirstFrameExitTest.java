package com.storymimi.studio.app;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The AOT training run and the start-up benchmark rely on this hook ending the app once, after a real frame. */
@ExtendWith(ApplicationExtension.class)
class FirstFrameExitTest {

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);
    private final AtomicInteger exits = new AtomicInteger();

    @Test
    void exitsOnceAfterTheShownWindowsFirstPulseAndReportsTheTime() throws Exception {
        // given a scene with the hook, not shown yet
        Stage stage = WaitForAsyncUtils.asyncFx(() -> new Stage()).get(5, TimeUnit.SECONDS);
        Scene scene = new Scene(new StackPane(new Label("main window")), 300, 200);
        WaitForAsyncUtils.asyncFx(() -> {
            stage.setScene(scene);
            FirstFrameExit.install(scene, out, exits::incrementAndGet);
        }).get(5, TimeUnit.SECONDS);

        // when it is shown and then redrawn a few more times
        WaitForAsyncUtils.asyncFx(stage::show).get(5, TimeUnit.SECONDS);
        waitForExit();
        for (int i = 0; i < 3; i++) {
            int frame = i;
            WaitForAsyncUtils.asyncFx(() -> ((Label) ((StackPane) scene.getRoot()).getChildren().getFirst())
                    .setText("frame " + frame)).get(5, TimeUnit.SECONDS);
            WaitForAsyncUtils.waitForFxEvents();
        }

        // then it asked to exit exactly once and said when the first frame came
        assertEquals(1, exits.get(), "exit requested once");
        String report = output.toString(StandardCharsets.UTF_8);
        assertTrue(report.matches("(?s)" + FirstFrameExit.REPORT_PREFIX + "\\d+ ms\\R"), report);
        WaitForAsyncUtils.asyncFx(stage::hide).get(5, TimeUnit.SECONDS);
    }

    private void waitForExit() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (exits.get() == 0 && System.nanoTime() < deadline) {
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertTrue(exits.get() > 0, "no exit after the first frame");
    }
}
