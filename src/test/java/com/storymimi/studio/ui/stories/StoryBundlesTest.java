package com.storymimi.studio.ui.stories;

import com.storymimi.studio.model.ConnectionProfile;
import com.storymimi.studio.model.Story;
import com.storymimi.studio.model.StoryRow;
import com.storymimi.studio.model.StoryStatus;
import com.storymimi.studio.model.User;
import com.storymimi.studio.service.ConnectionService;
import com.storymimi.studio.service.ServiceException;
import com.storymimi.studio.service.SideConnection;
import com.storymimi.studio.service.ServiceException.Reason;
import com.storymimi.studio.service.bundle.BundleService;
import com.storymimi.studio.service.bundle.BundleStory;
import com.storymimi.studio.ui.common.UserMessages;
import com.storymimi.studio.ui.testing.InMemoryCatalog;
import com.storymimi.studio.ui.testing.InMemoryStoryService;
import com.storymimi.studio.ui.testing.InMemoryUserService;
import com.storymimi.studio.ui.testing.RecordingDialogs;
import com.storymimi.studio.ui.testing.TestTexts;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** Export and import of bundles as the Stories section asks about them, over a scripted bundle service. */
class StoryBundlesTest {

    private final InMemoryUserService users = new InMemoryUserService(Duration.ZERO);
    private final InMemoryCatalog catalog = new InMemoryCatalog(users, Duration.ZERO);
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private final ScriptedBundles service = new ScriptedBundles();
    private final ConnectionService connections = mock(ConnectionService.class);
    private int refreshed;
    private final StoryBundles bundles = new StoryBundles(service, new InMemoryStoryService(catalog), dialogs,
            new UserMessages(TestTexts.create()), TestTexts.create(), Runnable::run, () -> refreshed++, connections,
            ConnectionProfile.LOCAL_SANDBOX_ID);

    /** Answers as told and keeps what it was asked. */
    private static final class ScriptedBundles implements BundleService {
        final List<String> calls = new ArrayList<>();
        List<BundleStory> contents = List.of();
        CompletableFuture<Report> answer = CompletableFuture.completedFuture(new Report(1, 3, 6, 600, List.of(), List.of()));

        @Override
        public CompletableFuture<Report> export(List<UUID> storyIds, Path target, Consumer<Progress> progress) {
            calls.add("export " + storyIds + " to " + target.getFileName());
            progress.accept(new Progress(1, 2, "x"));
            return answer;
        }

        @Override
        public CompletableFuture<List<BundleStory>> contents(Path bundle) {
            return answer.thenApply(ignored -> contents);
        }

        @Override
        public CompletableFuture<Report> importBundle(Path bundle, OnExisting onExisting, Consumer<Progress> progress) {
            calls.add("import " + bundle.getFileName() + " " + onExisting);
            return answer;
        }

        @Override
        public CompletableFuture<Report> publish(List<UUID> storyIds, BundleService target, OnExisting onExisting,
                                                 Consumer<Progress> progress) {
            calls.add("publish " + storyIds + " " + onExisting);
            progress.accept(new Progress(3, 12, "x"));
            return answer;
        }
    }

    private StoryRow row(Story story) {
        return new StoryRow(story, "ana", 3);
    }

    private static BundleStory held(UUID id, String title) {
        return new BundleStory(id, title, "", StoryStatus.COMPLETED, null, List.of(
                new BundleStory.Scene(UUID.randomUUID(), 1, "one", null, null),
                new BundleStory.Scene(UUID.randomUUID(), 2, "two", null, null)));
    }

    @Test
    void exportAsksWhereSuggestingTheTitleAndSaysWhatWasWritten() {
        User ana = users.insert("ana", "ana@example.com");
        Story fox = catalog.insertStory(ana.userId(), "The Fox: part 1/2", "", StoryStatus.COMPLETED);
        dialogs.choosingFile(Path.of("/tmp/fox"));

        bundles.export(List.of(row(fox)));

        assertEquals(List.of("The Fox part 12.storymimi"), dialogs.suggestedNames);
        assertEquals(List.of("export [" + fox.storyId() + "] to fox.storymimi"), service.calls,
                "the extension is added when the name has none");
        assertEquals(List.of("Exported 1 story (3 scenes, 6 files) to fox.storymimi."), dialogs.infos);
        assertEquals("", bundles.progressProperty().get());
    }

    @Test
    void importOfNewStoriesShowsThemFirstAndReloadsTheList() {
        service.contents = List.of(held(UUID.randomUUID(), "The Owl"));
        dialogs.choosingFile(Path.of("/tmp/owl.storymimi")).answering(true);

        bundles.importBundle();

        assertEquals(List.of("“The Owl” · 2 scenes"), dialogs.plans.getLast().lines());
        assertEquals("Import 1 story from owl.storymimi?", dialogs.plans.getLast().message());
        assertEquals(List.of("import owl.storymimi SKIP"), service.calls);
        assertEquals(List.of("Imported 1 story (3 scenes, 6 files) from owl.storymimi."), dialogs.infos);
        assertEquals(1, refreshed);
    }

