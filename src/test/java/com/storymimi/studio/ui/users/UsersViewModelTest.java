package com.storymimi.studio.ui.users;

import com.storymimi.studio.service.trash.TrashService;
import com.storymimi.studio.ui.undo.EditRecorder;
import com.storymimi.studio.ui.undo.UndoHistory;
import com.storymimi.studio.model.Page;
import com.storymimi.studio.model.PageRequest;
import com.storymimi.studio.model.User;
import com.storymimi.studio.model.UserDraft;
import com.storymimi.studio.service.ServiceException;
import com.storymimi.studio.service.UserService;
import com.storymimi.studio.ui.common.UserMessages;
import com.storymimi.studio.ui.testing.InMemoryUserService;
import com.storymimi.studio.ui.testing.RecordingDialogs;
import com.storymimi.studio.ui.testing.TestTexts;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class UsersViewModelTest {

    private final RecordingDialogs dialogs = new RecordingDialogs();
    private InMemoryUserService service = new InMemoryUserService(Duration.ZERO);
    private final UndoHistory undo = new UndoHistory(Runnable::run, new UserMessages(TestTexts.create()), TestTexts.create());
    private final TrashService trash = mock(TrashService.class);

    private UsersViewModel viewModelOver(UserService users) {
        var texts = TestTexts.create();
        return new UsersViewModel(users, dialogs, new UserMessages(texts), texts, Runnable::run,
                new EditRecorder(undo, trash, texts));
    }

    private UsersViewModel startedWith(int userCount) {
        service.withUsers(userCount);
        UsersViewModel viewModel = viewModelOver(service);
        viewModel.start();
        return viewModel;
    }

    // -- paging ---------------------------------------------------------------------------------------------

    @Test
    void firstPageShowsFiftyNewestUsersAndTheTotal() {
        UsersViewModel viewModel = startedWith(137);

        assertEquals(50, viewModel.rows().size());
        assertEquals("user137", viewModel.rows().getFirst().username());
        assertEquals("1–50 of 137", viewModel.pageTextProperty().get());
        assertFalse(viewModel.previousPageCommand().isExecutable());
        assertTrue(viewModel.nextPageCommand().isExecutable());
        assertFalse(viewModel.emptyProperty().get());
    }

    @Test
    void nextAndPreviousMoveByOnePage() {
        UsersViewModel viewModel = startedWith(137);

        viewModel.nextPageCommand().execute();
        assertEquals("51–100 of 137", viewModel.pageTextProperty().get());
        assertEquals("user87", viewModel.rows().getFirst().username());

        viewModel.nextPageCommand().execute();
        assertEquals("101–137 of 137", viewModel.pageTextProperty().get());
        assertEquals(37, viewModel.rows().size());
        assertFalse(viewModel.nextPageCommand().isExecutable());

        viewModel.previousPageCommand().execute();
        assertEquals("51–100 of 137", viewModel.pageTextProperty().get());
    }

    @Test
    void aUserPickedInThePaletteIsShownOnThePageThatHoldsThem() {
        UsersViewModel viewModel = startedWith(137);
        User oldest = service.all().stream().filter(u -> u.username().equals("user3")).findFirst().orElseThrow();

        viewModel.show(oldest);

        assertEquals("101–137 of 137", viewModel.pageTextProperty().get(), "user3 is the 135th newest");
        assertEquals(oldest, viewModel.selectedProperty().get());
        assertTrue(viewModel.rows().contains(oldest));
        assertEquals("user3", viewModel.usernameProperty().get());

        User onThisPage = viewModel.rows().getFirst();
        viewModel.show(onThisPage);
        assertEquals("101–137 of 137", viewModel.pageTextProperty().get(), "a user on the page keeps the page");
        assertEquals(onThisPage, viewModel.selectedProperty().get());
    }

    @Test
    void noUsersAtAllIsTheEmptyState() {
        UsersViewModel viewModel = startedWith(0);

        assertTrue(viewModel.emptyProperty().get());
        assertEquals("", viewModel.pageTextProperty().get());
        assertFalse(viewModel.nextPageCommand().isExecutable());
    }

    @Test
    void aFailedLoadBecomesOneSentence() {
        UserService users = mock(UserService.class);
        when(users.list(any())).thenReturn(CompletableFuture.failedFuture(
                new ServiceException(ServiceException.Reason.UNAVAILABLE, "connect timed out")));
        UsersViewModel viewModel = viewModelOver(users);

        viewModel.start();

        assertEquals("The server could not be reached. Check the connection and try again.",
                viewModel.listErrorProperty().get());
        assertFalse(viewModel.busyBinding().get());
    }

    // -- validation -----------------------------------------------------------------------------------------

    @Test
    void aFreshFormShowsNoProblemsButCannotBeSaved() {
        UsersViewModel viewModel = startedWith(3);

        viewModel.newUser();

        assertEquals("", viewModel.usernameProblemProperty().get());
        assertEquals("", viewModel.emailProblemProperty().get());
        assertFalse(viewModel.saveCommand().isExecutable());
    }

    @Test
    void anInvalidEmailIsExplainedUnderTheFieldAndBlocksSave() {
        UserService users = mock(UserService.class);
        when(users.list(any())).thenReturn(CompletableFuture.completedFuture(
                new Page<>(List.of(), PageRequest.first(50), 0)));
        UsersViewModel viewModel = viewModelOver(users);
        viewModel.start();

        viewModel.usernameProperty().set("ana");
        viewModel.emailProperty().set("ana-at-example.com");
        viewModel.saveOrExplain();

        assertEquals("Enter an email address like ana@example.com.", viewModel.emailProblemProperty().get());
        assertEquals("", viewModel.usernameProblemProperty().get());
        assertFalse(viewModel.saveCommand().isExecutable());
        verify(users, never()).create(any());
    }

    @Test
    void pressingSaveOnAnEmptyFormRevealsEveryProblem() {
        UsersViewModel viewModel = startedWith(1);
        viewModel.newUser();

        viewModel.saveOrExplain();

        assertEquals("Enter a username.", viewModel.usernameProblemProperty().get());
        assertEquals("Enter an email address.", viewModel.emailProblemProperty().get());
        assertEquals(1, service.all().size());
    }

    // -- create / update / delete ---------------------------------------------------------------------------

    @Test
    @SuppressWarnings("unchecked") // Mockito's thenReturn(first, more...)
    void saveCreatesTheUserFromTheTrimmedDraftAndSelectsIt() {
        UserService users = mock(UserService.class);
        User created = new User(UUID.randomUUID(), "ana", "ana@example.com", Instant.parse("2025-03-01T10:00:00Z"));
        when(users.list(any())).thenReturn(
                CompletableFuture.completedFuture(new Page<>(List.of(), PageRequest.first(50), 0)),
                CompletableFuture.completedFuture(new Page<>(List.of(created), PageRequest.first(50), 1)));
        when(users.create(any())).thenReturn(CompletableFuture.completedFuture(created));
        UsersViewModel viewModel = viewModelOver(users);
        viewModel.start();

        viewModel.usernameProperty().set("  ana ");
        viewModel.emailProperty().set("ana@example.com");
        viewModel.saveOrExplain();

        verify(users).create(new UserDraft("ana", "ana@example.com"));
        assertEquals(List.of(created), viewModel.rows());
        assertSame(created, viewModel.selectedProperty().get());
        assertEquals("Edit user", viewModel.formTitleProperty().get());
    }

    @Test
    void saveUpdatesTheSelectedUserAndKeepsItSelectedAfterTheReload() {
        UsersViewModel viewModel = startedWith(5);
        User ana = viewModel.rows().get(2);
        viewModel.select(ana);

        viewModel.emailProperty().set("renamed@example.com");
        viewModel.saveOrExplain();

        User stored = service.all().stream().filter(u -> u.userId().equals(ana.userId())).findFirst().orElseThrow();
        assertEquals("renamed@example.com", stored.email());
        assertEquals(stored, viewModel.selectedProperty().get());
        assertEquals("renamed@example.com", viewModel.rows().get(2).email());
        assertFalse(viewModel.saveCommand().isExecutable(), "nothing left to save");
    }

    @Test
    void undoingASavedEmailPutsTheOldOneBackUnlessItChangedSince() {
        UsersViewModel viewModel = startedWith(5);
        User ana = viewModel.rows().get(2);
        viewModel.select(ana);
        viewModel.emailProperty().set("renamed@example.com");
        viewModel.saveOrExplain();

        undo.undo().join();
        assertEquals(ana.email(), stored(ana).email());
        assertEquals(ana.email(), viewModel.rows().get(2).email(), "the list follows");
        undo.redo().join();
        assertEquals("renamed@example.com", stored(ana).email());

        service.update(ana.userId(), new UserDraft(ana.username(), "theirs@example.com")).join();
        undo.undo().join();
        assertEquals("theirs@example.com", stored(ana).email(), "a change made since is not overwritten");
    }

    @Test
    void undoingANewUserRemovesIt() {
        UsersViewModel viewModel = startedWith(2);
        viewModel.newUser();
        viewModel.usernameProperty().set("zoe");
        viewModel.emailProperty().set("zoe@example.com");
        viewModel.saveOrExplain();
        assertEquals(3, service.all().size());

        undo.undo().join();

        assertEquals(2, service.all().size());
        assertEquals("Undone: Add user “zoe”.", undo.messageProperty().get());
    }

    private User stored(User user) {
        return service.all().stream().filter(u -> u.userId().equals(user.userId())).findFirst().orElseThrow();
    }

    @Test
    void updateCallsTheServiceWithTheUsersId() {
        User ana = new User(UUID.randomUUID(), "ana", "ana@example.com", Instant.parse("2025-03-01T10:00:00Z"));
        UserService users = mock(UserService.class);
        when(users.list(any())).thenReturn(CompletableFuture.completedFuture(
                new Page<>(List.of(ana), PageRequest.first(50), 1)));
        when(users.update(any(), any())).thenReturn(new CompletableFuture<>());
        UsersViewModel viewModel = viewModelOver(users);
        viewModel.start();
        viewModel.select(ana);

        viewModel.usernameProperty().set("ana maria");
        viewModel.saveOrExplain();

        verify(users).update(ana.userId(), new UserDraft("ana maria", "ana@example.com"));
        verify(users, never()).create(any());
    }

    @Test
    void aDuplicateEmailIsShownAsOneSentenceNextToTheForm() {
        UsersViewModel viewModel = startedWith(3);
        viewModel.newUser();

        viewModel.usernameProperty().set("copycat");
        viewModel.emailProperty().set("USER2@example.com");
        viewModel.saveOrExplain();

        assertEquals("That email is already used by another user. Choose another one.",
                viewModel.formErrorProperty().get());
        assertEquals(3, service.all().size());
        assertNull(viewModel.selectedProperty().get(), "the form still holds the new user");
    }

    @Test
    void deleteAsksNamingTheUserAndDoesNothingWhenRefused() {
        UsersViewModel viewModel = startedWith(3);
        User user = viewModel.rows().getFirst();
        viewModel.select(user);
        dialogs.answering(false);

        viewModel.deleteCommand().execute();

        assertEquals(1, dialogs.questions.size());
        assertEquals("Move user 'user3' (user3@example.com) and all their stories to the trash? Restore them from the Trash, or undo with Ctrl+Z.",
                dialogs.questions.getFirst().message());
        assertEquals(3, service.all().size());
        assertSame(user, viewModel.selectedProperty().get());
    }

    @Test
    void confirmedDeleteRemovesTheUserClearsTheFormAndReloads() {
        UsersViewModel viewModel = startedWith(3);
        User user = viewModel.rows().getFirst();
        viewModel.select(user);
        dialogs.answering(true);

        viewModel.deleteCommand().execute();

        assertFalse(service.all().contains(user));
        assertEquals(2, viewModel.rows().size());
        assertNull(viewModel.selectedProperty().get());
        assertEquals("", viewModel.usernameProperty().get());
        assertEquals("1–2 of 2", viewModel.pageTextProperty().get());
    }

    @Test
    void deletingTheOnlyUserOfTheLastPageShowsThePageBefore() {
        UsersViewModel viewModel = startedWith(51);
        viewModel.nextPageCommand().execute();
        viewModel.select(viewModel.rows().getFirst());
        dialogs.answering(true);

        viewModel.deleteCommand().execute();

        assertEquals("1–50 of 50", viewModel.pageTextProperty().get());
    }

    @Test
    void deleteIsNotPossibleWithoutASelectedUser() {
        UsersViewModel viewModel = startedWith(3);

        assertFalse(viewModel.deleteCommand().execute());
        assertTrue(dialogs.questions.isEmpty());
    }

    // -- busy -----------------------------------------------------------------------------------------------

    @Test
    void busyWhileSavingAndSaveCannotRunTwice() {
        CompletableFuture<User> pending = new CompletableFuture<>();
        UserService users = mock(UserService.class);
        when(users.list(any())).thenReturn(CompletableFuture.completedFuture(
                new Page<>(List.of(), PageRequest.first(50), 0)));
        when(users.create(any())).thenReturn(pending);
        UsersViewModel viewModel = viewModelOver(users);
        viewModel.start();
        viewModel.usernameProperty().set("ana");
        viewModel.emailProperty().set("ana@example.com");

        viewModel.saveOrExplain();

        assertTrue(viewModel.busyBinding().get());
        assertFalse(viewModel.saveCommand().isExecutable());
        assertFalse(viewModel.deleteCommand().isExecutable());

        pending.complete(new User(UUID.randomUUID(), "ana", "ana@example.com", Instant.now()));

        assertFalse(viewModel.busyBinding().get());
    }

    @Test
    @SuppressWarnings("unchecked") // Mockito's thenReturn(first, more...)
    void busyWhileLoadingAndARefreshReplacesTheRunningLoad() {
        CompletableFuture<Page<User>> first = new CompletableFuture<>();
        CompletableFuture<Page<User>> second = new CompletableFuture<>();
        UserService users = mock(UserService.class);
        when(users.list(any())).thenReturn(first, second);
        UsersViewModel viewModel = viewModelOver(users);

        viewModel.start();
        assertTrue(viewModel.busyBinding().get());
        viewModel.refresh();

        assertTrue(first.isCancelled(), "the stale load is cancelled");
        User ana = new User(UUID.randomUUID(), "ana", "ana@example.com", Instant.now());
        second.complete(new Page<>(List.of(ana), PageRequest.first(50), 1));
        assertEquals(List.of(ana), viewModel.rows());
        assertFalse(viewModel.busyBinding().get());
    }
}
