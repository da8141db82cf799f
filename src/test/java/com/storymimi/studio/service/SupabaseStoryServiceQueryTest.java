package com.storymimi.studio.service;

import com.storymimi.studio.model.Page;
import com.storymimi.studio.model.PageRequest;
import com.storymimi.studio.model.StatusCounts;
import com.storymimi.studio.model.Story;
import com.storymimi.studio.model.StoryQuery;
import com.storymimi.studio.model.StoryRow;
import com.storymimi.studio.model.StorySort;
import com.storymimi.studio.model.StoryStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The stories table's reads on both backends: embeds, exact totals, filters, stable sorts and literal search. */
class SupabaseStoryServiceQueryTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    @TempDir
    Path dataDir;

    private ServiceBackend backend;
    private Rows rows;
    private StoryService stories;
    private UUID ana;
    private UUID ben;
    private UUID alpha;
    private UUID beta;
    private UUID gamma;
    private UUID delta;

    /** Alpha (Ana, 2 scenes), beta (Ben), Gamma (no user) and Delta (Ana) — Gamma and Delta created together. */
    private void given(ServiceBackend.Kind kind) throws Exception {
        backend = ServiceBackend.open(kind, dataDir);
        rows = new Rows(backend.client);
        stories = new SupabaseStoryService(backend.client.rest());
        ana = rows.user("Ana");
        ben = rows.user("Ben");
        alpha = rows.story("Alpha", "a fox", StoryStatus.COMPLETED, ana, T0.plusSeconds(60));
        beta = rows.story("beta", "", StoryStatus.PENDING, ben, T0.plusSeconds(120));
        gamma = rows.story("Gamma", "the FOX returns", StoryStatus.PENDING, null, T0.plusSeconds(180));
        delta = rows.story("Delta", "", StoryStatus.ERROR, ana, T0.plusSeconds(180));
        rows.scene(alpha, 1, "one", null, null);
        rows.scene(alpha, 2, "two", null, null);
    }

    @AfterEach
    void close() throws Exception {
        if (backend != null) {
            backend.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ServiceBackend.Kind.class)
    void aPageCarriesUsernamesSceneCountsAndTheExactTotal(ServiceBackend.Kind kind) throws Exception {
        given(kind);

        Page<StoryRow> page = stories.list(StoryQuery.all().withSort(StorySort.CREATED_OLDEST), new PageRequest(0, 2)).join();

        assertEquals(4, page.total());
        assertEquals(List.of(alpha, beta), ids(page));
        assertEquals(new StoryRow(page.items().getFirst().story(), "Ana", 2), page.items().getFirst());
        assertEquals("Ben", page.items().get(1).username());
        assertEquals(0, page.items().get(1).sceneCount());
        assertTrue(page.hasNext());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ServiceBackend.Kind.class)
    void everySortIsStableWithTiesBrokenById(ServiceBackend.Kind kind) throws Exception {
        given(kind);
        // Gamma and Delta share created_at and updated_at: the id decides, in the sort's direction.
        List<UUID> tieAscending = List.of(gamma, delta).stream().sorted(Comparator.comparing(UUID::toString)).toList();
        List<UUID> tieDescending = tieAscending.reversed();

        assertEquals(concat(tieDescending, List.of(beta, alpha)), ids(list(StorySort.CREATED_NEWEST)));
        assertEquals(concat(List.of(alpha, beta), tieAscending), ids(list(StorySort.CREATED_OLDEST)));
        assertEquals(concat(tieDescending, List.of(beta, alpha)), ids(list(StorySort.UPDATED_NEWEST)));
        // Code-point order: capitals before lower case, like Postgres's C collation and SQLite's BINARY.
        assertEquals(List.of(alpha, delta, gamma, beta), ids(list(StorySort.TITLE_A_TO_Z)));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ServiceBackend.Kind.class)
    void statusUserAndSearchFiltersCombineAndTheTotalFollowsThem(ServiceBackend.Kind kind) throws Exception {
        given(kind);

        Page<StoryRow> anas = stories.list(StoryQuery.all().withUser(ana), PageRequest.first(10)).join();
        Page<StoryRow> pending = stories.list(StoryQuery.all().withStatus(StoryStatus.PENDING), PageRequest.first(10)).join();
        Page<StoryRow> foxes = stories.list(StoryQuery.all().withSearch("fox"), PageRequest.first(10)).join();
        Page<StoryRow> pendingFoxes = stories.list(StoryQuery.all().withSearch("fox").withStatus(StoryStatus.PENDING),
                PageRequest.first(10)).join();

        assertEquals(List.of(delta, alpha), ids(anas));
        assertEquals(2, anas.total());
        assertEquals(List.of(gamma, beta), ids(pending));
        assertEquals(List.of(gamma, alpha), ids(foxes), "the prompt is searched too, case-insensitively");
        assertEquals(List.of(gamma), ids(pendingFoxes));
        assertEquals(1, pendingFoxes.total());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ServiceBackend.Kind.class)
    void aPagePastTheEndIsEmptyAndKeepsTheTotal(ServiceBackend.Kind kind) throws Exception {
        given(kind);

        Page<StoryRow> page = stories.list(StoryQuery.all(), new PageRequest(10, 5)).join();

        assertEquals(List.of(), page.items());
        assertEquals(4, page.total());
        assertFalse(page.hasNext());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ServiceBackend.Kind.class)
    void searchTermsAreLiteralWhateverTheyContain(ServiceBackend.Kind kind) throws Exception {
        given(kind);
        Map<String, UUID> titles = new LinkedHashMap<>();
        for (String title : List.of("100% sure", "1000 sure", "snake_case", "snakeXcase", "a*star", "aXstar", "astar",
                "comma, here", "(paren", "paren)", "say \"hi\"", "back\\slash", "Ärger im Wald")) {
            titles.put(title, rows.story(title, "", StoryStatus.PENDING, null, T0));
        }
        Map<String, List<String>> expected = new LinkedHashMap<>();
        expected.put("0% s", List.of("100% sure"));
        expected.put("%", List.of("100% sure"));
        expected.put("e_c", List.of("snake_case"));
        expected.put("_", List.of("snake_case"));
        expected.put("a*s", List.of("a*star"));
        expected.put("*", List.of("a*star"));
        expected.put(", h", List.of("comma, here"));
        expected.put("x,title.ilike.*", List.of());
        expected.put("(p", List.of("(paren"));
        expected.put("n)", List.of("paren)"));
        expected.put("\"hi\"", List.of("say \"hi\""));
        expected.put("k\\s", List.of("back\\slash"));
        expected.put("\\", List.of("back\\slash"));
        expected.put("ärger", List.of("Ärger im Wald"));

        for (Map.Entry<String, List<String>> entry : expected.entrySet()) {
            String term = entry.getKey();
            List<UUID> want = entry.getValue().stream().map(titles::get).toList();
            Page<StoryRow> page = stories.list(StoryQuery.all().withSearch(term), PageRequest.first(20)).join();
            assertEquals(want, ids(page), "list, term " + term);
            assertEquals(want.size(), page.total(), "total, term " + term);
            assertEquals(want, stories.search(term, 20).join().stream().map(Story::storyId).toList(), "search, term " + term);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ServiceBackend.Kind.class)
    void statusCountsHaveEveryStatus(ServiceBackend.Kind kind) throws Exception {
        given(kind);

        StatusCounts counts = stories.statusCounts().join();

        assertEquals(Map.of(StoryStatus.PENDING, 2L, StoryStatus.GENERATING, 0L, StoryStatus.COMPLETED, 1L,
                StoryStatus.ERROR, 1L), counts.counts());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ServiceBackend.Kind.class)
    void recentAndByUserAreNewestFirst(ServiceBackend.Kind kind) throws Exception {
        given(kind);
        UUID tieFirst = gamma.toString().compareTo(delta.toString()) > 0 ? gamma : delta;

        assertEquals(List.of(tieFirst), stories.recent(1).join().stream().map(Story::storyId).toList());
        assertEquals(List.of(delta, alpha), stories.byUser(ana).join().stream().map(Story::storyId).toList());
        assertEquals(List.of(), stories.byUser(UUID.randomUUID()).join());
    }

    private Page<StoryRow> list(StorySort sort) {
        return stories.list(StoryQuery.all().withSort(sort), PageRequest.first(10)).join();
    }

    private static List<UUID> ids(Page<StoryRow> page) {
        return page.items().stream().map(row -> row.story().storyId()).toList();
    }

    private static List<UUID> concat(List<UUID> first, List<UUID> second) {
        return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
    }
}
