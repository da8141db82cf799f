package com.storymimi.studio.service;

import com.storymimi.studio.supabase.rest.Filter;
import com.storymimi.studio.supabase.rest.Order;
import com.storymimi.studio.supabase.rest.PostgrestClient;
import com.storymimi.studio.supabase.rest.SelectQuery;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * Reads every scene once, ordered by story, and hands over one story's scenes at a time. Pages are keyset pages
 * ({@code story_id >= last story}) rather than offsets: an offset walks all rows before it on every page, which
 * over a million scenes costs quadratic time. A full page usually ends inside a story; that story's rows are
 * dropped and it starts the next page, so each story arrives whole. A story with a page or more of scenes on its
 * own is read by itself with offsets (its index range is small).
 */
final class ScenePages {

    static final int PAGE = 1000;

    private final PostgrestClient rest;
    private final ScanCalls calls;

    ScenePages(PostgrestClient rest, ScanCalls calls) {
        this.rest = rest;
        this.calls = calls;
    }

    void forEachStory(Consumer<List<SceneLinks>> story, LongConsumer rowsRead) {
        UUID from = null;
        boolean inclusive = false;
        while (true) {
            SelectQuery query = ordered(base());
            if (from != null) {
                query = query.filter(inclusive ? Filter.gte("story_id", from) : Filter.gt("story_id", from));
            }
            List<SceneLinks> page = read(query.limit(PAGE));
            if (page.size() < PAGE) {
                groups(page).forEach(story);
                rowsRead.accept(page.size());
                return;
            }
            UUID last = page.getLast().storyId();
            if (page.getFirst().storyId().equals(last)) {
                List<SceneLinks> whole = wholeStory(last);
                story.accept(whole);
                rowsRead.accept(whole.size());
                from = last;
                inclusive = false;
            } else {
                List<SceneLinks> complete = page.stream().filter(scene -> !scene.storyId().equals(last)).toList();
                groups(complete).forEach(story);
                rowsRead.accept(complete.size());
                from = last;
                inclusive = true;
            }
        }
    }

    private List<SceneLinks> wholeStory(UUID storyId) {
        List<SceneLinks> all = new ArrayList<>();
        SelectQuery query = ordered(base().filter(Filter.eq("story_id", storyId)));
        for (int offset = 0; ; offset += PAGE) {
            List<SceneLinks> page = read(query.range(offset, offset + PAGE - 1L));
            all.addAll(page);
            if (page.size() < PAGE) {
                return all;
            }
        }
    }

    private SelectQuery base() {
        return rest.from(SupabaseSceneService.TABLE).select(SceneLinks.COLUMNS);
    }

    /** The order a renumbering keeps: sequence, then age; the id only makes the order total. */
    static SelectQuery ordered(SelectQuery query) {
        return query.order(Order.asc("story_id")).order(Order.asc("sequence")).order(Order.asc("created_at"))
                .order(Order.asc("scene_id"));
    }

    private List<SceneLinks> read(SelectQuery query) {
        return calls.await(() -> query.list(SceneLinks.class)).body();
    }

    private static List<List<SceneLinks>> groups(List<SceneLinks> rows) {
        List<List<SceneLinks>> groups = new ArrayList<>();
        List<SceneLinks> current = new ArrayList<>();
        for (SceneLinks row : rows) {
            if (!current.isEmpty() && !current.getLast().storyId().equals(row.storyId())) {
                groups.add(current);
                current = new ArrayList<>();
            }
            current.add(row);
        }
        if (!current.isEmpty()) {
            groups.add(current);
        }
        return groups;
    }
}
