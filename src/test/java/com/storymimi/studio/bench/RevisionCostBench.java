package com.storymimi.studio.bench;

import com.storymimi.studio.local.LocalSandbox;
import com.storymimi.studio.local.SandboxOptions;
import com.storymimi.studio.model.Scene;
import com.storymimi.studio.model.SceneDraft;
import com.storymimi.studio.model.StoryDraft;
import com.storymimi.studio.service.PostgrestRelay;
import com.storymimi.studio.service.SupabaseSceneService;
import com.storymimi.studio.service.SupabaseStoryService;
import com.storymimi.studio.supabase.SupabaseClient;
import com.storymimi.studio.supabase.SupabaseConfig;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * What revisions cost a save: the editor's text save ({@code SceneService.updateText}, one optimistic PATCH) with the
 * revision trigger on and off, alternating in rounds within one run, on the sandbox and (when the POSTGREST_* and
 * PG_URI variables of contract/real-backend.sh are set) on real PostgREST. Prints the medians, their ratio, and
 * the storage each revision takes. See docs/benchmarks.md, "Revisions". Args: [rounds (10)] [saves per round (100)].
 */
public final class RevisionCostBench {

    private static final String TEXT = "Once upon a time, in a forest where the moon hung low, a small owl could not "
            + "sleep. She counted the stars, the leaves and the sleepy foxes, and still her eyes stayed wide open. ";

    /** Turns the revision trigger of scenes on or off. */
    private interface TriggerSwitch {
        void set(boolean on) throws Exception;
    }

    private RevisionCostBench() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int saves = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        Path dir = Files.createTempDirectory("revision-bench");
        try (LocalSandbox sandbox = LocalSandbox.start(new SandboxOptions(dir, 0, false));
             SupabaseClient client = SupabaseClient.create(new SupabaseConfig(sandbox.baseUrl(), sandbox.anonKey(),
                     Duration.ofSeconds(30)));
             Connection sqlite = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("sandbox.db"))) {
            client.auth().signInWithPassword(sandbox.editorEmail(), sandbox.editorPassword()).join();
            String trigger = triggerSql(sqlite);
            run("sandbox", client, rounds, saves, on -> {
                try (Statement st = sqlite.createStatement()) {
                    st.execute("DROP TRIGGER IF EXISTS scenes_record_revision");
                    if (on) {
                        st.execute(trigger);
                    }
                }
            });
            try (Statement st = sqlite.createStatement();
                 ResultSet rs = st.executeQuery("SELECT count(*), (SELECT sum(pgsize) FROM dbstat WHERE name IN "
                         + "('revisions', 'revisions_story_id_created_at_idx', 'sqlite_autoindex_revisions_1')) "
                         + "FROM revisions")) {
                rs.next();
                System.out.printf(Locale.ROOT, "sandbox: %d revisions take %d bytes on disk: %.0f bytes each%n",
                        rs.getLong(1), rs.getLong(2), rs.getLong(2) / (double) rs.getLong(1));
            }
        }
        String url = System.getenv("POSTGREST_URL");
        String pg = System.getenv("PG_URI");
        if (url == null || pg == null) {
            System.out.println("real PostgREST not configured (run contract/real-backend.sh start): sandbox only");
            return;
        }
        // The Java client needs /rest/v1 in front of PostgREST's root, as the service tests do (one more local hop
        // for both modes); the authenticated key is the bearer.
        try (PostgrestRelay relay = PostgrestRelay.to(URI.create(url));
             SupabaseClient client = SupabaseClient.create(new SupabaseConfig(relay.baseUrl(),
                     System.getenv("POSTGREST_AUTHENTICATED_KEY"), Duration.ofSeconds(30)))) {
            run("postgrest", client, rounds, saves, on -> psql(pg, "alter table public.scenes "
                    + (on ? "enable" : "disable") + " trigger scenes_record_revision"));
            System.out.println("postgrest: " + psql(pg, "select count(*) || ' revisions take ' "
                    + "|| pg_total_relation_size('public.revisions') || ' bytes on disk: ' "
                    + "|| round(pg_total_relation_size('public.revisions')::numeric / greatest(count(*), 1)) "
                    + "|| ' bytes each' from public.revisions").strip());
        } finally {
            psql(pg, "alter table public.scenes enable trigger scenes_record_revision");
        }
    }

    /** The scene trigger's CREATE statement as the sandbox's schema made it, to put it back after a round without. */
    private static String triggerSql(Connection sqlite) throws Exception {
        try (Statement st = sqlite.createStatement();
             ResultSet rs = st.executeQuery("SELECT sql FROM sqlite_master WHERE type = 'trigger' "
                     + "AND name = 'scenes_record_revision'")) {
            if (!rs.next()) {
                throw new IllegalStateException("the sandbox has no scenes_record_revision trigger");
            }
            return rs.getString(1);
        }
    }

    private static void run(String name, SupabaseClient client, int rounds, int saves, TriggerSwitch trigger)
            throws Exception {
        SupabaseStoryService stories = new SupabaseStoryService(client.rest());
        SupabaseSceneService scenes = new SupabaseSceneService(client.rest());
        var story = stories.createWithScenes(new StoryDraft(null, "Revision bench", ""),
                List.of(new SceneDraft(1, TEXT))).join();
        Scene scene = story.scenes().getFirst();
        for (int warm = 0; warm < 50; warm++) {
            scene = scenes.updateText(scene, TEXT + warm).join();
        }
        List<Long> with = new ArrayList<>();
        List<Long> without = new ArrayList<>();
        for (int round = 0; round < rounds * 2; round++) {
            boolean on = round % 2 == 0;
            trigger.set(on);
            for (int i = 0; i < saves; i++) {
                long start = System.nanoTime();
                scene = scenes.updateText(scene, TEXT + round + ":" + i).join();
                (on ? with : without).add(System.nanoTime() - start);
            }
        }
        trigger.set(true);
        double withMedian = percentile(with, 50);
        double withoutMedian = percentile(without, 50);
        System.out.printf(Locale.ROOT, "%s: text save, %d saves each: with revisions median %.2f ms (p95 %.2f), "
                        + "without %.2f ms (p95 %.2f): ratio %.2f%n", name, with.size(), withMedian, percentile(with, 95),
                withoutMedian, percentile(without, 95), withMedian / withoutMedian);
    }

    private static double percentile(List<Long> nanos, int p) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100)) / 1e6;
    }

    private static String psql(String uri, String sql) throws Exception {
        Process process = new ProcessBuilder("psql", uri, "-v", "ON_ERROR_STOP=1", "-tAc", sql)
                .redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException("psql failed: " + out);
        }
        return out;
    }
}
