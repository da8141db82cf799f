package com.storymimi.studio.bench;

import com.storymimi.studio.app.AppPaths;
import com.storymimi.studio.app.StudioApp;
import com.storymimi.studio.local.LocalSandbox;
import com.storymimi.studio.local.SandboxOptions;
import com.storymimi.studio.model.StorageBucket;
import com.storymimi.studio.model.StorageEntry;
import com.storymimi.studio.model.StoryRow;
import com.storymimi.studio.supabase.SupabaseClient;
import com.storymimi.studio.supabase.SupabaseConfig;
import com.storymimi.studio.supabase.rest.Filter;
import com.storymimi.studio.ui.editor.SceneItem;
import com.storymimi.studio.ui.editor.StoryEditorView;
import com.storymimi.studio.ui.shell.BackgroundJobsIndicator;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import static com.storymimi.studio.bench.FxStallBench.node;
import static com.storymimi.studio.bench.FxStallBench.onFx;
import static com.storymimi.studio.bench.FxStallBench.waitFor;
import static com.storymimi.studio.bench.FxStallBench.waitUntil;

/**
 * Takes the README's screenshots of the real window on a fresh sandbox with its demo data: starts
 * {@code StudioApp} as the app does, walks through every view with the same actions a person would take (an upload
 * queue with a real failure included: a scene deleted elsewhere while the editor shows it) and grabs the screen
 * with ImageMagick's {@code import -window root}, cropped to the window. Run under Xvfb with GTK:
 * <pre>
 * XDG_CONFIG_HOME=$PWD/src/test/alsa DISPLAY=:95 java -Dglass.platform=gtk --enable-native-access=ALL-UNNAMED \
 *     -cp target/test-classes:target/classes:$(cat target/cp.txt) com.storymimi.studio.bench.ScreenshotTour docs/screenshots
 * </pre>
 */
public final class ScreenshotTour {

    private final Path out;
    private Stage stage;

    private ScreenshotTour(Path out) {
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/screenshots").toAbsolutePath();
        Files.createDirectories(out);
        FxStallBench.inTemporaryHome("storymimi-tour", (home, paths) -> new ScreenshotTour(out).run(paths));
    }

    private void run(AppPaths paths) throws Exception {
        // A first start seeds the demo data and remembers its port, so the app's own sandbox is reachable here.
        URI baseUrl;
        String anonKey;
        String email;
        String password;
        try (LocalSandbox sandbox = LocalSandbox.start(new SandboxOptions(paths.sandboxDir(), 0, true))) {
            baseUrl = sandbox.baseUrl();
            anonKey = sandbox.anonKey();
            email = sandbox.editorEmail();
            password = sandbox.editorPassword();
        }
        FxStallBench.RunningApp running = FxStallBench.startApp(paths);
        StudioApp app = running.app();
        stage = running.stage();

        TableView<?> users = waitFor(stage, "#table", TableView.class);
        waitUntil(() -> onFx(() -> !users.getItems().isEmpty()), 30);
        shoot("users");

        onFx(node(stage, "#storiesButton", ToggleButton.class)::fire);
        TableView<StoryRow> stories = waitFor(stage, "#storiesTable", TableView.class);
        waitUntil(() -> onFx(() -> !stories.getItems().isEmpty()), 30);
        shoot("stories");

        StoryRow shown = onFx(() -> stories.getItems().stream().filter(r -> r.sceneCount() >= 4).findFirst().orElseThrow());
        open(stories, shown);
        ImageView preview = node(stage, "#imageView", ImageView.class);
        waitUntil(() -> onFx(() -> preview.getImage() != null && preview.getImage().getProgress() == 1.0), 30);
        Thread.sleep(1500); // thumbnails of the strip
        shoot("story-editor");
        storyboard();

        onFx(node(stage, "#themeToggle", ToggleButton.class)::fire);
        Thread.sleep(1000);
        shoot("story-editor-dark");
        onFx(node(stage, "#themeToggle", ToggleButton.class)::fire);

        uploadQueue(baseUrl, anonKey, email, password);

        onFx(node(stage, "#storageButton", ToggleButton.class)::fire);
        ListView<StorageBucket> buckets = waitFor(stage, "#bucketList", ListView.class);
        waitUntil(() -> onFx(() -> buckets.getItems().size() >= 2), 30);
        onFx(() -> buckets.getSelectionModel().select(buckets.getItems().stream()
                .filter(b -> b.id().equals("story-images")).findFirst().orElseThrow()));
        TableView<StorageEntry> entries = waitFor(stage, "#entryTable", TableView.class);
        waitUntil(() -> onFx(() -> !entries.getItems().isEmpty() && entries.getItems().getFirst().folder()), 30);
        StorageEntry folder = onFx(() -> entries.getItems().getFirst());
        onFx(() -> {
            entries.getSelectionModel().select(folder);
            entries.requestFocus();
            entries.fireEvent(new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.ENTER, false, false, false, false));
        });
        waitUntil(() -> onFx(() -> !entries.getItems().isEmpty() && !entries.getItems().getFirst().folder()), 30);
        onFx(() -> entries.getSelectionModel().select(0));
        ImageView storagePreview = node(stage, "#previewImage", ImageView.class);
        waitUntil(() -> onFx(() -> storagePreview.getImage() != null && storagePreview.getImage().getProgress() == 1.0), 30);
        Thread.sleep(500);
        shoot("storage");

