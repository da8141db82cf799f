package com.storymimi.studio.ui.palette;

import com.storymimi.studio.model.PageRequest;
import com.storymimi.studio.model.StoryQuery;
import com.storymimi.studio.model.StoryRow;
import com.storymimi.studio.model.User;
import com.storymimi.studio.service.Connection;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/** Where the palette looks for stories and users; asynchronous, like every service call. */
public interface PaletteSearch {

    CompletableFuture<List<StoryRow>> stories(String term, int limit);

    CompletableFuture<List<User>> users(String term, int limit);

    /** Searches the connection open at the time of the call; nothing is found while none is open. */
    static PaletteSearch over(Supplier<Optional<Connection>> connection) {
        return new PaletteSearch() {
            @Override
            public CompletableFuture<List<StoryRow>> stories(String term, int limit) {
                return connection.get()
                        .map(open -> open.stories().list(StoryQuery.all().withSearch(term), PageRequest.first(limit))
                                .thenApply(page -> page.items()))
                        .orElseGet(() -> CompletableFuture.completedFuture(List.of()));
            }

            @Override
            public CompletableFuture<List<User>> users(String term, int limit) {
                return connection.get()
                        .map(open -> open.users().search(term, limit))
                        .orElseGet(() -> CompletableFuture.completedFuture(List.of()));
            }
        };
    }
}
