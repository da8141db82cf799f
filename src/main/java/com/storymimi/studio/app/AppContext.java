package com.storymimi.studio.app;

import com.storymimi.studio.model.ConnectionProfile;
import com.storymimi.studio.service.Connection;
import com.storymimi.studio.ui.common.BackgroundJobs;
import com.storymimi.studio.ui.common.FxDialogService;
import com.storymimi.studio.ui.common.Texts;
import com.storymimi.studio.ui.common.UserMessages;
import com.storymimi.studio.ui.common.ViewLoader;
import com.storymimi.studio.ui.common.ViewTasks;
import com.storymimi.studio.ui.connect.ProfileEditorDialog;
import com.storymimi.studio.ui.editor.DraftStore;
import com.storymimi.studio.ui.integrity.IntegrityViewModel;
import com.storymimi.studio.ui.trash.TrashViewModel;
import com.storymimi.studio.ui.undo.UndoHistory;
import com.storymimi.studio.ui.palette.CommandPaletteViewModel;
import com.storymimi.studio.ui.palette.PaletteSearch;
import com.storymimi.studio.ui.storage.FxTextClipboard;
import com.storymimi.studio.ui.storage.StorageViewModel;
import com.storymimi.studio.ui.stories.StoriesViewModel;
import com.storymimi.studio.ui.shell.MainWindowView;
import com.storymimi.studio.ui.shell.MainWindowViewModel;
import com.storymimi.studio.ui.shell.BackgroundJobsIndicator;
import javafx.scene.Parent;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;

/**
 * The composition root: builds every long-lived object once, in dependency order, and hands them to each
 * other through constructors. Nothing else in the app creates services or view models.
 * Construct it off the FX thread (it reads the settings and profiles from disk); build views on the FX thread.
 */
public final class AppContext {

    private final AppPaths paths;
    private final Executor fx;
    private final ExecutorService io = Executors.newSingleThreadExecutor(daemon("storymimi-io"));
    private final ExecutorService connector = Executors.newSingleThreadExecutor(daemon("storymimi-connect"));
    private final ExecutorService media = Executors.newSingleThreadExecutor(daemon("storymimi-media"));
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(daemon("storymimi-timer"));

    private final Texts texts;
    private final UserMessages messages;
    private final SettingsStore settings;
    private final ProfileConnectionService connections;
    private final FxDialogService dialogs;
    private final ViewLoader loader;
    private final MainWindowViewModel mainWindow;
    private final CommandPaletteViewModel palette;
    private final DraftStore drafts;
    private final BackgroundJobs jobs;
    private final UndoHistory undo;
    private final ZoneId zone = ZoneId.systemDefault();

    /**
     * @param backends    opens a profile's services (the sandbox or Supabase); tests pass a fake
     * @param environment the process environment (SUPABASE_URL, SUPABASE_ANON_KEY)
     * @param fx          runs work on the FX thread: {@code Platform::runLater} in the app
     */
    public AppContext(AppPaths paths, BackendFactory backends, Map<String, String> environment, Executor fx) {
        this.paths = Objects.requireNonNull(paths, "paths");
        this.fx = Objects.requireNonNull(fx, "fx");
        texts = Texts.load(Locale.getDefault());
        messages = new UserMessages(texts);
        settings = new SettingsStore(paths.settingsFile(), io);
        Settings saved = settings.load();
        connections = openProfiles(backends, environment, saved.activeProfileId());
        dialogs = new FxDialogService(texts);
        loader = new ViewLoader(texts);
        drafts = new FileDraftStore(paths.draftsDir(), io);
        jobs = new BackgroundJobs(dialogs, messages, texts, fx, io, Clock.system(zone));
        undo = new UndoHistory(fx, messages, texts);
        mainWindow = new MainWindowViewModel(connections, dialogs, messages, texts, fx,
                new ScheduledPeriodicScheduler(timer, fx), zone,
                tracked(StoriesViewModel.forConnections(dialogs, messages, texts, fx, new ScheduledDelayScheduler(timer, fx),
                        drafts, Clock.system(zone), undo, connections)),
                tracked(StorageViewModel.forConnections(dialogs, messages, texts, fx, new FxTextClipboard(),
                        paths.mediaCacheDir().resolve("storage-preview"))),
                IntegrityViewModel.forConnections(dialogs, messages, texts, fx),
                TrashViewModel.forConnections(dialogs, messages, texts, fx, Clock.system(zone),
                        saved.trashRetention(), days -> settings.update(s -> s.withTrashRetentionDays(days))),
                undo);
        palette = new CommandPaletteViewModel(PaletteSearch.over(mainWindow::openConnection), texts, messages, fx,
                new ScheduledDelayScheduler(timer, fx));
        palette.setOnOpenStory(mainWindow::openStory);
        palette.setOnShowUser(mainWindow::showUser);
    }

    /** Hands a section the connection whose uploads report to {@link #jobs}. */
    private <T> Function<Connection, T> tracked(Function<Connection, T> factory) {
        return connection -> factory.apply(new JobTrackingConnection(connection, jobs, texts));
    }

    private ProfileConnectionService openProfiles(BackendFactory backends, Map<String, String> environment,
                                                  String savedActiveId) {
        ProfileStore store = new ProfileStore(paths.profilesFile(), io, texts.get("profile.sandbox.name"));
        List<ConnectionProfile> profiles = store.load();
        Optional<ConnectionProfile> fromEnvironment =
                ProfileStore.environmentProfile(environment, texts.get("profile.environment.name"));
        if (fromEnvironment.isPresent() && !profiles.contains(fromEnvironment.get())) {
            profiles = ProfileStore.upsert(profiles, fromEnvironment.get());
            store.save(profiles);
        }
        return new ProfileConnectionService(store, profiles, backends, connector,
                id -> settings.update(s -> s.withActiveProfileId(id)), fromEnvironment, savedActiveId);
    }

    /** Loads the main window's view (FX thread). */
    public Parent createMainWindow() {
        ProfileEditorDialog profileEditor = new ProfileEditorDialog(connections, messages, texts, fx, loader);
        MainWindowView window = new MainWindowView(mainWindow, loader, texts, profileEditor, zone,
                new ViewTasks(media, fx));
        Parent root = loader.load(window);
        window.showBackgroundWork(new BackgroundJobsIndicator(jobs, texts));
        window.usePalette(palette);
        return root;
    }

    /** Uploads and other work running behind the sections, as the status bar lists them. */
    public BackgroundJobs jobs() {
        return jobs;
    }

    /** Closes the connection and finishes pending writes; completes when both are done. */
    public CompletableFuture<Void> shutdown() {
        mainWindow.dispose();
        timer.shutdownNow();
        CompletableFuture<Void> closed = connections.shutdown();
        connector.shutdown();
        media.shutdown();
        CompletableFuture<Void> written = CompletableFuture.runAsync(() -> { }, io); // after queued writes
        io.shutdown();
        return CompletableFuture.allOf(closed, written);
    }

    public AppPaths paths() {
        return paths;
    }

    public Texts texts() {
        return texts;
    }

    public UserMessages messages() {
        return messages;
    }

    public SettingsStore settings() {
        return settings;
    }

    public ProfileConnectionService connections() {
        return connections;
    }

    public FxDialogService dialogs() {
        return dialogs;
    }

    /** Scene texts not yet confirmed by the server, one file each under {@link AppPaths#draftsDir()}. */
    public DraftStore drafts() {
        return drafts;
    }

    public MainWindowViewModel mainWindow() {
        return mainWindow;
    }

    private static ThreadFactory daemon(String name) {
        // Daemon threads: a stuck network call must never keep a closed app alive.
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
