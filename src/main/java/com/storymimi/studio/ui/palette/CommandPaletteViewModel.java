package com.storymimi.studio.ui.palette;

import com.storymimi.studio.model.StoryRow;
import com.storymimi.studio.model.User;
import com.storymimi.studio.ui.common.DelayScheduler;
import com.storymimi.studio.ui.common.PeriodicScheduler;
import com.storymimi.studio.ui.common.Texts;
import com.storymimi.studio.ui.common.UserMessages;
import com.storymimi.studio.ui.palette.PaletteItem.Group;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The Ctrl+K command palette: actions matched locally by name, stories and users found on the server.
 * Typing is debounced ({@link #SEARCH_DELAY}); only the newest term's answer is ever shown. An empty term
 * shows what was run recently and every action.
 */
public final class CommandPaletteViewModel {

    public static final Duration SEARCH_DELAY = Duration.ofMillis(200);
    public static final int SEARCH_LIMIT = 8;
    public static final int RECENT_LIMIT = 5;

    private final PaletteSearch search;
    private final Texts texts;
    private final UserMessages messages;
    private final Executor fx;
    private final DelayScheduler delays;

    private final StringProperty term = new SimpleStringProperty(this, "term", "");
    private final ReadOnlyBooleanWrapper open = new ReadOnlyBooleanWrapper(this, "open");
    private final ReadOnlyBooleanWrapper searching = new ReadOnlyBooleanWrapper(this, "searching");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyIntegerWrapper selectedIndex = new ReadOnlyIntegerWrapper(this, "selectedIndex", -1);
    private final ObservableList<PaletteItem> results = FXCollections.observableArrayList();
    private final ObservableList<PaletteItem> resultsView = FXCollections.unmodifiableObservableList(results);

    private final List<PaletteAction> actions = new ArrayList<>();
    private final List<PaletteItem> recent = new ArrayList<>();
    private Consumer<StoryRow> onOpenStory = row -> { };
    private Consumer<User> onShowUser = user -> { };
    private PeriodicScheduler.Cancellable pendingSearch;
    // Bumped by every new term and by close: an answer tagged with an older value is stale and dropped.
    private long generation;

    public CommandPaletteViewModel(PaletteSearch search, Texts texts, UserMessages messages, Executor fx,
                                   DelayScheduler delays) {
        this.search = Objects.requireNonNull(search, "search");
        this.texts = Objects.requireNonNull(texts, "texts");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.fx = Objects.requireNonNull(fx, "fx");
        this.delays = Objects.requireNonNull(delays, "delays");
        term.addListener((obs, old, typed) -> termChanged());
    }

    /** The commands offered, in the order they are listed; replaces the previous ones. */
    public void setActions(List<PaletteAction> offered) {
        actions.clear();
        actions.addAll(offered);
        if (open.get()) {
            termChanged();
        }
    }

    /** What running a story does (the main window opens it in the story editor). */
    public void setOnOpenStory(Consumer<StoryRow> handler) {
        onOpenStory = Objects.requireNonNull(handler, "handler");
    }

    /** What running a user does (the main window selects it in Users). */
    public void setOnShowUser(Consumer<User> handler) {
        onShowUser = Objects.requireNonNull(handler, "handler");
    }

    /** Shows the palette with an empty term: recent items and all actions. */
    public void open() {
        open.set(true);
        if (term.get().isEmpty()) {
            termChanged();
        } else {
            term.set("");
        }
    }

    /** Hides the palette; an answer still on its way is dropped. */
    public void close() {
        open.set(false);
        cancelPendingSearch();
        generation++;
        searching.set(false);
    }

    /** Moves the selection by {@code delta} rows, stopping at the first and last. */
    public void moveSelection(int delta) {
        if (results.isEmpty()) {
            return;
        }
        int from = Math.max(selectedIndex.get(), 0);
        selectedIndex.set(Math.clamp(from + (long) delta, 0, results.size() - 1));
    }

    public void select(int index) {
        if (index >= 0 && index < results.size()) {
            selectedIndex.set(index);
        }
    }

    /** Enter: runs the selected item, if any. */
    public void runSelected() {
        int index = selectedIndex.get();
        if (index >= 0 && index < results.size()) {
            run(results.get(index));
        }
    }

    /** Closes the palette, then runs the item (so what it opens gets the focus). */
    public void run(PaletteItem item) {
        close();
        if (item.group() != Group.ACTIONS) {
            remember(item);
        }
        item.run().run();
    }

    private void remember(PaletteItem item) {
        recent.removeIf(r -> r.title().equals(item.title()) && r.detail().equals(item.detail()));
        recent.addFirst(item.in(Group.RECENT));
        while (recent.size() > RECENT_LIMIT) {
            recent.removeLast();
        }
    }

    private void termChanged() {
        cancelPendingSearch();
        long asked = ++generation;
        String typed = term.get().strip();
        message.set("");
        List<PaletteItem> local = new ArrayList<>();
        if (typed.isEmpty()) {
            local.addAll(recent);
        }
        local.addAll(matchingActions(typed));
        show(local);
        searching.set(!typed.isEmpty());
        if (!typed.isEmpty()) {
            pendingSearch = delays.after(SEARCH_DELAY, () -> {
                pendingSearch = null;
                searchServer(typed, asked, local);
            });
        }
    }

    private void searchServer(String typed, long asked, List<PaletteItem> local) {
        search.stories(typed, SEARCH_LIMIT)
                .thenCombine(search.users(typed, SEARCH_LIMIT), (stories, users) -> {
                    List<PaletteItem> all = new ArrayList<>(local);
                    stories.forEach(row -> all.add(storyItem(row)));
                    users.forEach(user -> all.add(userItem(user)));
                    return all;
                })
                .whenComplete((all, failure) -> fx.execute(() -> {
                    if (asked != generation) {
                        return; // a newer term (or a close) came since this question was asked
                    }
                    searching.set(false);
                    if (failure != null) {
                        message.set(messages.describe(failure, "search"));
                        return;
                    }
                    show(all);
                    message.set(all.isEmpty() ? texts.get("palette.empty", typed) : "");
                }));
    }

    private void show(List<PaletteItem> items) {
        results.setAll(items);
        selectedIndex.set(items.isEmpty() ? -1 : 0);
    }

    /** Actions whose name contains every word typed, in any case; names starting with the term come first. */
    private List<PaletteItem> matchingActions(String typed) {
        String lower = typed.toLowerCase(Locale.ROOT);
        List<String> words = Arrays.stream(lower.split("\\s+")).filter(w -> !w.isEmpty()).toList();
        List<PaletteItem> starting = new ArrayList<>();
        List<PaletteItem> containing = new ArrayList<>();
        for (PaletteAction action : actions) {
            String name = action.name().toLowerCase(Locale.ROOT);
            if (words.stream().allMatch(name::contains)) {
                PaletteItem item = new PaletteItem(Group.ACTIONS, action.name(), "", action.shortcut(), action.run());
                (name.startsWith(lower) ? starting : containing).add(item);
            }
        }
        starting.addAll(containing);
        return starting;
    }

    private PaletteItem storyItem(StoryRow row) {
        String status = texts.get("story.status." + row.story().status().name());
        String detail = row.username() == null ? status : texts.get("palette.story.detail", status, row.username());
        return new PaletteItem(Group.STORIES, row.story().title(), detail, "", () -> onOpenStory.accept(row));
    }

    private PaletteItem userItem(User user) {
        return new PaletteItem(Group.USERS, user.username(), user.email(), "", () -> onShowUser.accept(user));
    }

    private void cancelPendingSearch() {
        if (pendingSearch != null) {
            pendingSearch.close();
            pendingSearch = null;
        }
    }

    /** The group's header text ("Actions", "Stories" ...). */
    public String groupTitle(Group group) {
        return texts.get("palette.group." + group.name());
    }

    // -- properties -------------------------------------------------------------------------------------------

    public StringProperty termProperty() {
        return term;
    }

    public ReadOnlyBooleanProperty openProperty() {
        return open.getReadOnlyProperty();
    }

    /** True from a typed term until its server answer arrives. */
    public ReadOnlyBooleanProperty searchingProperty() {
        return searching.getReadOnlyProperty();
    }

    /** "Nothing matches …", or the sentence for a failed search; empty otherwise. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty selectedIndexProperty() {
        return selectedIndex.getReadOnlyProperty();
    }

    public ObservableList<PaletteItem> results() {
        return resultsView;
    }
}
