package com.storymimi.studio.supabase.rest;

import com.storymimi.studio.local.LocalSandbox;
import com.storymimi.studio.local.SandboxOptions;
import com.storymimi.studio.supabase.SupabaseClient;
import com.storymimi.studio.supabase.SupabaseConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Property test of the one place that quotes and percent-encodes filter values: random strings full of
 * PostgREST's and URLs' special characters go out through the typed filters, are parsed by the sandbox's
 * PostgREST parser, and must match exactly the rows holding them — no more, no fewer. The seed is fixed so a
 * failure is reproducible; the message names the value.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FilterRoundTripTest {

    private static final String ALPHABET = ",()\"\\%*_&#+=.:;!?'/ -{}[]|^~`$@<>abcXYZ019äÄßéÉøΩ日本語🦉";
    private static final int VALUES = 120;
    private static final long SEED = 20261124L;

    private LocalSandbox sandbox;
    private SupabaseClient client;
    private List<String> titles;
    private String tag;

    @BeforeAll
    void insertRandomTitles(@TempDir Path dir) throws Exception {
        sandbox = LocalSandbox.start(new SandboxOptions(dir.resolve("sandbox"), 0, false));
        client = SupabaseClient.create(new SupabaseConfig(sandbox.baseUrl(), sandbox.anonKey(), Duration.ofSeconds(10)));
        client.auth().signInWithPassword(sandbox.editorEmail(), sandbox.editorPassword()).join();
        tag = "roundtrip-" + UUID.randomUUID();
        titles = List.copyOf(randomStrings(new Random(SEED)));
        List<Map<String, ?>> rows = new ArrayList<>();
        for (String title : titles) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("title", title);
            row.put("prompt", tag);
            rows.add(row);
        }
        client.rest().from("stories").insert(rows).execute().join();
    }

    @AfterAll
    void stop() {
        client.close();
        sandbox.close();
    }

    @Test
    void eqMatchesExactlyTheRowHoldingTheValue() {
        for (String title : titles) {
            assertEquals(Set.of(title), titlesMatching(Filter.eq("title", title)), () -> "eq " + quoted(title));
        }
    }

    @Test
    void inAndOrTreesMatchExactlyTheirValues() {
        for (int i = 0; i < titles.size(); i++) {
            String one = titles.get(i);
            String other = titles.get((i + 1) % titles.size());
            Set<String> both = Set.of(one, other);

            assertEquals(both, titlesMatching(Filter.in("title", List.of(one, other))), () -> "in " + quoted(one));
            assertEquals(both, titlesMatching(Filter.or(Filter.eq("title", one), Filter.eq("title", other))),
                    () -> "or " + quoted(one));
            assertEquals(Set.of(one), titlesMatching(Filter.and(Filter.eq("title", one), Filter.neq("title", other))),
                    () -> "and " + quoted(one));
        }
    }

    @Test
    void containsMatchesTheTermLiterallyAndCaseInsensitively() {
        for (String title : titles) {
            // A search term is part of a stored title: a substring, so the expected set is never empty.
            int[] codePoints = title.codePoints().toArray();
            int from = codePoints.length / 3;
            String term = new String(codePoints, from, Math.max(1, 2 * codePoints.length / 3 - from));
            String literal = term.replace("*", ""); // PostgREST cannot match '*' literally: Like drops it
            if (literal.isEmpty()) {
                continue;
            }
            Set<String> expected = new TreeSet<>();
            for (String candidate : titles) {
                if (candidate.toLowerCase(Locale.ROOT).contains(literal.toLowerCase(Locale.ROOT))) {
                    expected.add(candidate);
                }
            }
            assertEquals(expected, new TreeSet<>(titlesMatching(Filter.ilike("title", Like.contains(term)))),
                    () -> "ilike contains " + quoted(term));
        }
    }

    private Set<String> titlesMatching(Filter filter) {
        record Title(String title) {
        }
        List<Title> rows = client.rest().from("stories").select("title")
                .filter(Filter.eq("prompt", tag)).filter(filter)
                .list(Title.class).join().body();
        Set<String> found = new LinkedHashSet<>();
        rows.forEach(row -> found.add(row.title()));
        assertEquals(rows.size(), found.size(), "no row may come back twice");
        return found;
    }

    private static Set<String> randomStrings(Random random) {
        int[] codePoints = ALPHABET.codePoints().toArray();
        Set<String> values = new LinkedHashSet<>();
        while (values.size() < VALUES) {
            int length = 1 + random.nextInt(12);
            StringBuilder value = new StringBuilder();
            for (int i = 0; i < length; i++) {
                value.appendCodePoint(codePoints[random.nextInt(codePoints.length)]);
            }
            values.add(value.toString());
        }
        return values;
    }

    private static String quoted(String value) {
        return "«" + value + "» (seed " + SEED + ")";
    }
}