    @Test
    void storiesThatAreHereAlreadyAreLeftReplacedOrCopiedAsChosen() {
        User ana = users.insert("ana", "ana@example.com");
        Story fox = catalog.insertStory(ana.userId(), "The Fox", "", StoryStatus.COMPLETED);
        service.contents = List.of(held(fox.storyId(), "The Fox"), held(UUID.randomUUID(), "The Owl"));
        dialogs.choosingFile(Path.of("/tmp/two.storymimi")).choosing(Optional.of(2));

        bundles.importBundle();

        RecordingDialogs.Choice asked = dialogs.choices.getLast();
        assertEquals("“The Fox” is here already (2 stories in two.storymimi). Leave it as it is, replace it (the current"
                + " version goes to the trash), or import it as a copy?", asked.message());
        assertEquals(List.of("Leave it", "Replace", "Import as a copy"), asked.answers());
        assertEquals(List.of("import two.storymimi COPY"), service.calls);

        dialogs.choosingFile(Path.of("/tmp/two.storymimi")).choosing(Optional.empty());
        bundles.importBundle();
        assertEquals(1, service.calls.size(), "Cancel imports nothing");
    }

    @Test
    void aDamagedBundleSaysWhatIsWrongAndThatNothingWasImported() {
        service.answer = CompletableFuture.failedFuture(new ServiceException(Reason.INVALID,
                "owl.storymimi is damaged or was changed: media/x does not match its checksum"));
        dialogs.choosingFile(Path.of("/tmp/owl.storymimi"));

        bundles.importBundle();

        assertEquals(List.of("owl.storymimi is damaged or was changed: media/x does not match its checksum. "
                + "Nothing was imported."), dialogs.errors);
        assertEquals(0, refreshed);
        assertTrue(service.calls.isEmpty(), "it did not get as far as importing");
    }

    private static final ConnectionProfile PROD = ConnectionProfile.supabase("prod", "Production",
            java.net.URI.create("https://prod.supabase.co"), "anon");
    private static final ConnectionProfile STAGING = ConnectionProfile.supabase("staging", "Staging",
            java.net.URI.create("https://staging.supabase.co"), "anon");

    @Test
    void publishAsksWhichProjectAndWhatToDoWithStoriesThereThenCopiesAndClosesIt() {
        User ana = users.insert("ana", "ana@example.com");
        Story fox = catalog.insertStory(ana.userId(), "The Fox", "", StoryStatus.COMPLETED);
        Story owl = catalog.insertStory(ana.userId(), "The Owl", "", StoryStatus.COMPLETED);
        when(connections.profiles()).thenReturn(CompletableFuture.completedFuture(
                List.of(ConnectionProfile.localSandbox("Local sandbox"), PROD, STAGING)));
        ScriptedBundles there = new ScriptedBundles();
        SideConnection staging = mock(SideConnection.class);
        when(staging.bundles()).thenReturn(there);
        when(connections.openBeside("staging")).thenReturn(CompletableFuture.completedFuture(staging));
        dialogs.choosingInTurn(1, 2); // Staging; import as copies

        bundles.publish(List.of(row(fox), row(owl)));

        assertEquals(List.of("Production", "Staging"), dialogs.choices.get(0).answers(), "not the project open now");
        assertEquals("If some of them are in Staging already:", dialogs.choices.get(1).message());
        assertEquals(List.of("publish [" + fox.storyId() + ", " + owl.storyId() + "] COPY"), service.calls);
        verify(staging).close();
        assertEquals(List.of("Published 1 story (3 scenes, 6 files) to Staging."), dialogs.infos);
        assertFalse(bundles.runningProperty().get());
        assertEquals("", bundles.progressProperty().get());
    }

    @Test
    void withNoOtherProjectPublishSaysHowToAddOne() {
        User ana = users.insert("ana", "ana@example.com");
        Story fox = catalog.insertStory(ana.userId(), "The Fox", "", StoryStatus.COMPLETED);
        when(connections.profiles()).thenReturn(CompletableFuture.completedFuture(
                List.of(ConnectionProfile.localSandbox("Local sandbox"))));

        bundles.publish(List.of(row(fox)));

        assertTrue(dialogs.choices.isEmpty());
        assertEquals(List.of("There is no other project to publish to: add one with the connection menu → Edit"
                + " profiles… → New profile, then publish again."), dialogs.infos);
        verify(connections, never()).openBeside(org.mockito.ArgumentMatchers.any());
    }

    @Test
    void aProjectThatCannotBeOpenedSaysSoAndNothingIsPublished() {
        User ana = users.insert("ana", "ana@example.com");
        Story fox = catalog.insertStory(ana.userId(), "The Fox", "", StoryStatus.COMPLETED);
        when(connections.profiles()).thenReturn(CompletableFuture.completedFuture(
                List.of(ConnectionProfile.localSandbox("Local sandbox"), PROD)));
        when(connections.openBeside("prod")).thenReturn(CompletableFuture.failedFuture(
                new ServiceException(Reason.UNAVAILABLE, "could not open Production: connection refused")));
        dialogs.choosingInTurn(0, 0);

        bundles.publish(List.of(row(fox)));

        assertTrue(service.calls.isEmpty());
        assertEquals(List.of("Nothing was published: Production could not be opened. The server could not be"
                + " reached. Check the connection and try again."), dialogs.errors);
        assertTrue(dialogs.infos.isEmpty());
        assertFalse(bundles.runningProperty().get(), "another try is possible");
    }
}
