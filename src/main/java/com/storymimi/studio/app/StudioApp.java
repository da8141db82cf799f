package com.storymimi.studio.app;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import com.storymimi.studio.ui.common.Texts;
import com.storymimi.studio.ui.connect.SignInDialog;
import com.storymimi.studio.ui.shell.Theme;
import javafx.application.Application;
import javafx.application.ColorScheme;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.image.Image;
import javafx.scene.layout.StackPane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * The JavaFX application: builds the {@link AppContext} in {@link #init()}, shows the main window in
 * {@link #start(Stage)}, and closes the connection and saves the window in {@link #stop()}.
 */
public class StudioApp extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(StudioApp.class);
    private static final double DEFAULT_WIDTH = 1200;
    private static final double DEFAULT_HEIGHT = 760;

    private final BackendFactory backends;
    private final Map<String, String> environment;
    private final AtomicBoolean reportingUncaught = new AtomicBoolean();
    private AppContext context;
    private WindowTracker window;

    /** The packaged app (used by {@code Application.launch}). */
    public StudioApp() {
        this(SupabaseBackendFactory.forPaths(AppPaths.detect(), new SignInDialog(Texts.load(Locale.getDefault()))),
                System.getenv());
    }

    /** The app with another way to open profiles (tests: an in-memory backend). */
    public StudioApp(BackendFactory backends) {
        this(backends, System.getenv());
    }

    public StudioApp(BackendFactory backends, Map<String, String> environment) {
        this.backends = Objects.requireNonNull(backends, "backends");
        this.environment = Map.copyOf(environment);
    }

    @Override
    public void init() {
        try {
            context = new AppContext(AppPaths.detect().createDirectories(), backends, environment, Platform::runLater);
        } catch (Exception | Error e) {
            failStart(e);
        }
    }

    @Override
    public void start(Stage stage) {
        try {
            installUncaughtHandlers();
            showMainWindow(stage);
            context.mainWindow().start();
        } catch (Exception | Error e) {
            failStart(e);
        }
    }

    private void showMainWindow(Stage stage) {
        Settings settings = context.settings().current();
        Theme theme = settings.theme() != null ? settings.theme() : systemTheme();
        applyTheme(theme);
        context.mainWindow().themeProperty().set(theme);
        context.mainWindow().themeProperty().addListener((obs, old, chosen) -> {
            applyTheme(chosen);
            context.settings().update(s -> s.withTheme(chosen));
        });

        StackPane root = new StackPane(context.createMainWindow(), context.dialogs().notificationLayer());
        Scene scene = new Scene(root, DEFAULT_WIDTH, DEFAULT_HEIGHT);
        scene.getStylesheets().add(Objects.requireNonNull(
                StudioApp.class.getResource("/css/studio.css"), "studio.css").toExternalForm());
        stage.setTitle(context.texts().get("app.title"));
        stage.getIcons().addAll(windowIcons());
        stage.setScene(scene);
        stage.setMinWidth(900);
        stage.setMinHeight(560);
        window = new WindowTracker(stage);
        window.restore(settings.window());
        context.dialogs().setOwner(stage);
        FirstFrameExit.installIfRequested(scene);
        stage.show();
        Thread.ofVirtual().name("media-warm-up").start(StudioApp::loadMediaClasses);
    }

    /**
     * Loads JavaFX Media's classes behind the first frame: the first story opened creates a player, and loading
     * them then stalled the FX thread for ~150 ms (docs/benchmarks.md, "FX thread stalls"). Loading only, no
     * player is created here, so nothing touches the toolkit from this thread.
     */
    private static void loadMediaClasses() {
        for (String name : List.of("javafx.scene.media.Media", "javafx.scene.media.MediaPlayer",
                "javafx.scene.media.MediaException")) {
            try {
                Class.forName(name, false, StudioApp.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                LOG.debug("could not load {} ahead of time", name, e);
                return;
            }
        }
    }

    /** The icon in every size the build copies from {@code icons/png}; the window manager picks the best fit. */
    private static List<Image> windowIcons() {
        return Stream.of(16, 24, 32, 48, 64, 128, 256)
                .map(size -> StudioApp.class.getResource("/icons/storymimi-studio-" + size + ".png"))
                .filter(Objects::nonNull)
                .map(url -> new Image(url.toExternalForm()))
                .toList();
    }

    private static Theme systemTheme() {
        try {
            return Platform.getPreferences().getColorScheme() == ColorScheme.DARK ? Theme.DARK : Theme.LIGHT;
        } catch (RuntimeException e) {
            return Theme.LIGHT; // a platform without preferences (headless): light is the calm default
        }
    }

    private static void applyTheme(Theme theme) {
        Application.setUserAgentStylesheet(theme == Theme.DARK
                ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    @Override
    public void stop() {
        if (context == null) {
            return;
        }
        if (window != null) {
            context.settings().update(s -> s.withWindow(window.bounds()));
        }
        try {
            // The window is gone, so this bounded wait blocks nothing a person sees; it lets the last
            // settings write and the sandbox shutdown finish before the JVM ends.
            context.shutdown().get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("shutting down did not finish cleanly", e);
        }
    }

    private void installUncaughtHandlers() {
        Thread.UncaughtExceptionHandler handler = this::reportUncaught;
        Thread.setDefaultUncaughtExceptionHandler(handler);
        Thread.currentThread().setUncaughtExceptionHandler(handler); // the FX thread has its own
    }

    /** Logs once and tells the person in one sentence; never rethrows, never loops if showing fails too. */
    private void reportUncaught(Thread thread, Throwable failure) {
        LOG.error("uncaught exception on thread {}", thread.getName(), failure);
        if (!reportingUncaught.compareAndSet(false, true)) {
            return;
        }
        Platform.runLater(() -> {
            try {
                context.dialogs().showError(context.texts().get("error.unexpected"));
            } catch (RuntimeException showing) {
                LOG.error("could not show the error notification", showing);
            } finally {
                reportingUncaught.set(false);
            }
        });
    }

    /** A broken start must end the process: a packaged app that hangs without a window helps no one. */
    private void failStart(Throwable failure) {
        LOG.error("StoryMimi Studio could not start", failure);
        System.err.println("StoryMimi Studio could not start: " + failure);
        try {
            if (Platform.isFxApplicationThread()) {
                Alert alert = new Alert(Alert.AlertType.ERROR, context == null
                        ? "StoryMimi Studio could not start. The details are in the log."
                        : context.texts().get("error.startup"));
                alert.setHeaderText(null);
                alert.showAndWait();
            }
        } catch (RuntimeException alertFailed) {
            LOG.error("could not show the start-up error", alertFailed);
        } finally {
            terminate(1);
        }
    }

    /** Ends the process; tests that start the app override nothing here on purpose. */
    protected void terminate(int status) {
        Platform.exit();
        System.exit(status);
    }

    /** The composition root, once {@link #init()} ran. */
    protected AppContext context() {
        return context;
    }

    /** Follows the window's normal (not maximized) bounds, so a maximized window restores to a sane size. */
    private static final class WindowTracker {
        private final Stage stage;
        private Settings.WindowBounds normal;

        WindowTracker(Stage stage) {
            this.stage = stage;
            stage.xProperty().addListener(o -> remember());
            stage.yProperty().addListener(o -> remember());
            stage.widthProperty().addListener(o -> remember());
            stage.heightProperty().addListener(o -> remember());
        }

        void restore(Settings.WindowBounds saved) {
            if (saved == null || saved.width() < 200 || saved.height() < 200
                    || Screen.getScreensForRectangle(saved.x(), saved.y(), saved.width(), saved.height()).isEmpty()) {
                stage.centerOnScreen(); // first start, or the screen it was on is gone
                return;
            }
            stage.setX(saved.x());
            stage.setY(saved.y());
            stage.setWidth(saved.width());
            stage.setHeight(saved.height());
            stage.setMaximized(saved.maximized());
        }

        private void remember() {
            if (!stage.isMaximized() && !stage.isIconified()) {
                normal = new Settings.WindowBounds(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), false);
            }
        }

        Settings.WindowBounds bounds() {
            Settings.WindowBounds base = normal != null ? normal
                    : new Settings.WindowBounds(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), false);
            return new Settings.WindowBounds(base.x(), base.y(), base.width(), base.height(), stage.isMaximized());
        }
    }
}
