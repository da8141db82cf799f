package com.storymimi.studio.bench;

import com.storymimi.studio.model.Scene;
import com.storymimi.studio.model.Story;
import com.storymimi.studio.supabase.SupabaseClient;
import com.storymimi.studio.supabase.rest.Count;
import com.storymimi.studio.supabase.rest.Filter;
import com.storymimi.studio.supabase.rest.Order;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * The read mix, request by request: request {@code i} is a story detail with its scenes, a search, or a page
 * with its total, chosen and parameterised from {@code i} alone. {@code smoke/supabase-js/bench-read.mjs}
 * computes the same sequence, so both clients send the same requests.
 */
final class ReadMix {

    static final String[] TERMS = {"fox", "lantern", "dragon", "otter", "owl", "whale", "robot", "garden",
            "kite", "comet", "bear", "train"};
    static final int PAGE_SIZE = 50;
    private static final int MAX_PAGES = 40;

    /** A story row with its embedded scenes, as {@code select=*,scenes(*)} returns it. */
    record StoryWithScenes(UUID storyId, UUID userId, String title, String prompt, String status,
                           Instant createdAt, Instant updatedAt, List<Scene> scenes) {
    }

    private final SupabaseClient client;
    private final List<String> storyIds;
    private final int pages;

    ReadMix(SupabaseClient client, List<String> storyIds) {
        this.client = client;
        this.storyIds = List.copyOf(storyIds);
        this.pages = Math.max(1, Math.min(MAX_PAGES, storyIds.size() / PAGE_SIZE));
    }

    /** Sends request {@code i}; the future yields the number of rows it decoded (so nothing is optimised away). */
    CompletableFuture<Integer> send(long i) {
        long step = i / 3;
        return switch ((int) (i % 3)) {
            case 0 -> client.rest().from("stories").select("*,scenes(*)")
                    .filter(Filter.eq("story_id", storyIds.get((int) (i * 7919 % storyIds.size()))))
                    .list(StoryWithScenes.class)
                    .thenApply(result -> result.body().size() + result.body().getFirst().scenes().size());
            case 1 -> client.rest().rpc("search_stories", Map.of("term", TERMS[(int) (step % TERMS.length)]))
                    .list(Story.class)
                    .thenApply(List::size);
            default -> {
                long offset = (step * 31 % pages) * PAGE_SIZE;
                yield client.rest().from("stories").select("*")
                        .order(Order.desc("created_at")).range(offset, offset + PAGE_SIZE - 1).count(Count.EXACT)
                        .list(Story.class)
                        .thenApply(result -> result.body().size() + (int) result.total().orElseThrow());
            }
        };
    }
}
