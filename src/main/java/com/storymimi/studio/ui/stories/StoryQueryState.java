package com.storymimi.studio.ui.stories;

import com.storymimi.studio.model.PageRequest;
import com.storymimi.studio.model.Story;
import com.storymimi.studio.model.StoryQuery;
import com.storymimi.studio.model.StorySort;
import com.storymimi.studio.model.StoryStatus;
import com.storymimi.studio.model.User;
import com.storymimi.studio.ui.common.DelayScheduler;
import com.storymimi.studio.ui.common.PeriodicScheduler;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.time.Duration;
import java.util.Objects;
import java.util.UUID;

/**
 * What the Stories list asks the server for: search, status chip, user filter, sort and page. A person's edit of
 * the search, chip or sort starts again at the first page and asks {@code reload} once; typing counts only after
 * a pause of {@code searchDelay}, unless another edit makes it count at once. The methods the view model calls
 * after its own actions change the query quietly: the caller reloads what it needs.
 */
final class StoryQueryState {

    private final DelayScheduler delays;
    private final Duration searchDelay;
    private final int pageSize;
    private final Runnable reload;
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final ObjectProperty<StoryStatus> statusFilter = new SimpleObjectProperty<>(this, "statusFilter");
    private final ObjectProperty<StorySort> sort = new SimpleObjectProperty<>(this, "sort", StorySort.CREATED_NEWEST);
    private final ReadOnlyObjectWrapper<User> userFilter = new ReadOnlyObjectWrapper<>(this, "userFilter");

    private StoryQuery query = StoryQuery.all();
    private PageRequest page;
    private PeriodicScheduler.Cancellable pendingSearch;
    private boolean quiet;

    StoryQueryState(DelayScheduler delays, Duration searchDelay, int pageSize, Runnable reload) {
        this.delays = Objects.requireNonNull(delays, "delays");
        this.searchDelay = Objects.requireNonNull(searchDelay, "searchDelay");
        this.pageSize = pageSize;
        this.reload = Objects.requireNonNull(reload, "reload");
        page = PageRequest.first(pageSize);
        search.addListener((obs, old, term) -> {
            if (!quiet) {
                searchTyped();
            }
        });
        statusFilter.addListener((obs, old, status) -> {
            if (!quiet) {
                apply(query.withStatus(status));
            }
        });
        sort.addListener((obs, old, order) -> {
            if (!quiet) {
                apply(query.withSort(order == null ? StorySort.CREATED_NEWEST : order));
            }
        });
    }

    /** The query the list shows (or is loading); the typed search only once its pause ended. */
    StoryQuery query() {
        return query;
    }

    /** The page the list shows (or is loading). */
    PageRequest page() {
        return page;
    }

    void turnTo(PageRequest next) {
        page = Objects.requireNonNull(next, "next");
    }

    /** Escape in the search field: an empty search, at once. */
    void clearSearch() {
        search.set("");
        apply(query);
    }

    /** Only this user's stories (null: everyone's), with search and chip back to "everything". */
    void showStoriesOf(User user) {
        userFilter.set(user);
        resetFilters(user == null ? null : user.userId());
    }

    /** Makes sure a just created story is shown: no search or chip hides it, and it is first (newest first). */
    void showNewStory(Story story) {
        quietly(() -> sort.set(StorySort.CREATED_NEWEST));
        if (!Objects.equals(story.userId(), query.userId())) {
            userFilter.set(null);
        }
        resetFilters(userFilter.get() == null ? null : query.userId());
    }

    /** Drops a search still waiting for its pause (the section is going away). */
    void cancelPendingSearch() {
        if (pendingSearch != null) {
            pendingSearch.close();
            pendingSearch = null;
        }
    }

    private void searchTyped() {
        cancelPendingSearch();
        pendingSearch = delays.after(searchDelay, () -> {
            pendingSearch = null;
            apply(query.withSearch(search.get()));
        });
    }

    private void apply(StoryQuery next) {
        // Whatever was typed counts, even when a chip is clicked before the pause ends.
        cancelPendingSearch();
        query = next.withSearch(search.get());
        page = PageRequest.first(pageSize);
        reload.run();
    }

    /** Search and chip back to "everything", without a reload per changed property. */
    private void resetFilters(UUID userId) {
        cancelPendingSearch();
        quietly(() -> {
            search.set("");
            statusFilter.set(null);
        });
        query = new StoryQuery("", null, userId, sort.get());
        page = PageRequest.first(pageSize);
    }

    private void quietly(Runnable change) {
        quiet = true;
        try {
            change.run();
        } finally {
            quiet = false;
        }
    }

    StringProperty searchProperty() {
        return search;
    }

    ObjectProperty<StoryStatus> statusFilterProperty() {
        return statusFilter;
    }

    ObjectProperty<StorySort> sortProperty() {
        return sort;
    }

    ReadOnlyObjectProperty<User> userFilterProperty() {
        return userFilter.getReadOnlyProperty();
    }
}
