package com.storymimi.studio.ui.users;

import com.storymimi.studio.model.Page;
import com.storymimi.studio.model.PageRequest;
import com.storymimi.studio.model.TrashKind;
import com.storymimi.studio.model.User;
import com.storymimi.studio.model.UserDraft;
import com.storymimi.studio.service.ServiceException;
import com.storymimi.studio.service.UserService;
import com.storymimi.studio.ui.common.AsyncCommand;
import com.storymimi.studio.ui.common.DialogService;
import com.storymimi.studio.ui.common.Texts;
import com.storymimi.studio.ui.common.UserMessages;
import com.storymimi.studio.ui.undo.EditRecorder;
import com.storymimi.studio.ui.undo.UndoableEdit;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The Users section: one server page of users, the form for the selected (or a new) user, and the commands
 * that load, save and delete. Every service call is asynchronous and continues on the injected executor.
 */
public final class UsersViewModel {

    public static final int PAGE_SIZE = 50;

    private final UserService users;
    private final DialogService dialogs;
    private final UserMessages messages;
    private final Texts texts;
    private final Executor fx;
    private final EditRecorder edits;
    /** The user a confirmed delete is removing, for its undo entry. */
    private User deleting;
    /** The user as loaded before the save under way (null for a new one), for its undo entry. */
    private User saving;

    private final ObservableList<User> rows = FXCollections.observableArrayList();
    // One wrapper, kept: listeners on a fresh wrapper per call would be dropped when it is collected.
    private final ObservableList<User> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyObjectWrapper<User> selected = new ReadOnlyObjectWrapper<>(this, "selected");
    private final UserForm form;
    private final ReadOnlyStringWrapper formError = new ReadOnlyStringWrapper(this, "formError", "");
    private final ReadOnlyStringWrapper listError = new ReadOnlyStringWrapper(this, "listError", "");
    private final ReadOnlyStringWrapper pageText = new ReadOnlyStringWrapper(this, "pageText", "");
    private final ReadOnlyStringWrapper formTitle = new ReadOnlyStringWrapper(this, "formTitle");
    private final ReadOnlyBooleanWrapper empty = new ReadOnlyBooleanWrapper(this, "empty");
    private final ReadOnlyBooleanWrapper hasPrevious = new ReadOnlyBooleanWrapper(this, "hasPrevious");
    private final ReadOnlyBooleanWrapper hasNext = new ReadOnlyBooleanWrapper(this, "hasNext");

    private final AsyncCommand<Page<User>> load;
    private final AsyncCommand<User> save;
    private final AsyncCommand<Boolean> delete;
    private final AsyncCommand<Void> previousPage;
    private final AsyncCommand<Void> nextPage;
    private final BooleanBinding busy;

    private PageRequest requested = PageRequest.first(PAGE_SIZE);
    private Consumer<User> onShowStories = user -> { };
    private UUID selectAfterLoad;

    public UsersViewModel(UserService users, DialogService dialogs, UserMessages messages, Texts texts, Executor fx,
                          EditRecorder edits) {
        this.users = Objects.requireNonNull(users, "users");
        this.edits = Objects.requireNonNull(edits, "edits");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.texts = Objects.requireNonNull(texts, "texts");
        this.fx = Objects.requireNonNull(fx, "fx");
        this.form = new UserForm(texts);
        formTitle.bind(Bindings.when(selected.isNull())
                .then(texts.get("users.form.new")).otherwise(texts.get("users.form.edit")));

        load = new AsyncCommand<>(fx, () -> users.list(requested))
                .onSuccess(this::showPage)
                .onFailure(e -> listError.set(messages.describe(e, "users")));
        save = new AsyncCommand<>(fx, this::saveForm, saveCondition())
                .onSuccess(this::saved)
                .onFailure(this::saveFailed);
        delete = new AsyncCommand<>(fx, this::confirmAndDelete, selected.isNotNull())
                .onSuccess(this::deleted)
                .onFailure(this::deleteFailed);
        previousPage = pageCommand(hasPrevious, -1);
        nextPage = pageCommand(hasNext, +1);
        busy = load.runningProperty().or(save.runningProperty()).or(delete.runningProperty());
        form.fill(null);
    }

