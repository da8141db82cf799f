package com.storymimi.studio.bench;

import com.storymimi.studio.app.AppPaths;
import com.storymimi.studio.app.StudioApp;
import com.storymimi.studio.app.SupabaseBackendFactory;
import com.storymimi.studio.local.LocalSandbox;
import com.storymimi.studio.local.SandboxOptions;
import com.storymimi.studio.model.StoryRow;
import com.storymimi.studio.supabase.SupabaseClient;
import com.storymimi.studio.supabase.SupabaseConfig;
import com.storymimi.studio.ui.editor.StoryEditorView;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.DeflaterOutputStream;

/**
 * FX-thread stalls of the real window on a sandbox with a large catalogue (issue 6): fills the app's own sandbox
 * through REST (as {@link LargeCatalogueBench}), starts the app, and with a {@link PulseGapProbe} running
 * measures an idle baseline, then paging the Stories table, typing a search term character by character, and
 * opening a story and dropping a multi-MB PNG on its image zone. See docs/benchmarks.md "FX thread stalls".
 * Args: [stories (100000)] [scenes per story (2)] [pages (40)]. Run with a display (Xvfb + GTK) or Monocle.
 */
public final class FxStallBench {

    private FxStallBench() {
    }

    public static void main(String[] args) throws Exception {
        int stories = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int scenesPerStory = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int pages = args.length > 2 ? Integer.parseInt(args[2]) : 40;
        inTemporaryHome("storymimi-stall", (home, paths) -> {
            fill(paths.sandboxDir(), stories, scenesPerStory);
            run(paths, home, pages);
        });
    }

    /** What a window benchmark does in an app home of its own. */
    interface InHome {
        void run(Path home, AppPaths paths) throws Exception;
    }

    /**
     * Runs {@code work} with {@code storymimi.home} set to a fresh folder in /tmp (the app's data, settings and
     * sandbox there), deletes it afterwards, and exits: the FX toolkit would keep the JVM alive.
     */
    static void inTemporaryHome(String prefix, InHome work) throws Exception {
        Path home = Files.createTempDirectory(Path.of("/tmp"), prefix);
        System.setProperty(AppPaths.HOME_PROPERTY, home.toString());
        try {
            work.run(home, AppPaths.detect());
        } finally {
            deleteTree(home);
        }
        System.exit(0);
    }

    private static void fill(Path sandboxDir, int stories, int scenesPerStory) throws Exception {
        try (LocalSandbox sandbox = LocalSandbox.start(new SandboxOptions(sandboxDir, 0, true));
             SupabaseClient client = SupabaseClient.create(
                     new SupabaseConfig(sandbox.baseUrl(), sandbox.anonKey(), Duration.ofSeconds(120)))) {
            client.auth().signInWithPassword(sandbox.editorEmail(), sandbox.editorPassword()).join();
            LargeCatalogueBench.fill(client, stories, scenesPerStory, 4);
        }
    }

    /** The app as it started, with its window. */
    record RunningApp(StudioApp app, Stage stage) {
    }

    /** Starts the toolkit and the app on {@code paths}, as the launcher does; sandbox profile only (no sign-in). */
    static RunningApp startApp(AppPaths paths) throws Exception {
        CompletableFuture<Void> toolkit = new CompletableFuture<>();
        Platform.startup(() -> toolkit.complete(null));
        toolkit.get(30, TimeUnit.SECONDS);
        Platform.setImplicitExit(false);
        StudioApp app = new StudioApp(SupabaseBackendFactory.forPaths(paths,
                (project, wrongBefore) -> CompletableFuture.completedFuture(Optional.empty())), System.getenv());
        app.init();
        Stage stage = onFx(() -> {
            Stage s = new Stage();
            app.start(s);
            return s;
        });
        return new RunningApp(app, stage);
    }

