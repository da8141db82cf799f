package com.storymimi.studio.ui.player;

import com.storymimi.studio.ui.common.Texts;
import com.storymimi.studio.ui.common.ViewTasks;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Draws a storyboard sheet with the scene graph and writes it as a PNG: scene images decoded at cell size in the
 * background, one after the other; the sheet laid out on the FX thread in a scene that is never shown (light
 * paper whatever the app's theme); then snapshotted in bands of {@value #BAND} rows, each band handed to a
 * background {@link PngWriter} before the next is drawn, so the FX thread never draws the whole sheet at once.
 * Written to a temporary file beside the target and renamed over it when complete.
 */
public final class FxSheetRenderer implements SheetRenderer {

    static final int COLUMNS = 4;
    static final int CELL_WIDTH = 320;
    static final int IMAGE_HEIGHT = 200;
    static final int GAP = 16;
    static final int BAND = 400;
    private static final String INK = "-fx-text-fill: #1f2328;";
    private static final String MUTED = "-fx-text-fill: #59636e;";

    private final ViewTasks tasks;
    private final Texts texts;

    public FxSheetRenderer(ViewTasks tasks, Texts texts) {
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.texts = Objects.requireNonNull(texts, "texts");
    }

    @Override
    public CompletableFuture<Void> render(StoryboardSheet sheet, Path target) {
        return decode(sheet.scenes(), 0, new ArrayList<>())
                .thenCompose(images -> draw(layout(sheet, images), target));
    }

    /** Each scene's image at cell size, in the background one after the other; empty when none or broken. */
    private CompletableFuture<List<Optional<Image>>> decode(List<StoryboardSheet.Entry> scenes, int from,
                                                            List<Optional<Image>> done) {
        if (from == scenes.size()) {
            return CompletableFuture.completedFuture(done);
        }
        Optional<Path> file = scenes.get(from).image();
        CompletableFuture<Optional<Image>> image = file.isEmpty() ? CompletableFuture.completedFuture(Optional.empty())
                : SlideImages.decode(tasks, file.get(), CELL_WIDTH, IMAGE_HEIGHT)
                        .handle((decoded, failure) -> Optional.ofNullable(failure == null ? decoded : null));
        return image.thenCompose(decoded -> {
            done.add(decoded);
            return decode(scenes, from + 1, done);
        });
    }

    /** The sheet as a node in a scene of its own, laid out at its full size. */
    private VBox layout(StoryboardSheet sheet, List<Optional<Image>> images) {
        Label title = label(sheet.title(), INK + "-fx-font-size: 24px; -fx-font-weight: bold;");
        Label about = label(sheet.about(), MUTED + "-fx-font-size: 13px;");
        VBox header = new VBox(4, title, about);
        for (String problem : sheet.problems()) {
            header.getChildren().add(label("• " + problem, "-fx-text-fill: #9a6700; -fx-font-size: 13px;"));
        }
        GridPane grid = new GridPane();
        grid.setHgap(GAP);
        grid.setVgap(GAP);
        for (int i = 0; i < sheet.scenes().size(); i++) {
            grid.add(cell(sheet.scenes().get(i), images.get(i)), i % COLUMNS, i / COLUMNS);
        }
        Label footer = label(texts.get("sheet.footer"), MUTED + "-fx-font-size: 11px;");
        VBox page = new VBox(GAP, header, grid, footer);
        page.setPadding(new Insets(GAP * 2, GAP * 2, GAP * 2, GAP * 2));
        page.setStyle("-fx-background-color: white;");
        double width = GAP * 4 + COLUMNS * CELL_WIDTH + (COLUMNS - 1) * GAP;
        page.setMinWidth(width);
        page.setPrefWidth(width);
        page.setMaxWidth(width);
        new Scene(page, Color.WHITE); // never shown: only so that CSS and layout apply
        page.applyCss();
        page.resize(width, page.prefHeight(width));
        page.layout();
        return page;
    }

    private VBox cell(StoryboardSheet.Entry scene, Optional<Image> image) {
        StackPane picture = new StackPane();
        picture.setMinSize(CELL_WIDTH, IMAGE_HEIGHT);
        picture.setPrefSize(CELL_WIDTH, IMAGE_HEIGHT);
        picture.setMaxSize(CELL_WIDTH, IMAGE_HEIGHT);
        picture.setStyle("-fx-background-color: #eef0f2;");
        if (image.isPresent()) {
            ImageView view = new ImageView(image.get());
            view.setPreserveRatio(true);
            view.setFitWidth(CELL_WIDTH);
            view.setFitHeight(IMAGE_HEIGHT);
            picture.getChildren().add(view);
        } else {
            picture.getChildren().add(label(texts.get("sheet.noImage"), MUTED + "-fx-font-size: 13px;"));
        }
        HBox caption = new HBox(8, label(texts.get("sheet.scene", scene.sequence()),
                INK + "-fx-font-size: 13px; -fx-font-weight: bold;"));
        caption.setAlignment(Pos.BASELINE_LEFT);
        if (!scene.narrated()) {
            caption.getChildren().add(label(texts.get("sheet.noNarration"), "-fx-text-fill: #9a6700; -fx-font-size: 12px;"));
        }
        Label text = label(scene.text(), INK + "-fx-font-size: 13px;");
        text.setWrapText(true);
        text.setMaxWidth(CELL_WIDTH);
        VBox cell = new VBox(6, picture, caption, text);
        cell.setPrefWidth(CELL_WIDTH);
        cell.setMaxWidth(CELL_WIDTH);
        return cell;
    }

    private static Label label(String text, String style) {
        Label label = new Label(text);
        label.setStyle(style);
        label.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        return label;
    }

    /** Snapshots the page band by band; the bands go to the PNG in the background, then the file replaces the target. */
    private CompletableFuture<Void> draw(VBox page, Path target) {
        int width = (int) Math.ceil(page.getWidth());
        int height = (int) Math.ceil(page.getHeight());
        Path part = target.resolveSibling("." + target.getFileName() + ".part");
        return tasks.supply(() -> io(() -> new PngWriter(part, width, height)))
                .thenCompose(png -> band(page, png, 0, width, height).whenComplete((done, failure) -> {
                    if (failure != null) {
                        tasks.release(() -> io(() -> {
                            png.close();
                            deleteQuietly(part);
                            return null;
                        }));
                    }
                }))
                .thenCompose(done -> tasks.supply(() -> io(() ->
                        Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE))))
                .<Void>thenApply(moved -> null)
                .whenComplete((done, failure) -> {
                    if (failure != null) {
                        tasks.release(() -> deleteQuietly(part)); // a failed rename (removing twice is harmless)
                    }
                });
    }

    /** Draws rows {@code y} to {@code y + BAND} on the FX thread, writes them in the background, then the next. */
    private CompletableFuture<Void> band(VBox page, PngWriter png, int y, int width, int height) {
        if (y >= height) {
            return tasks.supply(() -> io(() -> {
                try (png) {
                    png.finish();
                }
                return null;
            }));
        }
        int rows = Math.min(BAND, height - y);
        SnapshotParameters area = new SnapshotParameters();
        area.setFill(Color.WHITE);
        area.setViewport(new Rectangle2D(0, y, width, rows));
        WritableImage drawn = page.snapshot(area, new WritableImage(width, rows));
        int[] pixels = new int[width * rows];
        drawn.getPixelReader().getPixels(0, 0, width, rows, PixelFormat.getIntArgbInstance(), pixels, 0, width);
        return tasks.supply(() -> io(() -> {
            png.rows(pixels, rows);
            return null;
        })).thenCompose(written -> band(page, png, y + rows, width, height));
    }

    private interface IoWork<T> {
        T run() throws IOException;
    }

    private static <T> T io(IoWork<T> work) {
        try {
            return work.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover hidden .part file; the next save of the same name replaces it
        }
    }
}