    /** Loads the first page; call once the view is shown. */
    public void start() {
        load.restart();
    }

    /** Stops waiting for running work, e.g. when the connection changes and this view model is dropped. */
    public void dispose() {
        load.cancel();
        save.cancel();
        delete.cancel();
    }

    public void refresh() {
        load.restart();
    }

    /** Where "Show stories" leads (the main window: the Stories section filtered to the user). */
    public void setOnShowStories(Consumer<User> handler) {
        this.onShowStories = Objects.requireNonNull(handler, "handler");
    }

    /** "Show stories" for the selected user; nothing when no saved user is selected. */
    public void showStories() {
        if (selected.get() != null) {
            onShowStories.accept(selected.get());
        }
    }

    /** The person picked a row: edit that user. Re-selecting the user already in the form keeps the edits. */
    public void select(User user) {
        if (user == null || user == selected.get()) {
            return;
        }
        selected.set(user);
        form.fill(user);
        formError.set("");
    }

    /**
     * A user picked outside the table (the command palette): the form shows them at once, and the table turns to
     * the page that holds them, with their row selected.
     */
    public void show(User user) {
        if (user == null) {
            return;
        }
        select(user);
        if (rows.stream().anyMatch(row -> row.userId().equals(user.userId()))) {
            return;
        }
        users.offsetOf(user).whenComplete((offset, failure) -> fx.execute(() -> {
            if (failure != null) {
                listError.set(messages.describe(failure, "users"));
            } else if (user.equals(selected.get())) { // else the person has moved on meanwhile
                requested = new PageRequest((int) (offset / PAGE_SIZE * PAGE_SIZE), PAGE_SIZE);
                selectAfterLoad = user.userId();
                load.restart();
            }
        }));
    }

    /** An empty form for a new user. */
    public void newUser() {
        selected.set(null);
        form.fill(null);
        formError.set("");
    }

    // -- commands ---------------------------------------------------------------------------------------------

    private ObservableBooleanValue saveCondition() {
        return form.validBinding().and(form.changedBinding());
    }

    private CompletableFuture<User> saveForm() {
        formError.set("");
        User editing = selected.get();
        saving = editing;
        return editing == null ? users.create(form.draft()) : users.update(editing.userId(), form.draft());
    }

    /**
     * A saved username or email as an undoable edit. Each direction reads the user again and saves the other side
     * only while the user still shows this side; a change made since is a CONFLICT and is not overwritten.
     */
    private UndoableEdit userEdit(User before, User after) {
        return UndoableEdit.of(texts.get("undo.edit.user", after.username()),
                () -> replace(after, before), () -> replace(before, after), "users", this::refresh);
    }

    private CompletableFuture<User> replace(User expected, User wanted) {
        return users.get(expected.userId()).thenCompose(found -> {
            User now = found.orElseThrow(() -> new ServiceException(ServiceException.Reason.NOT_FOUND,
                    "user " + expected.userId() + " is gone"));
            if (!now.username().equals(expected.username()) || !now.email().equals(expected.email())) {
                throw new ServiceException(ServiceException.Reason.CONFLICT, "the user changed since this edit");
            }
            return users.update(wanted.userId(), new UserDraft(wanted.username(), wanted.email()));
        });
    }

    /** Save pressed (button or Ctrl+S): reveals the form's problems when it cannot be saved yet. */
    public void saveOrExplain() {
        if (!save.execute()) {
            form.revealProblems();
        }
    }

    private void saved(User user) {
        boolean created = selected.get() == null;
        if (created) {
            edits.created("undo.edit.createUser", user.username(), TrashKind.USER, user.userId(),
                    () -> users.delete(user.userId()), this::refresh);
        } else if (saving != null) {
            edits.record(userEdit(saving, user));
        }
        selected.set(user);
        form.fill(user);
        // Newest first: a new user is at the top of the first page.
        if (created) {
            requested = PageRequest.first(PAGE_SIZE);
        }
        selectAfterLoad = user.userId();
        load.restart();
    }

    private void saveFailed(Throwable failure) {
        formError.set(messages.describe(failure, "users"));
    }

