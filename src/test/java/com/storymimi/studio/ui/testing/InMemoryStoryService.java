package com.storymimi.studio.ui.testing;

import com.storymimi.studio.model.Page;
import com.storymimi.studio.model.PageRequest;
import com.storymimi.studio.model.SceneDraft;
import com.storymimi.studio.model.StatusCounts;
import com.storymimi.studio.model.Story;
import com.storymimi.studio.model.StoryDetail;
import com.storymimi.studio.model.StoryDraft;
import com.storymimi.studio.model.StoryQuery;
import com.storymimi.studio.model.StoryRow;
import com.storymimi.studio.model.StoryStatus;
import com.storymimi.studio.service.ServiceException;
import com.storymimi.studio.service.StoryService;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/**
 * A {@link StoryService} over an {@link InMemoryCatalog}, with the rules of the real one the UI depends on:
 * literal case-insensitive search in title and prompt, stable orders (ties by id), exact totals, CONFLICT when
 * the story changed since it was loaded, deleting a story moves it with its scenes to the trash. {@link #holdLists()} makes
 * {@code list} answer only when the test says so, to play out slow and out-of-order answers.
 */
public final class InMemoryStoryService implements StoryService {

    private volatile boolean loseNextCreateAnswer;

    /** A list call the test answers by hand. */
    public record HeldList(StoryQuery query, PageRequest page, CompletableFuture<Page<StoryRow>> answer) {
    }

    private final InMemoryCatalog catalog;
    private boolean holding;
    public final List<HeldList> held = new ArrayList<>();
    public final List<StoryQuery> listed = new ArrayList<>();
    public int statusCountCalls;

    public InMemoryStoryService(InMemoryCatalog catalog) {
        this.catalog = catalog;
    }

    public InMemoryStoryService holdLists() {
        holding = true;
        return this;
    }

    /** What the real service would answer for this query right now. */
    public Page<StoryRow> computeList(StoryQuery query, PageRequest page) {
        synchronized (catalog) {
            List<Story> matching = catalog.stories.values().stream().filter(matches(query))
                    .sorted(order(query)).toList();
            int from = Math.min(page.offset(), matching.size());
            int to = Math.min(page.offset() + page.limit(), matching.size());
            List<StoryRow> rows = matching.subList(from, to).stream()
                    .map(s -> new StoryRow(s, catalog.username(s.userId()), catalog.scenesOf(s.storyId()).size()))
                    .toList();
            return new Page<>(rows, page, matching.size());
        }
    }

    @Override
    public synchronized CompletableFuture<Page<StoryRow>> list(StoryQuery query, PageRequest page) {
        listed.add(query);
        if (holding) {
            HeldList call = new HeldList(query, page, new CompletableFuture<>());
            held.add(call);
            return call.answer();
        }
        return catalog.answer(() -> computeList(query, page));
    }

    private static Predicate<Story> matches(StoryQuery query) {
        String term = query.search().toLowerCase(Locale.ROOT);
        return story -> (term.isEmpty() || story.title().toLowerCase(Locale.ROOT).contains(term)
                || story.prompt().toLowerCase(Locale.ROOT).contains(term))
                && query.statusFilter().map(s -> s == story.status()).orElse(true)
                && query.userFilter().map(u -> u.equals(story.userId())).orElse(true);
    }

    private static Comparator<Story> order(StoryQuery query) {
        Comparator<Story> primary = switch (query.sort()) {
            case CREATED_NEWEST -> Comparator.comparing(Story::createdAt).reversed();
            case CREATED_OLDEST -> Comparator.comparing(Story::createdAt);
            case UPDATED_NEWEST -> Comparator.comparing(Story::updatedAt).reversed();
            case TITLE_A_TO_Z -> Comparator.comparing((Story s) -> s.title().toLowerCase(Locale.ROOT));
        };
        return primary.thenComparing(Story::storyId);
    }

    @Override
    public CompletableFuture<StatusCounts> statusCounts() {
        return catalog.answer(() -> {
            synchronized (catalog) {
                statusCountCalls++;
                Map<StoryStatus, Long> counts = new EnumMap<>(StoryStatus.class);
                catalog.stories.values().forEach(s -> counts.merge(s.status(), 1L, Long::sum));
                return new StatusCounts(counts);
            }
        });
    }

    @Override
    public CompletableFuture<List<Story>> recent(int limit) {
        return catalog.answer(() -> computeList(StoryQuery.all(), PageRequest.first(limit)).items().stream()
                .map(StoryRow::story).toList());
    }

    @Override
    public CompletableFuture<List<Story>> byUser(UUID userId) {
        return catalog.answer(() -> computeList(StoryQuery.all().withUser(userId), PageRequest.first(10_000))
                .items().stream().map(StoryRow::story).toList());
    }

    @Override
    public CompletableFuture<List<Story>> search(String term, int limit) {
        return catalog.answer(() -> computeList(StoryQuery.all().withSearch(term), PageRequest.first(limit))
                .items().stream().map(StoryRow::story).toList());
    }

    @Override
    public CompletableFuture<Optional<StoryDetail>> detail(UUID storyId) {
        return catalog.answer(() -> {
            synchronized (catalog) {
                return catalog.story(storyId).map(s -> new StoryDetail(s, catalog.scenesOf(storyId)));
            }
        });
    }

