package com.storymimi.studio.service;

import com.storymimi.studio.model.Page;
import com.storymimi.studio.model.PageRequest;
import com.storymimi.studio.model.Story;
import com.storymimi.studio.model.StoryQuery;
import com.storymimi.studio.model.StoryRow;
import com.storymimi.studio.model.StorySort;
import com.storymimi.studio.service.StoryWire.ListedStory;
import com.storymimi.studio.supabase.error.RestException;
import com.storymimi.studio.supabase.error.SupabaseException;
import com.storymimi.studio.supabase.rest.Count;
import com.storymimi.studio.supabase.rest.Filter;
import com.storymimi.studio.supabase.rest.Order;
import com.storymimi.studio.supabase.rest.PostgrestClient;
import com.storymimi.studio.supabase.rest.SelectQuery;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import static com.storymimi.studio.service.ServiceFailures.translated;

/**
 * The reads behind the stories table and the simple story lists: one request per page with the embeds, the exact
 * total, the filters of a {@link StoryQuery} and a stable order (ties broken by id).
 */
final class StoryListing {

    private static final String TABLE = SupabaseStoryService.TABLE;
    private static final String ID = SupabaseStoryService.ID;

    private final PostgrestClient rest;

    StoryListing(PostgrestClient rest) {
        this.rest = rest;
    }

    CompletableFuture<Page<StoryRow>> page(StoryQuery query, PageRequest page) {
        StorySearch search = new StorySearch(query.search());
        SelectQuery select = query(StoryWire.LIST_SELECT, query, search);
        if (search.needsClientCheck()) {
            return translated(select.limit(StorySearch.STAR_CANDIDATES).list(ListedStory.class)).thenApply(result -> {
                List<StoryRow> matching = result.body().stream().map(ListedStory::row)
                        .filter(row -> search.matches(row.story())).toList();
                int from = Math.min(page.offset(), matching.size());
                int to = Math.min(from + page.limit(), matching.size());
                return new Page<>(matching.subList(from, to), page, matching.size());
            });
        }
        CompletableFuture<Page<StoryRow>> read = select
                .range(page.offset(), page.offset() + page.limit() - 1L).count(Count.EXACT)
                .list(ListedStory.class)
                .thenApply(result -> new Page<>(result.body().stream().map(ListedStory::row).toList(), page,
                        result.total().orElse(page.offset() + (long) result.body().size())));
        // A page past the end (rows were deleted since the table was paged) is 416 with a count: an empty page.
        return translated(read.exceptionallyCompose(failure -> isRangePastEnd(failure)
                ? select.head().count(Count.EXACT).list(ListedStory.class)
                        .thenApply(result -> new Page<StoryRow>(List.of(), page, result.total().orElse(0)))
                : CompletableFuture.failedFuture(failure)));
    }

    /** Plain story rows (no embeds) in the query's order, at most {@code limit}. */
    CompletableFuture<List<Story>> stories(StoryQuery query, int limit) {
        StorySearch search = new StorySearch(query.search());
        SelectQuery select = query("*", query, search);
        if (search.needsClientCheck()) {
            return translated(select.limit(StorySearch.STAR_CANDIDATES).list(Story.class))
                    .thenApply(result -> result.body().stream().filter(search::matches).limit(limit).toList());
        }
        if (limit != Integer.MAX_VALUE) {
            select = select.limit(limit);
        }
        return translated(select.list(Story.class)).thenApply(result -> result.body());
    }

    private SelectQuery query(String columns, StoryQuery query, StorySearch search) {
        SelectQuery select = rest.from(TABLE).select(columns);
        if (query.statusFilter().isPresent()) {
            select = select.filter(Filter.eq("status", query.statusFilter().get()));
        }
        if (query.userFilter().isPresent()) {
            select = select.filter(Filter.eq("user_id", query.userFilter().get()));
        }
        if (search.filter().isPresent()) {
            select = select.filter(search.filter().get());
        }
        return sorted(select, query.sort());
    }

    private static SelectQuery sorted(SelectQuery select, StorySort sort) {
        return switch (sort) {
            case CREATED_NEWEST -> select.order(Order.desc("created_at")).order(Order.desc(ID));
            case CREATED_OLDEST -> select.order(Order.asc("created_at")).order(Order.asc(ID));
            case UPDATED_NEWEST -> select.order(Order.desc("updated_at")).order(Order.desc(ID));
            case TITLE_A_TO_Z -> select.order(Order.asc("title")).order(Order.asc(ID));
        };
    }

    private static boolean isRangePastEnd(Throwable failure) {
        return SupabaseException.unwrap(failure)
                .filter(e -> e instanceof RestException rest && "PGRST103".equals(rest.code()))
                .isPresent();
    }
}
