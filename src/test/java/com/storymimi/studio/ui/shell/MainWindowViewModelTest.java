package com.storymimi.studio.ui.shell;

import com.storymimi.studio.service.trash.TrashService;
import com.storymimi.studio.ui.testing.InMemoryTrashService;
import com.storymimi.studio.ui.trash.TrashViewModel;
import com.storymimi.studio.ui.undo.UndoHistory;
import com.storymimi.studio.model.ConnectionProfile;
import com.storymimi.studio.model.Health;
import com.storymimi.studio.service.Connection;
import com.storymimi.studio.service.ConnectionService;
import com.storymimi.studio.service.HealthService;
import com.storymimi.studio.service.IntegrityService;
import com.storymimi.studio.service.ServiceException;
import com.storymimi.studio.service.UserService;
import com.storymimi.studio.ui.common.PeriodicScheduler;
import com.storymimi.studio.ui.common.UserMessages;
import com.storymimi.studio.ui.shell.MainWindowViewModel.ConnectionState;
import com.storymimi.studio.ui.shell.MainWindowViewModel.HealthState;
import com.storymimi.studio.model.StoryStatus;
import com.storymimi.studio.service.MediaService;
import com.storymimi.studio.service.SceneService;
import com.storymimi.studio.service.StorageBrowserService;
import com.storymimi.studio.service.StoryService;
import com.storymimi.studio.ui.integrity.IntegrityViewModel;
import com.storymimi.studio.ui.stories.StoriesViewModel;
import com.storymimi.studio.ui.testing.InMemoryCatalog;
import com.storymimi.studio.ui.testing.InMemoryIntegrityService;
import com.storymimi.studio.ui.testing.InMemoryMediaService;
import com.storymimi.studio.ui.testing.InMemorySceneService;
import com.storymimi.studio.ui.testing.InMemoryStoryService;
import com.storymimi.studio.ui.testing.InMemoryUserService;
import com.storymimi.studio.ui.testing.ManualDelays;
import com.storymimi.studio.ui.testing.RecordingDrafts;
import com.storymimi.studio.ui.testing.RecordingDialogs;
import com.storymimi.studio.ui.testing.TestTexts;
import com.storymimi.studio.ui.users.UsersViewModel;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MainWindowViewModelTest {

    private static final ConnectionProfile SANDBOX = ConnectionProfile.localSandbox("Local sandbox");
    private static final ConnectionProfile PROD = ConnectionProfile.supabase("prod", "Production",
            URI.create("https://abc.supabase.co"), "anon-key");

    private final UndoHistory undo = new UndoHistory(Runnable::run, new UserMessages(TestTexts.create()),
            TestTexts.create());
    private final FakeConnections connections = new FakeConnections();
    private final ManualScheduler scheduler = new ManualScheduler();
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private final MainWindowViewModel viewModel = new MainWindowViewModel(connections, dialogs,
            new UserMessages(TestTexts.create()), TestTexts.create(), Runnable::run, scheduler, ZoneOffset.UTC,
            StoriesViewModel.forConnections(dialogs, new UserMessages(TestTexts.create()), TestTexts.create(),
                    Runnable::run, new ManualDelays(), new RecordingDrafts(), Clock.systemUTC(), undo, connections),
            connection -> {
                throw new UnsupportedOperationException("no test here opens Storage");
            },
            IntegrityViewModel.forConnections(dialogs, new UserMessages(TestTexts.create()), TestTexts.create(),
                    Runnable::run),
            // Retention 0 keeps everything: the in-memory server's clock is in 2025, older than any retention.
            TrashViewModel.forConnections(dialogs, new UserMessages(TestTexts.create()), TestTexts.create(),
                    Runnable::run, Clock.systemUTC(), 0, days -> { }),
            undo);

    @Test
    void startShowsConnectingUntilTheActiveProfileIsOpen() {
        CompletableFuture<Connection> opening = connections.nextOpening();

        viewModel.start();

        assertEquals(ConnectionState.CONNECTING, viewModel.connectionStateProperty().get());
        assertEquals("Connecting to Local sandbox…", viewModel.connectionMessageProperty().get());
        assertEquals(List.of("local-sandbox"), connections.activated);
        assertEquals(List.of(SANDBOX, PROD), viewModel.profiles());
        assertNull(viewModel.usersProperty().get());

        opening.complete(connections.connectionTo(SANDBOX, healthy(3)));

        assertEquals(ConnectionState.CONNECTED, viewModel.connectionStateProperty().get());
        UsersViewModel users = viewModel.usersProperty().get();
        assertNotNull(users);
        assertEquals(2, users.rows().size(), "the Users section loads at once");
    }

    @Test
    void aFailedConnectShowsOneSentenceAndRetryOpensAgain() {
        connections.nextOpening().completeExceptionally(
                new ServiceException(ServiceException.Reason.UNAVAILABLE, "sandbox port in use"));

        viewModel.start();

        assertEquals(ConnectionState.FAILED, viewModel.connectionStateProperty().get());
        assertEquals("The connection could not be opened. Check the profile and try again.",
                viewModel.connectionMessageProperty().get());
        assertEquals("Local sandbox · not connected", viewModel.statusTextProperty().get());

        connections.nextOpening().complete(connections.connectionTo(SANDBOX, healthy(3)));
        viewModel.retry();

        assertEquals(ConnectionState.CONNECTED, viewModel.connectionStateProperty().get());
        assertEquals(List.of("local-sandbox", "local-sandbox"), connections.activated);
    }

    @Test
    void aHealthyConnectionShowsItsLatency() {
        connectedWith(healthy(3));

        assertEquals(HealthState.HEALTHY, viewModel.healthProperty().get());
        assertEquals("Local sandbox · 3 ms", viewModel.statusTextProperty().get());
        assertEquals(MainWindowViewModel.HEALTH_PERIOD, scheduler.period);
    }

    @Test
    void anUnreachableBackendShowsSinceWhenItIsOffline() {
        ScriptedHealth health = connectedWith(healthy(3));

        health.next = new Health(false, Duration.ZERO, Instant.parse("2025-05-01T12:01:30Z"));
        scheduler.tick();
        health.next = new Health(false, Duration.ZERO, Instant.parse("2025-05-01T12:01:40Z"));
        scheduler.tick();

        assertEquals(HealthState.OFFLINE, viewModel.healthProperty().get());
        assertEquals("Local sandbox · offline since 12:01", viewModel.statusTextProperty().get());

        health.next = healthy(5);
        scheduler.tick();

        assertEquals(HealthState.HEALTHY, viewModel.healthProperty().get());
        assertEquals("Local sandbox · 5 ms", viewModel.statusTextProperty().get());
    }

    @Test
    void aHealthCheckStillRunningIsNotStartedTwice() {
        ScriptedHealth health = connectedWith(healthy(3));
        health.pending = new CompletableFuture<>();

        scheduler.tick();
        scheduler.tick();

        assertEquals(2, health.calls, "the first check at connect, then one for two ticks");
    }

    @Test
    void switchingProfilesStopsPollingDropsTheOldUsersAndOpensTheNewOne() {
        ScriptedHealth oldHealth = connectedWith(healthy(3));
        UsersViewModel oldUsers = viewModel.usersProperty().get();
        oldHealth.pending = new CompletableFuture<>();
        scheduler.tick(); // a check of the old connection is still under way
        CompletableFuture<Connection> opening = connections.nextOpening();

        viewModel.switchTo(PROD);

        assertTrue(scheduler.cancelled);
        assertEquals("prod", connections.activated.getLast());
        assertEquals(ConnectionState.CONNECTING, viewModel.connectionStateProperty().get());
        assertEquals("Connecting to Production…", viewModel.statusTextProperty().get());
        opening.complete(connections.connectionTo(PROD, healthy(40)));
        oldHealth.pending.complete(new Health(false, Duration.ZERO, Instant.now()));

        assertNotSame(oldUsers, viewModel.usersProperty().get());
        assertEquals(PROD, viewModel.activeProfileProperty().get());
        assertEquals("Production · 40 ms", viewModel.statusTextProperty().get(), "the old answer is ignored");
    }

    @Test
    void switchingToTheConnectedProfileDoesNothing() {
        connectedWith(healthy(3));

        viewModel.switchTo(SANDBOX);

        assertEquals(1, connections.activated.size());
    }

    @Test
    void editingTheActiveProfileReconnectsWithTheNewSettings() {
        connections.profiles = new ArrayList<>(List.of(SANDBOX, PROD));
        connections.nextOpening().complete(connections.connectionTo(PROD, healthy(3)));
        viewModel.switchTo(PROD);
        ConnectionProfile edited = ConnectionProfile.supabase("prod", "Production EU",
                URI.create("https://eu.supabase.co"), "anon-key");
        connections.profiles = new ArrayList<>(List.of(SANDBOX, edited));
        connections.nextOpening().complete(connections.connectionTo(edited, healthy(3)));

        viewModel.profilesEdited();

        assertEquals(List.of("prod", "prod"), connections.activated);
        assertEquals("Production EU", viewModel.activeProfileProperty().get().name());
    }

    @Test
    void themeToggles() {
        viewModel.toggleTheme();
        assertEquals(Theme.DARK, viewModel.themeProperty().get());
        viewModel.toggleTheme();
        assertEquals(Theme.LIGHT, viewModel.themeProperty().get());
    }

    // -- fakes ----------------------------------------------------------------------------------------------

    private ScriptedHealth connectedWith(Health first) {
        ScriptedHealth health = new ScriptedHealth();
        health.next = first;
        connections.nextOpening().complete(connections.connectionTo(SANDBOX, health));
        viewModel.start();
        return health;
    }

    private static Health healthy(long millis) {
        return new Health(true, Duration.ofMillis(millis), Instant.parse("2025-05-01T12:00:00Z"));
    }

    private static final class ScriptedHealth implements HealthService {
        Health next;
        CompletableFuture<Health> pending;
        int calls;

        @Override
        public CompletableFuture<Health> check() {
            calls++;
            return pending != null && !pending.isDone() ? pending : CompletableFuture.completedFuture(next);
        }
    }

    @Test
    void theStoriesSectionIsBuiltWhenFirstShownAndShowStoriesFiltersToTheUser() {
        connections.nextOpening().complete(connections.connectionTo(SANDBOX, healthy(3)));
        viewModel.start();
        assertNull(viewModel.storiesProperty().get(), "not loaded before it is needed");

        UsersViewModel users = viewModel.usersProperty().get();
        var newest = users.rows().getFirst();
        users.select(newest);
        users.showStories();

        assertEquals(Section.STORIES, viewModel.sectionProperty().get());
        StoriesViewModel stories = viewModel.storiesProperty().get();
        assertNotNull(stories);
        assertEquals(newest, stories.userFilterProperty().get());
        assertEquals(1, stories.rows().size());
        assertEquals(newest.username(), stories.rows().getFirst().username());
    }

    @Test
    void thePalettesEntryPointsSwitchToTheSectionAndOpenTheStoryOrSelectTheUser() {
        assertTrue(viewModel.openConnection().isEmpty(), "nothing to search before a connection is open");
        connections.nextOpening().complete(connections.connectionTo(SANDBOX, healthy(3)));
        viewModel.start();
        var fox = viewModel.openConnection().orElseThrow().stories()
                .list(com.storymimi.studio.model.StoryQuery.all().withSearch("fox"),
                        com.storymimi.studio.model.PageRequest.first(8)).join().items().getFirst();

        viewModel.openStory(fox);

        assertEquals(Section.STORIES, viewModel.sectionProperty().get());
        assertEquals(fox.story().storyId(), viewModel.storiesProperty().get().editor().orElseThrow().storyId());

        var user = viewModel.usersProperty().get().rows().getLast();
        viewModel.showUser(user);

        assertEquals(Section.USERS, viewModel.sectionProperty().get());
        assertEquals(user, viewModel.usersProperty().get().selectedProperty().get());
        viewModel.newUser();
        assertNull(viewModel.usersProperty().get().selectedProperty().get(), "an empty form for a new user");
    }

    @Test
    void anUndoOrRedoWhileTheTrashIsShownListsWhatTheTrashHoldsNow() {
        connections.nextOpening().complete(connections.connectionTo(SANDBOX, healthy(3)));
        viewModel.start();
        Connection open = viewModel.openConnection().orElseThrow();
        var fox = open.stories().list(com.storymimi.studio.model.StoryQuery.all().withSearch("fox"),
                com.storymimi.studio.model.PageRequest.first(8)).join().items().getFirst().story().storyId();
        viewModel.sectionProperty().set(Section.TRASH);
        TrashViewModel trash = viewModel.trashProperty().get();
        assertTrue(trash.rows().isEmpty());
        undo.record(com.storymimi.studio.ui.undo.UndoableEdit.of("Create story “The Fox”",
                () -> open.stories().delete(fox),
                () -> open.trash().restoreLatest(com.storymimi.studio.model.TrashKind.STORY, fox), "undo", () -> { }));

        viewModel.undo();
        assertEquals(List.of(fox), trash.rows().stream().map(com.storymimi.studio.model.TrashItem::itemId).toList());
        viewModel.redo();
        assertTrue(trash.rows().isEmpty(), "the story left the trash again");
    }

    @Test
    void theIntegritySectionIsBuiltWhenFirstShownAndRebuiltForANewConnection() {
        connections.nextOpening().complete(connections.connectionTo(SANDBOX, healthy(3)));
        viewModel.start();
        assertNull(viewModel.integrityProperty().get(), "not built before it is needed");

        viewModel.sectionProperty().set(Section.INTEGRITY);
        IntegrityViewModel first = viewModel.integrityProperty().get();
        assertNotNull(first);

        connections.nextOpening().complete(connections.connectionTo(PROD, healthy(5)));
        viewModel.switchTo(PROD);

        assertNotNull(viewModel.integrityProperty().get());
        assertNotSame(first, viewModel.integrityProperty().get());
    }

    @Test
    void aFindingsStoryOpensInTheStoriesSectionsEditor() {
        connections.nextOpening().complete(connections.connectionTo(SANDBOX, healthy(3)));
        viewModel.start();
        viewModel.scanIntegrity();
        IntegrityViewModel integrity = viewModel.integrityProperty().get();
        var finding = integrity.rows().stream().filter(com.storymimi.studio.ui.integrity.FindingRow.class::isInstance)
                .map(com.storymimi.studio.ui.integrity.FindingRow.class::cast).findFirst().orElseThrow();

        integrity.openStory(finding);

        assertEquals(Section.STORIES, viewModel.sectionProperty().get());
        var editor = viewModel.storiesProperty().get().editor().orElseThrow();
        assertEquals(finding.finding().storyId(), editor.storyId());
        assertEquals("The Owl", editor.titleProperty().get());
    }

    @Test
    void switchingProfilesDropsTheStoriesSection() {
        connections.nextOpening().complete(connections.connectionTo(SANDBOX, healthy(3)));
        viewModel.start();
        viewModel.sectionProperty().set(Section.STORIES);
        StoriesViewModel first = viewModel.storiesProperty().get();
        assertEquals(2, first.rows().size());

        connections.nextOpening().complete(connections.connectionTo(PROD, healthy(5)));
        viewModel.switchTo(PROD);

        assertNotSame(first, viewModel.storiesProperty().get());
        assertNotNull(viewModel.storiesProperty().get(), "the section shown is rebuilt for the new connection");
    }

    private static final class FakeConnections implements ConnectionService {
        List<ConnectionProfile> profiles = new ArrayList<>(List.of(SANDBOX, PROD));
        final List<String> activated = new ArrayList<>();
        private final List<CompletableFuture<Connection>> openings = new ArrayList<>();

        CompletableFuture<Connection> nextOpening() {
            CompletableFuture<Connection> opening = new CompletableFuture<>();
            openings.add(opening);
            return opening;
        }

        Connection connectionTo(ConnectionProfile profile, Health health) {
            ScriptedHealth scripted = new ScriptedHealth();
            scripted.next = health;
            return connectionTo(profile, scripted);
        }

        Connection connectionTo(ConnectionProfile profile, HealthService health) {
            InMemoryUserService users = new InMemoryUserService(Duration.ZERO).withUsers(2);
            InMemoryCatalog catalog = new InMemoryCatalog(users, Duration.ZERO);
            var owl = catalog.insertStory(users.all().getFirst().userId(), "The Owl", "", StoryStatus.PENDING);
            IntegrityService integrity = new InMemoryIntegrityService(Duration.ZERO, List.of(
                    new com.storymimi.studio.model.Finding(com.storymimi.studio.model.FindingKind.BROKEN_SEQUENCE,
                            owl.storyId(), "The Owl", null, null, "Its 0 scenes are numbered oddly.",
                            new com.storymimi.studio.model.IntegrityFix.ReportOnly())));
            catalog.insertStory(users.all().getLast().userId(), "The Fox", "", StoryStatus.COMPLETED);
            return new Connection() {
                public ConnectionProfile profile() {
                    return profile;
                }

                public UserService users() {
                    return users;
                }

                public HealthService health() {
                    return health;
                }

                public TrashService trash() {
                    return new InMemoryTrashService(catalog);
                }

                public com.storymimi.studio.service.revisions.RevisionService revisions() {
                    return new com.storymimi.studio.ui.testing.NoRevisions();
                }

                public com.storymimi.studio.service.bundle.BundleService bundles() {
                    return new com.storymimi.studio.ui.testing.NoBundles();
                }

                public StoryService stories() {
                    return new InMemoryStoryService(catalog);
                }

                public SceneService scenes() {
                    return new InMemorySceneService(catalog);
                }

                public MediaService media() {
                    return new InMemoryMediaService(catalog, Path.of("unused-media-dir"));
                }

                public IntegrityService integrity() {
                    return integrity;
                }

                @Override
                public StorageBrowserService storage() {
                    throw new UnsupportedOperationException("no test here opens Storage");
                }
            };
        }

        @Override
        public CompletableFuture<List<ConnectionProfile>> profiles() {
            return CompletableFuture.completedFuture(List.copyOf(profiles));
        }

        @Override
        public CompletableFuture<ConnectionProfile> activeProfile() {
            return CompletableFuture.completedFuture(SANDBOX);
        }

        @Override
        public CompletableFuture<ConnectionProfile> save(ConnectionProfile profile) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletableFuture<Void> remove(String profileId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletableFuture<Connection> activate(String profileId) {
            activated.add(profileId);
            return openings.isEmpty() ? new CompletableFuture<>() : openings.removeFirst();
        }

        @Override
        public CompletableFuture<com.storymimi.studio.service.SideConnection> openBeside(String profileId) {
            throw new UnsupportedOperationException("no test here publishes");
        }
    }

    /** Runs the scheduled action when the test says so. */
    private static final class ManualScheduler implements PeriodicScheduler {
        Runnable action;
        Duration period;
        boolean cancelled;

        @Override
        public Cancellable every(Duration period, Runnable action) {
            this.period = period;
            this.action = action;
            this.cancelled = false;
            return () -> cancelled = true;
        }

        void tick() {
            if (!cancelled) {
                action.run();
            }
        }
    }
}
