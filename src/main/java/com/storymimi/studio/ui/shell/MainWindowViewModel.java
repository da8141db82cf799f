package com.storymimi.studio.ui.shell;

import com.storymimi.studio.model.ConnectionProfile;
import com.storymimi.studio.model.Health;
import com.storymimi.studio.service.Connection;
import com.storymimi.studio.service.ConnectionService;
import com.storymimi.studio.ui.common.AsyncCommand;
import com.storymimi.studio.ui.common.DialogService;
import com.storymimi.studio.ui.common.PeriodicScheduler;
import com.storymimi.studio.ui.common.Texts;
import com.storymimi.studio.ui.common.UserMessages;
import com.storymimi.studio.ui.integrity.IntegrityViewModel;
import com.storymimi.studio.ui.storage.StorageViewModel;
import com.storymimi.studio.ui.stories.StoriesViewModel;
import com.storymimi.studio.ui.trash.TrashViewModel;
import com.storymimi.studio.ui.undo.UndoHistory;
import com.storymimi.studio.ui.users.UsersViewModel;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * The shell around the sections: which section is shown, the theme, the connection profiles, the open
 * connection (connecting, connected, failed) and its health, polled every {@link #HEALTH_PERIOD}.
 */
public final class MainWindowViewModel {

    public enum ConnectionState { CONNECTING, CONNECTED, FAILED }

    public enum HealthState { UNKNOWN, HEALTHY, OFFLINE }

    public static final Duration HEALTH_PERIOD = Duration.ofSeconds(10);

    private final ConnectionService connections;
    private final DialogService dialogs;
    private final UserMessages messages;
    private final Texts texts;
    private final Executor fx;
    private final PeriodicScheduler scheduler;
    private final DateTimeFormatter timeFormat;
    private final Function<Connection, StoriesViewModel> storiesFactory;
    private final Function<Connection, IntegrityViewModel> integrityFactory;
    private final Function<Connection, StorageViewModel> storageFactory;
    private final Function<Connection, TrashViewModel> trashFactory;
    private final UndoHistory undo;

    private final ObjectProperty<Section> section = new SimpleObjectProperty<>(this, "section", Section.USERS);
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(this, "theme", Theme.LIGHT);
    private final ObservableList<ConnectionProfile> profiles = FXCollections.observableArrayList();
    // One wrapper, kept: listeners on a fresh wrapper per call would be dropped when it is collected.
    private final ObservableList<ConnectionProfile> profilesView = FXCollections.unmodifiableObservableList(profiles);
    private final ReadOnlyObjectWrapper<ConnectionProfile> activeProfile = new ReadOnlyObjectWrapper<>(this, "activeProfile");
    private final ReadOnlyObjectWrapper<ConnectionState> connectionState =
            new ReadOnlyObjectWrapper<>(this, "connectionState", ConnectionState.CONNECTING);
    private final ReadOnlyStringWrapper connectionMessage = new ReadOnlyStringWrapper(this, "connectionMessage", "");
    private final ReadOnlyObjectWrapper<UsersViewModel> users = new ReadOnlyObjectWrapper<>(this, "users");
    private final ReadOnlyObjectWrapper<StoriesViewModel> stories = new ReadOnlyObjectWrapper<>(this, "stories");
    private final ReadOnlyObjectWrapper<IntegrityViewModel> integrity = new ReadOnlyObjectWrapper<>(this, "integrity");
    private final ReadOnlyObjectWrapper<StorageViewModel> storage = new ReadOnlyObjectWrapper<>(this, "storage");
    private final ReadOnlyObjectWrapper<TrashViewModel> trash = new ReadOnlyObjectWrapper<>(this, "trash");
    private final ReadOnlyObjectWrapper<HealthState> health = new ReadOnlyObjectWrapper<>(this, "health", HealthState.UNKNOWN);
    private final ReadOnlyStringWrapper statusText = new ReadOnlyStringWrapper(this, "statusText", "");

    private final AsyncCommand<Connection> connect;
    private ConnectionProfile connecting;
    private Connection connection;
    private PeriodicScheduler.Cancellable healthPolling;
    private boolean healthCheckRunning;
    private Instant offlineSince;

    /**
     * @param storiesFactory builds the Stories section for an open connection (see
     *                       {@link StoriesViewModel#forConnections}); it is built the first time it is shown
     * @param storageFactory builds the Storage section for an open connection, also when it is first shown
     * @param integrityFactory builds the Integrity section for an open connection, also on first show
     * @param trashFactory   builds the Trash section for an open connection, also on first show
     * @param undo           the undo history every section records into; forgotten when another profile opens
     */
    public MainWindowViewModel(ConnectionService connections, DialogService dialogs, UserMessages messages,
                               Texts texts, Executor fx, PeriodicScheduler scheduler, ZoneId zone,
                               Function<Connection, StoriesViewModel> storiesFactory,
                               Function<Connection, StorageViewModel> storageFactory,
                               Function<Connection, IntegrityViewModel> integrityFactory,
                               Function<Connection, TrashViewModel> trashFactory, UndoHistory undo) {
        this.trashFactory = Objects.requireNonNull(trashFactory, "trashFactory");
        this.undo = Objects.requireNonNull(undo, "undo");
        this.storiesFactory = Objects.requireNonNull(storiesFactory, "storiesFactory");
        this.storageFactory = Objects.requireNonNull(storageFactory, "storageFactory");
        this.integrityFactory = Objects.requireNonNull(integrityFactory, "integrityFactory");
        this.connections = Objects.requireNonNull(connections, "connections");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.texts = Objects.requireNonNull(texts, "texts");
        this.fx = Objects.requireNonNull(fx, "fx");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.timeFormat = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT)
                .withLocale(texts.locale()).withZone(zone);
        connect = new AsyncCommand<>(fx, () -> connections.activate(connecting.id()))
                .onSuccess(this::connected)
                .onFailure(this::connectFailed);
        section.addListener((obs, old, shown) -> {
            if (shown == Section.STORIES) {
                ensureStories();
            }
            if (shown == Section.INTEGRITY) {
                ensureIntegrity();
            }
            if (shown == Section.STORAGE) {
                ensureStorage();
            }
            if (shown == Section.TRASH) {
                showTrash();
            }
        });
    }

    /** The Trash section, built the first time it is shown and reloaded every time (deletes elsewhere add to it). */
    private void showTrash() {
        if (connection == null) {
            return;
        }
        if (trash.get() == null) {
            TrashViewModel created = trashFactory.apply(connection);
            created.setOnRestored(this::reloadLists);
            trash.set(created);
        }
        trash.get().refresh();
    }

    /** After a restore or an undo brought rows back: the lists that may show them load again. */
    private void reloadLists() {
        if (users.get() != null) {
            users.get().refresh();
        }
        if (stories.get() != null) {
            stories.get().refresh();
        }
    }

    /** The Integrity section of the open connection, built the first time it is shown (it scans on request). */
    private void ensureIntegrity() {
        if (integrity.get() == null && connection != null) {
            IntegrityViewModel created = integrityFactory.apply(connection);
            created.setOnOpenStory(this::openStory);
            integrity.set(created);
        }
    }

    /** The Stories section of the open connection, built (and loaded) the first time it is needed. */
    private StoriesViewModel ensureStories() {
        if (stories.get() == null && connection != null) {
            StoriesViewModel created = storiesFactory.apply(connection);
            stories.set(created);
            created.start();
        }
        return stories.get();
    }

    /** The Storage section of the open connection, built (and loaded) the first time it is needed. */
    private void ensureStorage() {
        if (storage.get() == null && connection != null) {
            StorageViewModel created = storageFactory.apply(connection);
            storage.set(created);
            created.start();
        }
    }

    /** "Show stories" in the Users section: the Stories section, filtered to that user. */
    public void showStoriesOf(com.storymimi.studio.model.User user) {
        section.set(Section.STORIES);
        StoriesViewModel shown = ensureStories();
        if (shown != null) {
            shown.showStoriesOf(user);
        }
    }

    // -- entry points for the command palette (each switches to its section first) ---------------------------

    /** The open connection; empty while connecting or after a failed connect. */
    public java.util.Optional<Connection> openConnection() {
        return java.util.Optional.ofNullable(connection);
    }

    /** Shows the Stories section with {@code row} open in the story editor. */
    public void openStory(com.storymimi.studio.model.StoryRow row) {
        section.set(Section.STORIES);
        StoriesViewModel shown = ensureStories();
        if (shown != null) {
            shown.open(row);
        }
    }

    /** Shows the Stories section with the story of that id open in the editor (from an integrity finding). */
    public void openStory(java.util.UUID storyId) {
        section.set(Section.STORIES);
        StoriesViewModel shown = ensureStories();
        if (shown != null) {
            shown.open(storyId);
        }
    }

    /** Shows the Users section with {@code user} in the form and the table on the page that holds them. */
    public void showUser(com.storymimi.studio.model.User user) {
        section.set(Section.USERS);
        if (users.get() != null) {
            users.get().show(user);
        }
    }

    /** Shows the Stories section with the new-story form open. */
    public void newStory() {
        section.set(Section.STORIES);
        StoriesViewModel shown = ensureStories();
        if (shown != null) {
            shown.openNewStoryForm();
        }
    }

    /** Shows the Users section with an empty form for a new user. */
    public void newUser() {
        section.set(Section.USERS);
        if (users.get() != null) {
            users.get().newUser();
        }
    }

    /** Shows the Integrity section and starts a scan. */
    public void scanIntegrity() {
        section.set(Section.INTEGRITY);
        if (integrity.get() != null) {
            integrity.get().scan();
        }
    }

    /** Reads the profiles and opens the active one. */
    public void start() {
        reloadProfiles();
        connections.activeProfile().whenComplete((profile, failure) -> fx.execute(() -> {
            if (failure != null) {
                dialogs.showError(messages.describe(failure, "connect"));
            } else {
                connectTo(profile);
            }
        }));
    }

    /** Opens another profile; the current connection is closed by the service. */
    public void switchTo(ConnectionProfile profile) {
        ConnectionProfile active = activeProfile.get();
        if (profile == null || (active != null && active.equals(profile)
                && connectionState.get() == ConnectionState.CONNECTED)) {
            return;
        }
        connectTo(profile);
    }

    /** Tries the active profile again after a failed connect. */
    public void retry() {
        if (activeProfile.get() != null) {
            connectTo(activeProfile.get());
        }
    }

    /** After the profile editor closed: re-read the profiles and reconnect when the active one changed. */
    public void profilesEdited() {
        connections.profiles().whenComplete((list, failure) -> fx.execute(() -> {
            if (failure != null) {
                dialogs.showError(messages.describe(failure, "profiles"));
                return;
            }
            profiles.setAll(list);
            ConnectionProfile active = activeProfile.get();
            if (active == null) {
                return;
            }
            list.stream().filter(p -> p.id().equals(active.id())).findFirst().ifPresentOrElse(
                    updated -> {
                        if (!updated.equals(active)) {
                            connectTo(updated);
                        }
                    },
                    () -> connectTo(list.getFirst()));
        }));
    }

    public void toggleTheme() {
        theme.set(theme.get().other());
    }

    public void dispose() {
        connect.cancel();
        stopHealthPolling();
        dropSections();
    }

    private void reloadProfiles() {
        connections.profiles().whenComplete((list, failure) -> fx.execute(() -> {
            if (failure != null) {
                dialogs.showError(messages.describe(failure, "profiles"));
            } else {
                profiles.setAll(list);
            }
        }));
    }

    private void connectTo(ConnectionProfile profile) {
        stopHealthPolling();
        dropSections();
        connection = null;
        undo.clear(); // its edits belong to the connection being closed
        connecting = profile;
        activeProfile.set(profile);
        connectionState.set(ConnectionState.CONNECTING);
        connectionMessage.set(texts.get("connect.connecting", profile.name()));
        health.set(HealthState.UNKNOWN);
        statusText.set(texts.get("connect.connecting", profile.name()));
        connect.restart();
    }

    private void connected(Connection opened) {
        connection = opened;
        activeProfile.set(opened.profile());
        connectionState.set(ConnectionState.CONNECTED);
        connectionMessage.set("");
        statusText.set(opened.profile().name());
        offlineSince = null;
        UsersViewModel usersViewModel = new UsersViewModel(opened.users(), dialogs, messages, texts, fx,
                new com.storymimi.studio.ui.undo.EditRecorder(undo, opened.trash(), texts));
        usersViewModel.setOnShowStories(this::showStoriesOf);
        users.set(usersViewModel);
        usersViewModel.start();
        if (section.get() == Section.STORIES) {
            ensureStories();
        }
        if (section.get() == Section.INTEGRITY) {
            ensureIntegrity();
        }
        if (section.get() == Section.STORAGE) {
            ensureStorage();
        }
        if (section.get() == Section.TRASH) {
            showTrash();
        }
        checkHealth();
        healthPolling = scheduler.every(HEALTH_PERIOD, this::checkHealth);
    }

    private void connectFailed(Throwable failure) {
        connectionState.set(ConnectionState.FAILED);
        connectionMessage.set(messages.describe(failure, "connect"));
        statusText.set(texts.get("status.notConnected", connecting.name()));
        health.set(HealthState.OFFLINE);
    }

    /** One health round trip; skipped while the previous one has not answered yet. */
    public void checkHealth() {
        Connection checked = connection;
        if (checked == null || healthCheckRunning) {
            return;
        }
        healthCheckRunning = true;
        checked.health().check().whenComplete((result, failure) -> fx.execute(() -> {
            healthCheckRunning = false;
            if (checked != connection) {
                return;
            }
            // HealthService promises not to fail; if it does anyway, the backend is as good as offline.
            showHealth(failure == null ? result : new Health(false, Duration.ZERO, Instant.now()));
        }));
    }

    private void showHealth(Health result) {
        String name = connection.profile().name();
        if (result.reachable()) {
            offlineSince = null;
            health.set(HealthState.HEALTHY);
            statusText.set(texts.get("status.healthy", name, result.latency().toMillis()));
        } else {
            if (offlineSince == null) {
                offlineSince = result.checkedAt();
            }
            health.set(HealthState.OFFLINE);
            statusText.set(texts.get("status.offline", name, timeFormat.format(offlineSince)));
        }
    }

    private void stopHealthPolling() {
        if (healthPolling != null) {
            healthPolling.close();
            healthPolling = null;
        }
        healthCheckRunning = false;
    }

    private void dropSections() {
        if (users.get() != null) {
            users.get().dispose();
            users.set(null);
        }
        if (stories.get() != null) {
            stories.get().dispose();
            stories.set(null);
        }
        if (integrity.get() != null) {
            integrity.get().dispose();
            integrity.set(null);
        }
        if (storage.get() != null) {
            storage.get().dispose();
            storage.set(null);
        }
        if (trash.get() != null) {
            trash.get().dispose();
            trash.set(null);
        }
    }

    // -- properties -------------------------------------------------------------------------------------------

    public ObjectProperty<Section> sectionProperty() {
        return section;
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    public ObservableList<ConnectionProfile> profiles() {
        return profilesView;
    }


    public ReadOnlyObjectProperty<ConnectionProfile> activeProfileProperty() {
        return activeProfile.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ConnectionState> connectionStateProperty() {
        return connectionState.getReadOnlyProperty();
    }

    /** "Connecting to Local sandbox…" while connecting, the failure sentence after a failed connect. */
    public ReadOnlyStringProperty connectionMessageProperty() {
        return connectionMessage.getReadOnlyProperty();
    }

    /** The Users section's view model of the open connection; null while not connected. */
    public ReadOnlyObjectProperty<UsersViewModel> usersProperty() {
        return users.getReadOnlyProperty();
    }

    /** The Stories section's view model of the open connection; null until it is first shown. */
    public ReadOnlyObjectProperty<StoriesViewModel> storiesProperty() {
        return stories.getReadOnlyProperty();
    }

    /** The Integrity section's view model of the open connection; null until it is first shown. */
    public ReadOnlyObjectProperty<IntegrityViewModel> integrityProperty() {
        return integrity.getReadOnlyProperty();
    }

    /** The Storage section's view model of the open connection; null until it is first shown. */
    public ReadOnlyObjectProperty<StorageViewModel> storageProperty() {
        return storage.getReadOnlyProperty();
    }

    /** The Trash section's view model of the open connection; null until it is first shown. */
    public ReadOnlyObjectProperty<TrashViewModel> trashProperty() {
        return trash.getReadOnlyProperty();
    }

    /** The undo history of the open connection. */
    public UndoHistory undoHistory() {
        return undo;
    }

    /** Ctrl+Z outside a text field: undoes the newest edit; the lists reload afterwards. */
    public void undo() {
        undo.undo().thenRun(this::reloadTrashIfShown);
    }

    public void redo() {
        undo.redo().thenRun(this::reloadTrashIfShown);
    }

    /** An undo or redo moves things into or out of the trash: the Trash, when it is shown, lists what it has now. */
    private void reloadTrashIfShown() {
        if (section.get() == Section.TRASH && trash.get() != null) {
            trash.get().refresh();
        }
    }

    public ReadOnlyObjectProperty<HealthState> healthProperty() {
        return health.getReadOnlyProperty();
    }

    /** "Local sandbox · 3 ms", "Local sandbox · offline since 12:01" ... */
    public ReadOnlyStringProperty statusTextProperty() {
        return statusText.getReadOnlyProperty();
    }

    public AsyncCommand<Connection> connectCommand() {
        return connect;
    }
}
