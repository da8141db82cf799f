package com.storymimi.studio.ui.player;

import com.storymimi.studio.ui.common.ViewTasks;
import com.storymimi.studio.ui.testing.MediaSamples;
import com.storymimi.studio.ui.testing.TestTexts;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The storyboard sheet drawn by the scene graph (Monocle) and read back from the PNG it wrote. */
@ExtendWith(ApplicationExtension.class)
class FxSheetRendererTest {

    @TempDir
    Path dir;

    private final ViewTasks tasks = new ViewTasks(Executors.newVirtualThreadPerTaskExecutor(), Platform::runLater);
    private final FxSheetRenderer renderer = new FxSheetRenderer(tasks, TestTexts.create());

    @Start
    void start(Stage stage) {
        // the toolkit only: the sheet is drawn in a scene that is never shown
    }

    private CompletableFuture<Void> render(StoryboardSheet sheet, Path target) throws Exception {
        CompletableFuture<CompletableFuture<Void>> started = new CompletableFuture<>();
        Platform.runLater(() -> started.complete(renderer.render(sheet, target)));
        return started.get(10, TimeUnit.SECONDS);
    }

    @Test
    void everySceneIsOnTheSheetWithItsImageAndTheFileAppearsWhole() throws Exception {
        Path red = Files.write(dir.resolve("red.png"), MediaSamples.png(600, 400, 0xd02020, 0xd02020));
        List<StoryboardSheet.Entry> scenes = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            scenes.add(new StoryboardSheet.Entry(i, "Scene text " + i + " about the owl and the moon.",
                    i == 2 ? Optional.empty() : Optional.of(red), i != 3));
        }
        Path target = Files.writeString(dir.resolve("owl.png"), "an older sheet");
        render(new StoryboardSheet("The owl", "Completed · 6 scenes", List.of("Scene 2 has no image."), scenes),
                target).get(30, TimeUnit.SECONDS);

        BufferedImage sheet = ImageIO.read(target.toFile());
        int cell = FxSheetRenderer.CELL_WIDTH + FxSheetRenderer.GAP;
        assertEquals(FxSheetRenderer.GAP * 4 + FxSheetRenderer.COLUMNS * cell - FxSheetRenderer.GAP, sheet.getWidth());
        assertTrue(sheet.getHeight() > 2 * FxSheetRenderer.IMAGE_HEIGHT + 100, "two rows of scenes: " + sheet.getHeight());
        int left = FxSheetRenderer.GAP * 2 + FxSheetRenderer.CELL_WIDTH / 2;
        int top = firstRow(sheet, left);
        assertTrue(top > 0, "scene 1's image is drawn");
        assertFalse(isRed(sheet.getRGB(left + cell, top + 10)), "scene 2 has no image: its box is empty");
        assertTrue(isRed(sheet.getRGB(left + 2 * cell, top + 10)), "scene 3's image");
        assertTrue(isRed(sheet.getRGB(left + cell, firstRow(sheet, left + cell))), "scene 6, second row, column 2");
        assertTrue(firstRow(sheet, left + cell) > top + FxSheetRenderer.IMAGE_HEIGHT);
        try (var files = Files.list(dir)) {
            assertEquals(List.of("owl.png", "red.png"), files.map(p -> p.getFileName().toString()).sorted().toList(),
                    "no temporary file left beside it");
        }
    }

    @Test
    void aFolderThatCannotBeWrittenFailsAndLeavesNothing() throws Exception {
        Path target = dir.resolve("missing-folder").resolve("owl.png");
        CompletableFuture<Void> rendering = render(new StoryboardSheet("Owl", "", List.of(),
                List.of(new StoryboardSheet.Entry(1, "Once", Optional.empty(), true))), target);
        ExecutionException failure = assertThrows(ExecutionException.class, () -> rendering.get(30, TimeUnit.SECONDS));
        assertTrue(failure.getCause() instanceof java.io.UncheckedIOException, String.valueOf(failure.getCause()));
        assertFalse(Files.exists(target.getParent()));
    }

    /** The first red row in column {@code x}, or -1. */
    private static int firstRow(BufferedImage image, int x) {
        for (int y = 0; y < image.getHeight(); y++) {
            if (isRed(image.getRGB(x, y))) {
                return y;
            }
        }
        return -1;
    }

    private static boolean isRed(int rgb) {
        int r = (rgb >> 16) & 0xff;
        int g = (rgb >> 8) & 0xff;
        int b = rgb & 0xff;
        return r > 180 && g < 90 && b < 90;
    }
}
