package com.storymimi.studio.ui.player;

import com.storymimi.studio.ui.common.Texts;
import com.storymimi.studio.ui.common.ViewLoader;
import com.storymimi.studio.ui.common.ViewTasks;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.media.Media;
import javafx.scene.media.MediaPlayer;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The storyboard player's window: the scene image fitted to the screen, its text as a caption, the narration
 * playing, a strip of scene thumbnails to jump, and what is missing named at the top. Keys: Space pauses and
 * goes on, ← → (Page Up/Down) step, Home/End, Esc closes. Images are decoded and narrations built off the FX
 * thread, the next scene's ahead of time; at most the shown and the next narration hold a native player.
 */
public final class StoryboardView {

    /** Thumbnails of the strip, decoded at this size. */
    static final double THUMB_WIDTH = 128;
    static final double THUMB_HEIGHT = 72;
    /**
     * How long a scene must stay shown before native players are built for it and the next one: an editor
     * skimming with → builds (and later disposes) none, each of which costs the FX thread tens of milliseconds.
     */
    static final javafx.util.Duration SETTLE = javafx.util.Duration.millis(350);
    private static final PseudoClass CURRENT = PseudoClass.getPseudoClass("current");
    private static final PseudoClass MISSING = PseudoClass.getPseudoClass("missing");

    private final StoryboardViewModel viewModel;
    private final Texts texts;
    private final ViewTasks tasks;
    private final SlideImages images;
    private final Map<Integer, CompletableFuture<MediaPlayer>> narrations = new HashMap<>();
    private MediaPlayer playing;
    /** The scene whose narration was last started, -1 for none since the last scene change. */
    private int narrating = -1;
    private final javafx.animation.PauseTransition settle = new javafx.animation.PauseTransition(SETTLE);
    private boolean disposed;

    @FXML private StackPane root;
    @FXML private ImageView imageView;
    @FXML private Label noImageLabel;
    @FXML private Label stateLabel;
    @FXML private Label titleLabel;
    @FXML private Label positionLabel;
    @FXML private FontIcon pauseIcon;
    @FXML private VBox noticeBox;
    @FXML private Label captionLabel;
    @FXML private ScrollPane stripScroll;
    @FXML private HBox strip;

