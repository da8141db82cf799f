package com.storymimi.studio.ui.stories;

import com.storymimi.studio.model.Page;
import com.storymimi.studio.model.PageRequest;
import com.storymimi.studio.model.SceneDraft;
import com.storymimi.studio.model.StatusCounts;
import com.storymimi.studio.model.Story;
import com.storymimi.studio.model.StoryDetail;
import com.storymimi.studio.model.StoryQuery;
import com.storymimi.studio.model.StoryRow;
import com.storymimi.studio.model.StorySort;
import com.storymimi.studio.model.StoryStatus;
import com.storymimi.studio.model.TrashKind;
import com.storymimi.studio.model.User;
import com.storymimi.studio.service.ServiceException;
import com.storymimi.studio.service.StoryService;
import com.storymimi.studio.service.UserService;
import com.storymimi.studio.ui.common.AsyncCommand;
import com.storymimi.studio.ui.common.DelayScheduler;
import com.storymimi.studio.ui.common.DialogService;
import com.storymimi.studio.ui.common.Texts;
import com.storymimi.studio.ui.common.UserMessages;
import com.storymimi.studio.ui.undo.EditRecorder;
import com.storymimi.studio.ui.undo.UndoHistory;
import com.storymimi.studio.service.Connection;
import com.storymimi.studio.service.ConnectionService;
import com.storymimi.studio.ui.player.SheetRenderer;
import com.storymimi.studio.ui.player.StoryboardContext;
import com.storymimi.studio.ui.player.StoryboardSheets;
import com.storymimi.studio.ui.editor.DraftStore;
import com.storymimi.studio.ui.editor.EditorContext;
import com.storymimi.studio.ui.editor.StoryEditorViewModel;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * The Stories section: one server page of stories for the current search, status chip, user filter and sort;
 * the chips' counts; the "New story" form; delete and status changes; and the story editor while one is open.
 * Search is debounced ({@link #SEARCH_DELAY}) and only the newest query's answer is ever shown.
 */
public final class StoriesViewModel {

    public static final int PAGE_SIZE = 50;
    public static final Duration SEARCH_DELAY = Duration.ofMillis(300);

    /** Builds the editor of one story (the composition root knows its services). */
    @FunctionalInterface
    public interface EditorFactory {
        StoryEditorViewModel open(StoryRow row);
    }

    /**
     * How the main window builds this section for each connection it opens: the connection's services plus
     * what lives as long as the app (dialogs, texts, scheduler, drafts on disk, clock).
     */
    public static Function<Connection, StoriesViewModel> forConnections(DialogService dialogs, UserMessages messages,
                                                                        Texts texts, Executor fx, DelayScheduler delays,
                                                                        DraftStore drafts, Clock clock, UndoHistory undo,
                                                                        ConnectionService connections) {
        return connection -> {
            EditRecorder edits = new EditRecorder(undo, connection.trash(), texts);
            EditorContext editing = new EditorContext(connection.stories(), connection.scenes(), connection.media(),
                    drafts, dialogs, messages, texts, fx, delays, clock, edits, connection.revisions());
            StoriesViewModel section = new StoriesViewModel(connection.stories(), connection.users(), dialogs, messages,
                    texts, fx, delays, row -> new StoryEditorViewModel(row.story().storyId(), row.username(), editing),
                    edits);
            section.storyboards = Optional.of(new StoryboardContext(connection.stories(), connection.media(),
                    messages, texts, fx, delays, clock));
            section.bundles = Optional.of(new StoryBundles(connection.bundles(), connection.stories(), dialogs, messages,
                    texts, fx, section::refresh, connections, connection.profile().id()));
            return section;
        };
    }

    private final StoryService stories;
    private final UserService users;
    private final DialogService dialogs;
    private final UserMessages messages;
    private final Texts texts;
    private final Executor fx;
    private final EditorFactory editors;
    private final EditRecorder edits;

    private final ObservableList<StoryRow> rows = FXCollections.observableArrayList();
    private final ObservableList<StoryRow> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ObservableList<StoryRow> selection = FXCollections.observableArrayList();
    private final ObservableList<StoryRow> selectionView = FXCollections.unmodifiableObservableList(selection);
    private final ReadOnlyObjectWrapper<StoryRow> selected = new ReadOnlyObjectWrapper<>(this, "selected");
    private final ReadOnlyStringWrapper pageText = new ReadOnlyStringWrapper(this, "pageText", "");
    private final ReadOnlyStringWrapper placeholder = new ReadOnlyStringWrapper(this, "placeholder", "");
    private final ReadOnlyStringWrapper listError = new ReadOnlyStringWrapper(this, "listError", "");
    private final ReadOnlyBooleanWrapper hasPrevious = new ReadOnlyBooleanWrapper(this, "hasPrevious");
    private final ReadOnlyBooleanWrapper hasNext = new ReadOnlyBooleanWrapper(this, "hasNext");
    private final ReadOnlyObjectWrapper<StoryEditorViewModel> editor = new ReadOnlyObjectWrapper<>(this, "editor");
    private final StoryQueryState queries;
    private final StatusChips chips;
    private final NewStoryForm form;
    private final StoryActions actions;

    private final AsyncCommand<Page<StoryRow>> load;
    private final AsyncCommand<StatusCounts> counts;
    private final AsyncCommand<Story> create;
    private final AsyncCommand<Void> previousPage;
    private final AsyncCommand<Void> nextPage;
    private final BooleanBinding busy;

    private UUID selectAfterLoad;
    /** Export and import of bundles, where the connection has them (every real one does). */
    private Optional<StoryBundles> bundles = Optional.empty();
    /** The storyboard player, where the connection has media (every real one does). */
    private Optional<StoryboardContext> storyboards = Optional.empty();

    public StoriesViewModel(StoryService stories, UserService users, DialogService dialogs, UserMessages messages,
                            Texts texts, Executor fx, DelayScheduler delays, EditorFactory editors, EditRecorder edits) {
        this.stories = Objects.requireNonNull(stories, "stories");
        this.users = Objects.requireNonNull(users, "users");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.texts = Objects.requireNonNull(texts, "texts");
        this.fx = Objects.requireNonNull(fx, "fx");
        this.editors = Objects.requireNonNull(editors, "editors");
        queries = new StoryQueryState(delays, SEARCH_DELAY, PAGE_SIZE, () -> loadCommand().restart());
        chips = new StatusChips(texts);
        form = new NewStoryForm(texts);
        load = new AsyncCommand<>(fx, () -> stories.list(queries.query(), queries.page()))
                .onSuccess(this::showPage)
                .onFailure(e -> listError.set(messages.describe(e, "stories")));
        counts = new AsyncCommand<>(fx, stories::statusCounts)
                .onSuccess(chips::show)
                .onFailure(e -> messages.describe(e, "stories")); // the chips keep their last counts
        this.edits = Objects.requireNonNull(edits, "edits");
        actions = new StoryActions(stories, dialogs, messages, texts, fx, selected, this::refreshSelecting, edits);
        create = new AsyncCommand<>(fx, this::createFromForm, form.validBinding())
                .onSuccess(this::created)
                .onFailure(e -> form.showError(messages.describe(e, "stories")));
        previousPage = pageCommand(hasPrevious, -1);
        nextPage = pageCommand(hasNext, +1);
        busy = load.runningProperty().or(actions.deleteCommand().runningProperty()).or(create.runningProperty());
        load.runningProperty().addListener((obs, was, running) -> updatePlaceholder(running, rows.isEmpty()));
    }

    /** A story alone, or the story with its first scenes in one atomic call (nothing half-created). */
    private CompletableFuture<Story> createFromForm() {
        List<SceneDraft> scenes = form.sceneDrafts();
        return scenes.isEmpty() ? stories.create(form.draft(), form.storyId())
                : stories.createWithScenes(form.draft(), scenes, form.storyId()).thenApply(StoryDetail::story);
    }

    /** Loads the first page and the counts; call once the section is shown. */
    public void start() {
        load.restart();
        counts.restart();
    }

    public void refresh() {
        load.restart();
        counts.restart();
    }

    /** Stops waiting for running work (the connection changed); an open editor saves what it can. */
    public void dispose() {
        queries.cancelPendingSearch();
        load.cancel();
        counts.cancel();
        actions.deleteCommand().cancel();
        create.cancel();
        if (editor.get() != null) {
            editor.get().close();
            editor.set(null);
        }
    }

    // -- query ------------------------------------------------------------------------------------------------

    /** Shows only this user's stories (from the Users section's "Show stories"). */
    public void showStoriesOf(User user) {
        closeEditor();
        queries.showStoriesOf(user);
        load.restart();
    }

    public void clearUserFilter() {
        showStoriesOf(null);
    }

    public void clearSearch() {
        queries.clearSearch();
    }

    // -- list -------------------------------------------------------------------------------------------------

    private AsyncCommand<Void> pageCommand(ReadOnlyBooleanWrapper available, int direction) {
        return new AsyncCommand<Void>(fx, () -> {
            queries.turnTo(direction < 0 ? queries.page().previous() : queries.page().next());
            load.restart();
            return CompletableFuture.completedFuture(null);
        }, available.getReadOnlyProperty().and(load.runningProperty().not()));
    }

    private void showPage(Page<StoryRow> page) {
        listError.set("");
        if (page.items().isEmpty() && page.request().offset() > 0) {
            queries.turnTo(page.request().previous()); // the last page emptied meanwhile
            load.restart();
            return;
        }
        queries.turnTo(page.request());
        UUID keep = selectAfterLoad != null ? selectAfterLoad : idOf(selected.get());
        selectAfterLoad = null;
        selected.set(null);
        rows.setAll(page.items());
        selected.set(rows.stream().filter(r -> r.story().storyId().equals(keep)).findFirst().orElse(null));
        int first = page.request().offset() + 1;
        int last = page.request().offset() + page.items().size();
        pageText.set(page.total() == 0 ? "" : texts.get("stories.page", first, last, page.total()));
        hasPrevious.set(page.hasPrevious());
        hasNext.set(page.hasNext());
        updatePlaceholder(false, rows.isEmpty());
    }

    private void updatePlaceholder(boolean loading, boolean empty) {
        StoryQuery query = queries.query();
        if (loading) {
            placeholder.set(texts.get("stories.loading"));
        } else if (!empty) {
            placeholder.set("");
        } else if (!query.search().isEmpty()) {
            placeholder.set(texts.get("stories.empty.search", query.search()));
        } else if (query.status() != null || query.userId() != null) {
            placeholder.set(texts.get("stories.empty.filtered"));
        } else {
            placeholder.set(texts.get("stories.empty"));
        }
    }

    public void select(StoryRow row) {
        selected.set(row);
    }

    private static UUID idOf(StoryRow row) {
        return row == null ? null : row.story().storyId();
    }

    // -- open, create, delete, status ------------------------------------------------------------------------

    /** Opens the story in the editor (double-click, Enter). */
    public void open(StoryRow row) {
        if (row == null) {
            return;
        }
        closeEditor();
        selected.set(row);
        StoryEditorViewModel opened = editors.open(row);
        opened.setOnClose(this::closeEditor);
        editor.set(opened);
        opened.start();
    }

    /**
     * Opens a story known only by its id (an integrity finding): its row is read first, with its user's name for
     * the editor's header; a story deleted meanwhile says so once.
     */
    public void open(UUID storyId) {
        stories.detail(storyId).thenCompose(found -> {
            StoryDetail detail = found.orElseThrow(() -> new ServiceException(ServiceException.Reason.NOT_FOUND,
                    "story " + storyId + " is gone"));
            UUID userId = detail.story().userId();
            CompletableFuture<Optional<User>> user = userId == null
                    ? CompletableFuture.completedFuture(Optional.empty()) : users.get(userId);
            return user.thenApply(owner -> new StoryRow(detail.story(), owner.map(User::username).orElse(null),
                    detail.scenes().size()));
        }).whenComplete((row, failure) -> fx.execute(() -> {
            if (failure != null) {
                dialogs.showError(messages.describe(failure, "stories"));
            } else {
                open(row);
            }
        }));
    }

    /** Back to the list: the editor saves what is pending, the list and counts are reloaded. */
    public void closeEditor() {
        StoryEditorViewModel open = editor.get();
        if (open == null) {
            return;
        }
        editor.set(null);
        selectAfterLoad = open.storyId();
        open.close().whenComplete((done, failure) -> fx.execute(this::refresh));
    }

    public void openNewStoryForm() {
        form.reset();
        form.openProperty().set(true);
        users.list(PageRequest.first(500)).whenComplete((page, failure) -> fx.execute(() -> {
            if (failure != null) {
                form.showError(messages.describe(failure, "users"));
            } else {
                form.users().setAll(page.items());
                User shown = queries.userFilterProperty().get();
                if (shown != null) {
                    form.userProperty().set(shown);
                }
            }
        }));
    }

    public void cancelNewStory() {
        create.cancel();
        form.openProperty().set(false);
    }

    /** Create pressed (button, Enter): explains what is missing instead of doing nothing. */
    public void createOrExplain() {
        if (!create.execute()) {
            form.revealProblems();
        }
    }

    private void created(Story story) {
        edits.created("undo.edit.createStory", story.title(), TrashKind.STORY, story.storyId(),
                () -> stories.delete(story.storyId()), () -> refreshSelecting(null));
        form.openProperty().set(false);
        queries.showNewStory(story);
        refreshSelecting(story.storyId());
        dialogs.showInfo(texts.get("stories.created", story.title()));
    }

    /** Several selected stories get one status, after a summary (see {@link #selectMany}). */
    public void changeStatusOfSelection(StoryStatus status) {
        actions.changeStatusOf(List.copyOf(selection), status);
    }

    /** Several selected stories to the trash, after a summary. */
    public void deleteSelection() {
        actions.deleteAll(List.copyOf(selection));
    }

    /** The rows selected together (the table's multiple selection); bulk actions act on them. */
    public void selectMany(List<StoryRow> rows) {
        selection.setAll(rows);
    }

    public ObservableList<StoryRow> selection() {
        return selectionView;
    }

    /** Sets a story's status (context menu); the row and the counts follow. */
    public void changeStatus(StoryRow row, StoryStatus status) {
        actions.changeStatus(row, status);
    }

    /** After a change: the list and counts again, with this story selected once they are back (null: as is). */
    private void refreshSelecting(UUID storyId) {
        if (storyId != null) {
            selectAfterLoad = storyId;
        }
        refresh();
    }

    // -- properties -------------------------------------------------------------------------------------------

    public StringProperty searchProperty() {
        return queries.searchProperty();
    }

    /** The status chip: null is "All". */
    public ObjectProperty<StoryStatus> statusFilterProperty() {
        return queries.statusFilterProperty();
    }

    public ObjectProperty<StorySort> sortProperty() {
        return queries.sortProperty();
    }

    public ReadOnlyObjectProperty<User> userFilterProperty() {
        return queries.userFilterProperty();
    }

    public ObservableList<StoryRow> rows() {
        return rowsView;
    }

    public ReadOnlyObjectProperty<StoryRow> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /** "1–50 of 1,204"; empty when nothing matches. */
    public ReadOnlyStringProperty pageTextProperty() {
        return pageText.getReadOnlyProperty();
    }

    /** What the empty table says: loading, nothing matches 'owl', no stories yet ... */
    public ReadOnlyStringProperty placeholderProperty() {
        return placeholder.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty listErrorProperty() {
        return listError.getReadOnlyProperty();
    }

    public StatusChips chips() {
        return chips;
    }

    public NewStoryForm newStoryForm() {
        return form;
    }

    /** The open story's editor; null while the list is shown. */
    public ReadOnlyObjectProperty<StoryEditorViewModel> editorProperty() {
        return editor.getReadOnlyProperty();
    }

    public Optional<StoryEditorViewModel> editor() {
        return Optional.ofNullable(editor.get());
    }

    public BooleanBinding busyBinding() {
        return busy;
    }

    /** The storyboard player of this connection's stories; empty where it has none (a test's section). */
    public Optional<StoryboardContext> storyboards() {
        return storyboards;
    }

    /** Storyboard sheets of this connection's stories, drawn by the view's {@code renderer}. */
    public Optional<StoryboardSheets> sheets(SheetRenderer renderer) {
        return storyboards.map(context -> new StoryboardSheets(context, dialogs, renderer));
    }

    /** Export of the selected stories and import of a bundle; empty where the backend has no bundles. */
    public Optional<StoryBundles> bundles() {
        return bundles;
    }

    /** Exports the selected stories (the one under the pointer when nothing is selected) to a bundle. */
    public void exportSelection(StoryRow fallback) {
        List<StoryRow> chosen = selection.isEmpty() && fallback != null ? List.of(fallback) : List.copyOf(selection);
        bundles.ifPresent(b -> b.export(chosen));
    }

    /** Publishes the selected stories (or {@code fallback} when none is selected) to another saved project. */
    public void publishSelection(StoryRow fallback) {
        List<StoryRow> chosen = selection.isEmpty() && fallback != null ? List.of(fallback) : List.copyOf(selection);
        bundles.ifPresent(b -> b.publish(chosen));
    }

    public AsyncCommand<Page<StoryRow>> loadCommand() {
        return load;
    }

    public AsyncCommand<Boolean> deleteCommand() {
        return actions.deleteCommand();
    }

    public AsyncCommand<Story> createCommand() {
        return create;
    }

    public AsyncCommand<Void> previousPageCommand() {
        return previousPage;
    }

    public AsyncCommand<Void> nextPageCommand() {
        return nextPage;
    }
}