        onFx(node(stage, "#integrityButton", ToggleButton.class)::fire);
        Button scan = waitFor(stage, "#scanButton", Button.class);
        onFx(scan::fire);
        ListView<?> findings = waitFor(stage, "#findingsList", ListView.class);
        waitUntil(() -> onFx(() -> !findings.getItems().isEmpty() && !scan.isDisabled()), 60);
        Thread.sleep(500);
        shoot("integrity");

        trash(baseUrl, anonKey, email, password);

        onFx(node(stage, "#storiesButton", ToggleButton.class)::fire);
        onFx(node(stage, "#searchField", TextField.class)::requestFocus);
        TextField palette = waitFor(stage, ".palette-field", TextField.class);
        waitUntil(() -> onFx(palette::isVisible), 10);
        for (char c : "ha".toCharArray()) {
            onFx(() -> palette.appendText(String.valueOf(c)));
            Thread.sleep(150);
        }
        Thread.sleep(1500);
        shoot("palette");

        onFx(() -> {
            app.stop();
            return null;
        });
    }

    /**
     * Three images dropped on the strip while a colleague deletes scene 2 elsewhere: two uploads are done, the
     * third fails with its sentence and a Retry, and the status bar's panel lists all three.
     */
    private void uploadQueue(URI baseUrl, String anonKey, String email, String password) throws Exception {
        ListView<SceneItem> strip = node(stage, "#sceneList", ListView.class);
        SceneItem second = onFx(() -> strip.getItems().get(1));
        try (SupabaseClient colleague = SupabaseClient.create(new SupabaseConfig(baseUrl, anonKey, Duration.ofSeconds(30)))) {
            colleague.auth().signInWithPassword(email, password).join();
            colleague.rest().from("scenes").delete().filter(Filter.eq("scene_id", second.sceneId())).affectedRows().join();
        }
        Path dir = Files.createTempDirectory(Path.of("/tmp"), "storymimi-tour-drop");
        List<Path> files = List.of(
                Files.write(dir.resolve("01.png"), FxStallBench.noisePng(640, 400, 1)),
                Files.write(dir.resolve("02.png"), FxStallBench.noisePng(640, 400, 2)),
                Files.write(dir.resolve("03.png"), FxStallBench.noisePng(640, 400, 3)));
        @SuppressWarnings("unchecked")
        Consumer<List<Path>> drop = (Consumer<List<Path>>) onFx(() -> strip.getProperties().get(StoryEditorView.DROP_FILES));
        onFx(() -> drop.accept(files));
        waitUntil(() -> onFx(() -> uploadButton().isPresent()), 30);
        Thread.sleep(500);
        shoot("drop-plan");
        onFx(() -> uploadButton().orElseThrow().fire());
        Button jobs = waitFor(stage, "#" + BackgroundJobsIndicator.ID, Button.class);
        waitUntil(() -> onFx(jobs::isVisible), 30);
        Thread.sleep(3000); // all three answered
        onFx(jobs::fire);
        waitUntil(() -> onFx(() -> Window.getWindows().stream().anyMatch(w -> w.getScene() != null
                && w.getScene().getRoot().lookup("#" + BackgroundJobsIndicator.PANEL_ID) != null && w.isShowing())), 10);
        Thread.sleep(800);
        shoot("upload-queue");
        onFx(jobs::fire);
        FxStallBench.deleteTree(dir);
        Thread.sleep(6500); // the notifications go away by themselves

    }

    /**
     * A colleague moves a story and a scene to the trash and removes a narration (the editor's deletes and removals do
     * the same); the Trash shows them.
     */
    private void trash(URI baseUrl, String anonKey, String email, String password) throws Exception {
        try (SupabaseClient colleague = SupabaseClient.create(new SupabaseConfig(baseUrl, anonKey, Duration.ofSeconds(30)))) {
            colleague.auth().signInWithPassword(email, password).join();
            record Id(java.util.UUID id) {
            }
            java.util.UUID story = colleague.rest().from("stories").select("id:story_id").order(
                    com.storymimi.studio.supabase.rest.Order.desc("created_at")).limit(1).list(Id.class).join().body()
                    .getFirst().id();
            java.util.UUID scene = colleague.rest().from("scenes").select("id:scene_id")
                    .filter(Filter.eq("sequence", 2)).limit(1).list(Id.class).join().body().getFirst().id();
            colleague.rest().rpc("trash_scene", java.util.Map.of("p_scene_id", scene)).execute().join();
            colleague.rest().rpc("trash_story", java.util.Map.of("p_story_id", story)).execute().join();
            java.util.UUID narrated = colleague.rest().from("scenes").select("id:scene_id")
                    .filter(Filter.isNotNull("audio_url")).limit(1).list(Id.class).join().body().getFirst().id();
            java.util.Map<String, Object> removal = new java.util.HashMap<>();
            removal.put("p_scene_id", narrated);
            removal.put("p_kind", "audio");
            removal.put("p_url", null);
            removal.put("p_expected_updated_at", null);
            colleague.rest().rpc("set_scene_media", removal).execute().join();
        }
        onFx(node(stage, "#trashButton", ToggleButton.class)::fire);
        TableView<?> trash = waitFor(stage, ".trash-table", TableView.class);
        waitUntil(() -> onFx(() -> trash.getItems().size() >= 3), 30);
        Thread.sleep(500);
        shoot("trash");
    }

    /**
     * The editor's Play: the story full-screen, its first scene's image, caption and narration, the strip below;
     * then the next scene, and Esc back to the editor.
     */
    private void storyboard() throws Exception {
        onFx(node(stage, "#playButtonStory", Button.class)::fire);
        waitUntil(() -> onFx(() -> storyboardWindow().isPresent()), 30);
        Window player = onFx(() -> storyboardWindow().orElseThrow());
        ImageView image = onFx(() -> (ImageView) player.getScene().getRoot().lookup("#imageView"));
        waitUntil(() -> onFx(() -> image.getImage() != null && image.getImage().getProgress() == 1.0), 30);
        Thread.sleep(1500); // the strip's thumbnails
        shoot("storyboard", player);
        onFx(() -> player.getScene().getRoot().fireEvent(
                new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.ESCAPE, false, false, false, false)));
        waitUntil(() -> onFx(() -> storyboardWindow().isEmpty()), 10);
    }

    private static Optional<Window> storyboardWindow() {
        return Window.getWindows().stream().filter(Window::isShowing)
                .filter(w -> w.getScene() != null && w.getScene().getRoot().getStyleClass().contains("storyboard"))
                .findFirst();
    }

    /** The plan dialog's "Upload" button, in whichever window shows it. */
    private static Optional<Button> uploadButton() {
        return Window.getWindows().stream().filter(Window::isShowing).map(w -> w.getScene().getRoot())
                .flatMap(root -> root.lookupAll(".button").stream())
                .filter(n -> n instanceof Button b && "Upload".equals(b.getText())).map(Button.class::cast).findFirst();
    }

    private void open(TableView<StoryRow> table, StoryRow row) throws Exception {
        onFx(() -> {
            table.getSelectionModel().select(row);
            table.requestFocus();
            table.fireEvent(new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.ENTER, false, false, false, false));
        });
        TextField title = node(stage, "#titleField", TextField.class);
        waitUntil(() -> onFx(() -> row.story().title().equals(title.getText())), 30);
    }

    /** The screen, cropped to the window (with its title bar, if a window manager draws one). */
    private void shoot(String name) throws Exception {
        shoot(name, stage);
    }

    private void shoot(String name, Window window) throws Exception {
        Thread.sleep(300);
        int[] bounds = onFx(() -> new int[] {(int) window.getX(), (int) window.getY(),
                (int) window.getWidth(), (int) window.getHeight()});
        Path file = out.resolve(name + ".png");
        Process grab = new ProcessBuilder("import", "-window", "root", "-crop",
                bounds[2] + "x" + bounds[3] + "+" + bounds[0] + "+" + bounds[1], "+repage", file.toString())
                .inheritIO().start();
        if (grab.waitFor() != 0) {
            throw new IllegalStateException("import failed for " + file);
        }
        System.out.println("screenshot: " + file);
    }
}