    /** The next create stores its story but its answer is lost (the caller sees the service as unavailable). */
    public void loseNextCreateAnswer() {
        loseNextCreateAnswer = true;
    }

    private <T> CompletableFuture<T> created(T result) {
        if (loseNextCreateAnswer) {
            loseNextCreateAnswer = false;
            return CompletableFuture.failedFuture(new ServiceException(ServiceException.Reason.UNAVAILABLE,
                    "The answer was lost on the way back"));
        }
        return CompletableFuture.completedFuture(result);
    }

    @Override
    public CompletableFuture<Story> create(StoryDraft draft, UUID storyId) {
        return catalog.answer(() -> {
            synchronized (catalog) {
                requireValid(draft);
                return catalog.story(storyId).orElseGet(() ->
                        catalog.insertStory(storyId, draft.userId(), draft.title(), draft.prompt(), StoryStatus.PENDING));
            }
        }).thenCompose(this::created);
    }

    @Override
    public CompletableFuture<StoryDetail> createWithScenes(StoryDraft draft, List<SceneDraft> scenes, UUID storyId) {
        return catalog.answer(() -> {
            synchronized (catalog) {
                requireValid(draft);
                if (catalog.story(storyId).isEmpty()) {
                    catalog.insertStory(storyId, draft.userId(), draft.title(), draft.prompt(), StoryStatus.PENDING);
                    scenes.forEach(d -> catalog.insertScene(storyId, d.text(), null, null));
                }
                return new StoryDetail(catalog.story(storyId).orElseThrow(), catalog.scenesOf(storyId));
            }
        }).thenCompose(this::created);
    }

    @Override
    public CompletableFuture<Story> update(Story loaded, StoryDraft changes) {
        return catalog.answer(() -> {
            synchronized (catalog) {
                requireValid(changes);
                Story current = current(loaded);
                return put(new Story(current.storyId(), changes.userId(), changes.title(), changes.prompt(),
                        current.status(), current.createdAt(), catalog.tick()));
            }
        });
    }

    @Override
    public CompletableFuture<Story> updateStatus(Story loaded, StoryStatus status) {
        return catalog.answer(() -> {
            synchronized (catalog) {
                Story current = current(loaded);
                return put(new Story(current.storyId(), current.userId(), current.title(), current.prompt(), status,
                        current.createdAt(), catalog.tick()));
            }
        });
    }

    @Override
    public CompletableFuture<Void> delete(UUID storyId) {
        return catalog.answer(() -> {
            synchronized (catalog) {
                Story removed = catalog.stories.remove(storyId);
                if (removed == null) {
                    throw InMemoryCatalog.notFound("story " + storyId);
                }
                catalog.trashStory(removed, catalog.scenesOf(storyId));
                catalog.scenes.values().removeIf(s -> s.storyId().equals(storyId));
                return null;
            }
        });
    }

    @Override
    public CompletableFuture<List<Story>> setStatus(List<Story> loaded, StoryStatus status) {
        return catalog.answer(() -> {
            synchronized (catalog) {
                for (Story story : loaded) {
                    Story current = catalog.stories.get(story.storyId());
                    if (current == null || !current.updatedAt().equals(story.updatedAt())) {
                        throw InMemoryCatalog.conflict("stories changed since they were loaded");
                    }
                }
                Instant now = catalog.tick();
                List<Story> changed = new ArrayList<>();
                for (Story story : loaded) {
                    Story current = catalog.stories.get(story.storyId());
                    changed.add(put(new Story(current.storyId(), current.userId(), current.title(), current.prompt(),
                            status, current.createdAt(), now)));
                }
                return List.copyOf(changed);
            }
        });
    }

    @Override
    public CompletableFuture<Void> deleteAll(List<UUID> storyIds) {
        return catalog.answer(() -> {
            synchronized (catalog) {
                if (!storyIds.stream().allMatch(catalog.stories::containsKey)) {
                    throw InMemoryCatalog.notFound("a story of " + storyIds);
                }
                for (UUID storyId : storyIds) {
                    Story removed = catalog.stories.remove(storyId);
                    catalog.trashStory(removed, catalog.scenesOf(storyId));
                    catalog.scenes.values().removeIf(s -> s.storyId().equals(storyId));
                }
                return null;
            }
        });
    }

    private Story current(Story loaded) {
        Story current = catalog.story(loaded.storyId()).orElseThrow(() -> InMemoryCatalog.notFound("story"));
        if (!current.updatedAt().equals(loaded.updatedAt())) {
            throw InMemoryCatalog.conflict("story " + loaded.storyId());
        }
        return current;
    }

    private Story put(Story story) {
        catalog.stories.put(story.storyId(), story);
        return story;
    }

    private static void requireValid(StoryDraft draft) {
        if (!draft.isValid()) {
            throw new ServiceException(ServiceException.Reason.INVALID, "invalid story: " + draft.problems());
        }
    }

    /** Makes a story look as if it had been created at {@code created} (ordering tests). */
    public void backdate(UUID storyId, Instant created) {
        synchronized (catalog) {
            Story s = catalog.stories.get(storyId);
            catalog.stories.put(storyId, new Story(s.storyId(), s.userId(), s.title(), s.prompt(), s.status(), created,
                    s.updatedAt()));
        }
    }

}