    private static void run(AppPaths paths, Path home, int pages) throws Exception {
        RunningApp running = startApp(paths);
        StudioApp app = running.app();
        Stage stage = running.stage();
        System.out.println("glass platform: " + System.getProperty("glass.platform", "(default)")
                + ", window " + onFx(() -> stage.getWidth() + "x" + stage.getHeight()));
        PulseGapProbe probe = new PulseGapProbe();
        List<PulseGapProbe.Phase> phases = new ArrayList<>();

        ToggleButton storiesButton = waitFor(stage, "#storiesButton", ToggleButton.class);
        Thread.sleep(2000); // let start-up settle (the Users section's first page and thumbnails)
        probe.start();
        onFx(storiesButton::fire);
        TableView<StoryRow> table = waitFor(stage, "#storiesTable", TableView.class);
        waitUntil(() -> onFx(() -> !table.getItems().isEmpty()), 30);
        Thread.sleep(4000); // the story editor is prepared behind the shown section meanwhile
        phases.add(probe.phase("show Stories the first time, idle 4 s"));
        Thread.sleep(5000);
        phases.add(probe.phase("baseline: idle window (5 s)"));

        Label pageLabel = node(stage, "#storiesPageLabel", Label.class);
        Button next = node(stage, "#storiesNextButton", Button.class);
        for (int i = 0; i < pages; i++) {
            String before = onFx(pageLabel::getText);
            onFx(next::fire);
            waitUntil(() -> onFx(() -> !pageLabel.getText().equals(before)), 10);
            Thread.sleep(50);
        }
        Thread.sleep(300);
        phases.add(probe.phase("page " + pages + " times (next page, 50 rows)"));

        TextField search = node(stage, "#storySearch", TextField.class);
        for (String term : List.of("zebra", "quokka", "dragon")) {
            onFx(search::clear);
            for (char c : term.toCharArray()) {
                onFx(() -> search.appendText(String.valueOf(c)));
                Thread.sleep(120); // a fast typist
            }
            Thread.sleep(1500); // the debounced search and its count arrive
        }
        phases.add(probe.phase("type 3 search terms char by char"));

        onFx(search::clear);
        Thread.sleep(1500);
        List<StoryRow> withScenes = onFx(() -> table.getItems().stream().filter(r -> r.sceneCount() > 0).toList());
        Node imageZone = open(stage, table, withScenes.get(1));
        phases.add(probe.phase("open a story, first time (" + withScenes.get(1).sceneCount() + " scenes; cold)"));
        Button back = node(stage, "#backButton", Button.class);
        onFx(back::fire);
        waitUntil(() -> onFx(() -> table.isVisible() && table.getScene() != null), 20);
        Thread.sleep(1000);
        imageZone = open(stage, table, withScenes.getFirst());
        phases.add(probe.phase("back, open another story (" + withScenes.getFirst().sceneCount() + " scenes; warm)"));

        Path png = Files.write(home.resolve("big.png"), noisePng(1400, 900, 11));
        @SuppressWarnings("unchecked")
        Node zone = imageZone;
        Consumer<List<Path>> drop = (Consumer<List<Path>>) onFx(() -> zone.getProperties().get(StoryEditorView.DROP_FILES));
        ImageView preview = node(stage, "#imageView", ImageView.class);
        onFx(() -> {
            drop.accept(List.of(png));
            return null;
        });
        waitUntil(() -> onFx(() -> preview.getImage() != null && preview.getImage().getProgress() == 1.0
                && preview.getImage().getWidth() > 0), 60);
        Thread.sleep(1000);
        phases.add(probe.phase(String.format("upload a %.1f MB PNG and preview it", Files.size(png) / 1e6)));
        probe.stop();

        System.out.println();
        phases.forEach(p -> System.out.println(p.line()));
        for (PulseGapProbe.Phase p : phases) {
            for (String stack : p.stalls()) {
                System.out.println("stall in '" + p.name() + "': FX thread was" + stack);
            }
        }
        onFx(() -> {
            app.stop();
            return null;
        });
    }

    private static Node open(Stage stage, TableView<StoryRow> table, StoryRow row) throws Exception {
        onFx(() -> {
            table.getSelectionModel().select(row);
            table.requestFocus();
            table.fireEvent(new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.ENTER, false, false, false, false));
            return null;
        });
        Node imageZone = waitFor(stage, "#imageZone", Node.class);
        waitUntil(() -> onFx(imageZone::isVisible), 20);
        Thread.sleep(1500);
        return imageZone;
    }

    /** A random-noise RGB PNG: incompressible, so a 1400x900 one is about 3.8 MB. */
    static byte[] noisePng(int width, int height, long seed) throws IOException {
        Random random = new Random(seed);
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflate = new DeflaterOutputStream(raw)) {
            byte[] line = new byte[width * 3 + 1];
            for (int y = 0; y < height; y++) {
                random.nextBytes(line);
                line[0] = 0;
                deflate.write(line);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DataOutputStream data = new DataOutputStream(out);
        data.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        DataOutputStream h = new DataOutputStream(header);
        h.writeInt(width);
        h.writeInt(height);
        h.write(new byte[] {8, 2, 0, 0, 0});
        chunk(data, "IHDR", header.toByteArray());
        chunk(data, "IDAT", raw.toByteArray());
        chunk(data, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(DataOutputStream data, String type, byte[] body) throws IOException {
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        data.writeInt(body.length);
        data.write(t);
        data.write(body);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(body);
        data.writeInt((int) crc.getValue());
    }

    static <T> T node(Stage stage, String selector, Class<T> type) throws Exception {
        return onFx(() -> type.cast(stage.getScene().getRoot().lookup(selector)));
    }

    @SuppressWarnings("unchecked")
    static <T> T waitFor(Stage stage, String selector, Class<?> type) throws Exception {
        waitUntil(() -> onFx(() -> stage.getScene().getRoot().lookup(selector) != null), 30);
        return (T) node(stage, selector, type);
    }

    static <T> T onFx(Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(30, TimeUnit.SECONDS);
    }

    static void onFx(Runnable work) throws Exception {
        onFx(() -> {
            work.run();
            return null;
        });
    }

    static void waitUntil(Callable<Boolean> condition, int seconds) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.call()) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("timed out after " + seconds + " s");
            }
            Thread.sleep(20);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