    public StoryboardView(StoryboardViewModel viewModel, Texts texts, ViewTasks tasks) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        this.texts = Objects.requireNonNull(texts, "texts");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.images = new SlideImages(tasks);
    }

    /**
     * Opens the player full-window over {@code owner}, styled as it; closing the window (Esc) stops playback
     * and releases every player and image.
     */
    public static Stage open(Window owner, StoryboardViewModel player, Texts texts, ViewTasks tasks,
                             ViewLoader loader) {
        StoryboardView view = new StoryboardView(player, texts, tasks);
        Parent content = loader.load(view);
        Stage window = new Stage();
        window.initOwner(owner);
        window.titleProperty().bind(Bindings.createStringBinding(
                () -> texts.get("player.window", player.titleProperty().get()), player.titleProperty()));
        Scene scene = new Scene(content);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        scene.addEventFilter(KeyEvent.KEY_PRESSED, view::keyPressed);
        window.setScene(scene);
        window.setFullScreenExitHint("");
        window.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH); // Esc closes the player, handled here
        window.setFullScreen(true);
        player.closedProperty().addListener((obs, was, closed) -> {
            if (closed) {
                window.close();
            }
        });
        window.setOnHidden(e -> {
            player.close();
            view.dispose();
        });
        window.show();
        return window;
    }

    @FXML
    private void initialize() {
        imageView.fitWidthProperty().bind(root.widthProperty());
        imageView.fitHeightProperty().bind(root.heightProperty());
        titleLabel.textProperty().bind(viewModel.titleProperty());
        positionLabel.textProperty().bind(viewModel.positionProperty());
        stateLabel.textProperty().bind(Bindings.createStringBinding(this::stateText, viewModel.loadingProperty(),
                viewModel.loadErrorProperty(), viewModel.playingProperty(), viewModel.finishedProperty(),
                viewModel.currentProperty()));
        stateLabel.visibleProperty().bind(stateLabel.textProperty().isNotEmpty());
        viewModel.playingProperty().addListener((obs, was, on) ->
                pauseIcon.setIconLiteral(on ? "mdi2p-pause" : "mdi2p-play"));
        noImageLabel.setVisible(false);
        captionLabel.visibleProperty().bind(captionLabel.textProperty().isNotEmpty());
        viewModel.notices().addListener((ListChangeListener<String>) change -> showNotices());
        viewModel.slides().addListener((ListChangeListener<Slide>) change -> buildStrip());
        viewModel.takeProperty().addListener((obs, old, now) -> show(viewModel.currentProperty().get()));
        viewModel.playingProperty().addListener((obs, was, on) -> {
            if (playing != null) {
                if (on) {
                    playing.play();
                } else {
                    playing.pause();
                }
            }
        });
        buildStrip();
        if (viewModel.currentProperty().get() != null) {
            show(viewModel.currentProperty().get());
        }
    }

    private String stateText() {
        if (viewModel.loadingProperty().get()) {
            return texts.get("player.loading");
        }
        if (!viewModel.loadErrorProperty().get().isEmpty()) {
            return viewModel.loadErrorProperty().get();
        }
        if (viewModel.finishedProperty().get()) {
            return texts.get("player.end") + "\n" + texts.get("player.end.hint");
        }
        return viewModel.currentProperty().get() != null && !viewModel.playingProperty().get()
                ? texts.get("player.paused") : "";
    }

    private void keyPressed(KeyEvent e) {
        switch (e.getCode()) {
            case SPACE -> viewModel.togglePause();
            case RIGHT, PAGE_DOWN -> viewModel.next();
            case LEFT, PAGE_UP -> viewModel.previous();
            case HOME -> viewModel.first();
            case END -> viewModel.last();
            case ESCAPE -> viewModel.close();
            default -> {
                return;
            }
        }
        e.consume();
    }

    @FXML
    private void togglePause() {
        viewModel.togglePause();
    }

    @FXML
    private void close() {
        viewModel.close();
    }

    // -- one scene --------------------------------------------------------------------------------------------

    private void show(Slide slide) {
        if (slide == null || disposed) {
            return;
        }
        int index = slide.index();
        captionLabel.setText(slide.text());
        markCurrent(index);
        showImage(index);
        prefetchImage(index + 1);
        if (playing != null) {
            playing.stop();
        }
        playing = null;
        narrating = -1;
        release(index, index + 1);
        if (narrations.containsKey(index)) {
            playNarration(index); // built ahead while the scene before played: at once
        }
        settle.setOnFinished(e -> {
            if (!disposed && viewModel.indexProperty().get() == index) {
                if (narrating != index) {
                    playNarration(index);
                }
                prefetchNarration(index + 1);
            }
        });
        settle.playFromStart();
    }

    private void showImage(int index) {
        imageView.setImage(null);
        noImageLabel.setVisible(false);
        fullImage(index).whenComplete((image, failure) -> {
            if (viewModel.indexProperty().get() != index || disposed) {
                return;
            }
            imageView.setImage(image.orElse(null));
            noImageLabel.setVisible(image.isEmpty());
        });
    }

    private void prefetchImage(int index) {
        if (index < viewModel.slides().size()) {
            fullImage(index);
        }
    }

    /** The scene's image decoded at the window's size; empty when it has none or it is broken (named once). */
    private CompletableFuture<Optional<Image>> fullImage(int index) {
        double width = Math.max(320, root.getWidth());
        double height = Math.max(240, root.getHeight());
        return viewModel.image(index).thenCompose(file -> file.isEmpty()
                ? CompletableFuture.completedFuture(Optional.<Image>empty())
                : images.full(index, file.get(), width, height).handle((image, failure) -> {
                    if (failure != null) {
                        viewModel.imageFailed(index, unwrap(failure));
                        return Optional.empty();
                    }
                    return Optional.of(image);
                }));
    }

    private void playNarration(int index) {
        narrating = index;
        narration(index).whenComplete((player, failure) -> {
            if (disposed || viewModel.indexProperty().get() != index || player == null) {
                return;
            }
            playing = player;
            player.setOnEndOfMedia(() -> {
                if (playing == player) {
                    playing = null; // done: a pause and resume in the beat after it must not play it again
                }
                viewModel.narrationEnded(index);
            });
            player.setOnError(() -> viewModel.narrationFailed(index, player.getError()));
            if (player.getError() != null) {
                viewModel.narrationFailed(index, player.getError());
                return;
            }
            player.seek(javafx.util.Duration.ZERO);
            if (viewModel.playingProperty().get()) {
                player.play();
            }
        });
    }

    private void prefetchNarration(int index) {
        if (index < viewModel.slides().size()) {
            narration(index);
        }
    }

    /** A native player for the scene's narration, built in the background once; null when it has none. */
    private CompletableFuture<MediaPlayer> narration(int index) {
        return narrations.computeIfAbsent(index, key -> viewModel.audio(index).thenCompose(file -> {
            if (file.isEmpty()) {
                return CompletableFuture.completedFuture(null);
            }
            Path path = file.get(); // toUri() asks the file system: off the FX thread too
            return tasks.supply(() -> new MediaPlayer(new Media(path.toUri().toString()))).handle((player, failure) -> {
                if (failure != null) {
                    viewModel.narrationFailed(index, unwrap(failure));
                    return null;
                }
                if (disposed || !narrations.containsKey(index)) {
                    player.dispose(); // the window closed or the scene moved out of reach meanwhile
                    return null;
                }
                return player;
            });
        }));
    }

    /** Lets go of every narration but those of these scenes. */
    private void release(int... keep) {
        List<Integer> kept = java.util.Arrays.stream(keep).boxed().toList();
        narrations.entrySet().removeIf(entry -> {
            if (kept.contains(entry.getKey())) {
                return false;
            }
            entry.getValue().thenAccept(player -> {
                if (player != null) {
                    // On the FX thread: dispose() sets the player's status property and unhooks it from the
                    // toolkit's pulses, which JavaFX expects there (tens of ms: see docs/benchmarks.md).
                    player.dispose();
                }
            });
            return true;
        });
    }

    // -- notices and the strip --------------------------------------------------------------------------------

    private void showNotices() {
        noticeBox.getChildren().setAll(viewModel.notices().stream().map(text -> {
            Label notice = new Label(text, new FontIcon("mdi2a-alert-circle-outline"));
            notice.getStyleClass().add("storyboard-notice");
            notice.setWrapText(true);
            return notice;
        }).toList());
    }

    private void buildStrip() {
        strip.getChildren().clear();
        List<Slide> slides = viewModel.slides();
        for (Slide slide : slides) {
            ImageView thumb = new ImageView();
            thumb.setFitWidth(THUMB_WIDTH);
            thumb.setFitHeight(THUMB_HEIGHT);
            thumb.setPreserveRatio(true);
            Label number = new Label(String.valueOf(slide.sequence()));
            number.getStyleClass().add("storyboard-thumb-number");
            StackPane cell = new StackPane(thumb, number);
            StackPane.setAlignment(number, javafx.geometry.Pos.TOP_LEFT);
            cell.getStyleClass().add("storyboard-thumb");
            cell.setPrefSize(THUMB_WIDTH, THUMB_HEIGHT);
            cell.setMinSize(THUMB_WIDTH, THUMB_HEIGHT);
            cell.pseudoClassStateChanged(MISSING, !slide.hasImage() || !slide.hasAudio());
            cell.setAccessibleText(texts.get("player.thumb.accessible", slide.sequence()));
            cell.setOnMouseClicked(e -> viewModel.jumpTo(slide.index()));
            strip.getChildren().add(cell);
        }
        loadThumbnails(0);
    }

    /** One thumbnail after another, so the image of the scene shown never waits behind a hundred of them. */
    private void loadThumbnails(int from) {
        if (disposed || from >= strip.getChildren().size()) {
            return;
        }
        viewModel.image(from).thenCompose(file -> file.isEmpty()
                        ? CompletableFuture.completedFuture((Image) null)
                        : images.thumbnail(file.get(), THUMB_WIDTH, THUMB_HEIGHT).exceptionally(failure -> null))
                .thenAccept(image -> {
                    if (!disposed && from < strip.getChildren().size()) {
                        ((ImageView) ((StackPane) strip.getChildren().get(from)).getChildren().getFirst())
                                .setImage(image);
                    }
                    loadThumbnails(from + 1);
                });
    }

    private void markCurrent(int index) {
        for (int i = 0; i < strip.getChildren().size(); i++) {
            strip.getChildren().get(i).pseudoClassStateChanged(CURRENT, i == index);
        }
        if (index < strip.getChildren().size() && strip.getWidth() > 0) {
            double contentWidth = strip.getWidth() - stripScroll.getViewportBounds().getWidth();
            double x = strip.getChildren().get(index).getBoundsInParent().getMinX()
                    - stripScroll.getViewportBounds().getWidth() / 2 + THUMB_WIDTH / 2;
            stripScroll.setHvalue(contentWidth <= 0 ? 0 : Math.max(0, Math.min(1, x / contentWidth)));
        }
    }

    /** Stops and releases every native player and decoded image. */
    void dispose() {
        disposed = true;
        settle.stop();
        if (playing != null) {
            playing.stop();
        }
        playing = null;
        release();
        images.clear();
        imageView.setImage(null);
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }
}