    private CompletableFuture<Boolean> confirmAndDelete() {
        User user = selected.get();
        return dialogs.confirm(texts.get("users.delete.title"),
                        texts.get("users.delete.question", user.username(), user.email()),
                        texts.get("users.delete.confirm"))
                .thenCompose(confirmed -> {
                    if (!confirmed) {
                        return CompletableFuture.completedFuture(false);
                    }
                    deleting = user;
                    return users.delete(user.userId()).thenApply(done -> true);
                });
    }

    private void deleted(boolean didDelete) {
        if (didDelete) {
            User gone = deleting;
            edits.deleted("undo.edit.deleteUser", gone.username(), TrashKind.USER, gone.userId(),
                    () -> users.delete(gone.userId()), this::refresh);
            newUser();
            load.restart();
        }
    }

    private void deleteFailed(Throwable failure) {
        formError.set(messages.describe(failure, "users"));
        if (failure instanceof ServiceException se && se.reason() == ServiceException.Reason.NOT_FOUND) {
            load.restart();
        }
    }

    private AsyncCommand<Void> pageCommand(ReadOnlyBooleanWrapper available, int direction) {
        // Paging only changes what to load; the load command does the (cancellable) work.
        return new AsyncCommand<Void>(fx, () -> {
            requested = direction < 0 ? requested.previous() : requested.next();
            load.restart();
            return CompletableFuture.completedFuture(null);
        }, available.getReadOnlyProperty().and(load.runningProperty().not()));
    }

    private void showPage(Page<User> page) {
        listError.set("");
        if (page.items().isEmpty() && page.request().offset() > 0) {
            // The last page emptied (deleted elsewhere): show the one before it.
            requested = page.request().previous();
            load.restart();
            return;
        }
        requested = page.request();
        UUID keep = selectAfterLoad != null ? selectAfterLoad : selectedId();
        selectAfterLoad = null;
        User previous = selected.get();
        // Cleared first so the view always hears the selection coming back, even to an equal record.
        selected.set(null);
        rows.setAll(page.items());
        selected.set(rows.stream().filter(u -> u.userId().equals(keep)).findFirst().orElse(previous));
        int first = page.request().offset() + 1;
        int last = page.request().offset() + page.items().size();
        pageText.set(page.total() == 0 ? "" : texts.get("users.page", first, last, page.total()));
        empty.set(page.total() == 0);
        hasPrevious.set(page.hasPrevious());
        hasNext.set(page.hasNext());
    }

    private UUID selectedId() {
        return selected.get() == null ? null : selected.get().userId();
    }

    // -- properties -------------------------------------------------------------------------------------------

    public ObservableList<User> rows() {
        return rowsView;
    }

    public ReadOnlyObjectProperty<User> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public StringProperty usernameProperty() {
        return form.usernameProperty();
    }

    public StringProperty emailProperty() {
        return form.emailProperty();
    }

    public ReadOnlyStringProperty usernameProblemProperty() {
        return form.usernameProblemProperty();
    }

    public ReadOnlyStringProperty emailProblemProperty() {
        return form.emailProblemProperty();
    }

    /** A failed save or delete, as one sentence; empty when there is none. */
    public ReadOnlyStringProperty formErrorProperty() {
        return formError.getReadOnlyProperty();
    }

    /** A failed load, as one sentence; empty when there is none. */
    public ReadOnlyStringProperty listErrorProperty() {
        return listError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty formTitleProperty() {
        return formTitle.getReadOnlyProperty();
    }

    /** "1–50 of 137", empty when there are no users. */
    public ReadOnlyStringProperty pageTextProperty() {
        return pageText.getReadOnlyProperty();
    }

    /** True once a load found no users at all (not merely an empty page). */
    public ReadOnlyBooleanProperty emptyProperty() {
        return empty.getReadOnlyProperty();
    }

    public BooleanBinding busyBinding() {
        return busy;
    }

    public AsyncCommand<Page<User>> loadCommand() {
        return load;
    }

    public AsyncCommand<User> saveCommand() {
        return save;
    }

    public AsyncCommand<Boolean> deleteCommand() {
        return delete;
    }

    public AsyncCommand<Void> previousPageCommand() {
        return previousPage;
    }

    public AsyncCommand<Void> nextPageCommand() {
        return nextPage;
    }
}
