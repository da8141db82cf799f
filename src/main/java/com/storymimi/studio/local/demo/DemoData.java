package com.storymimi.studio.local.demo;

import com.storymimi.studio.local.db.Database;
import com.storymimi.studio.local.db.PgTimestamps;
import com.storymimi.studio.local.storage.Bucket;
import com.storymimi.studio.local.storage.ObjectStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * First-run demo content: six users, thirty stories over all four statuses and the past six weeks, and
 * scenes with a painted PNG and a short WAV melody each, served from the public buckets. Seeded once per
 * data directory (an editor who deletes it all does not get it back on the next start).
 */
public final class DemoData {

    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);
    private static final long SEED = 20_261_124L;
    private static final String[][] USERS = {
            {"mia.hoffmann", "mia.hoffmann@example.com"}, {"leo.tanaka", "leo.tanaka@example.com"},
            {"ava.okafor", "ava.okafor@example.com"}, {"noah.lindqvist", "noah.lindqvist@example.com"},
            {"zoe.moreau", "zoe.moreau@example.com"}, {"eli.novak", "eli.novak@example.com"}};
    private static final String[] STATUSES = {"COMPLETED", "COMPLETED", "COMPLETED", "GENERATING", "PENDING", "ERROR"};

    private DemoData() {
    }

    private record Row(String table, List<String> columns, List<Object> values) {
    }

    /** Seeds unless this data directory was seeded before. */
    public static void seedOnce(Database database, ObjectStore objects, String baseUrl) throws IOException, SQLException {
        if (database.read(DemoData::alreadySeeded)) {
            return;
        }
        long started = System.nanoTime();
        Bucket images = objects.bucket("story-images").orElseThrow();
        Bucket audio = objects.bucket("story-audio").orElseThrow();
        Random random = new Random(SEED);
        Instant now = Instant.now();
        List<Row> rows = new ArrayList<>();
        List<String> userIds = new ArrayList<>();
        for (String[] user : USERS) {
            String id = uuid(random);
            userIds.add(id);
            rows.add(new Row("users", List.of("user_id", "username", "email", "created_at"),
                    List.of(id, user[0], user[1], time(now.minus(Duration.ofDays(45 + random.nextInt(10)))))));
        }
        StoryWriter writer = new StoryWriter(random);
        int scenes = 0;
        for (int s = 0; s < 30; s++) {
            String storyId = uuid(random);
            String status = STATUSES[s % STATUSES.length];
            StoryWriter.Story story = writer.story();
            Instant created = now.minus(Duration.ofMinutes(30 + random.nextInt(42 * 24 * 60)));
            Instant updated = created.plus(Duration.ofMinutes(random.nextInt(90)));
            rows.add(new Row("stories", List.of("story_id", "user_id", "title", "prompt", "status", "created_at",
                    "updated_at"), List.of(storyId, userIds.get(random.nextInt(userIds.size())), story.title(),
                    story.prompt(), status, time(created), time(updated))));
            int count = sceneCount(status, random);
            for (int n = 1; n <= count; n++) {
                String sceneId = uuid(random);
                String key = storyId + "/" + sceneId;
                boolean withAudio = !status.equals("GENERATING") || n < count;
                String imageUrl = baseUrl + "/storage/v1/object/public/story-images/" + key + ".png";
                String audioUrl = withAudio ? baseUrl + "/storage/v1/object/public/story-audio/" + key + ".wav" : null;
                objects.put(images, key + ".png", new ByteArrayInputStream(SceneIllustration.png(random, n)),
                        "image/png", "max-age=3600", true, null);
                if (withAudio) {
                    objects.put(audio, key + ".wav", new ByteArrayInputStream(WavTone.melody(random, 4, 0.4)),
                            "audio/wav", "max-age=3600", true, null);
                }
                List<Object> values = new ArrayList<>(List.of(sceneId, storyId, (long) n,
                        writer.scene(story, n, count), imageUrl));
                values.add(audioUrl);
                values.add(time(updated.plus(Duration.ofSeconds(n))));
                values.add(time(updated.plus(Duration.ofSeconds(n))));
                rows.add(new Row("scenes", List.of("scene_id", "story_id", "sequence", "text", "image_url", "audio_url",
                        "created_at", "updated_at"), values));
                scenes++;
            }
        }
        database.write(c -> {
            for (Row row : rows) {
                insert(c, row);
            }
            insert(c, new Row("sb_meta", List.of("key", "value"), List.of("demo_seeded_at", time(now))));
            return null;
        });
        LOG.info("Seeded demo data: {} users, 30 stories, {} scenes in {} ms", USERS.length, scenes,
                (System.nanoTime() - started) / 1_000_000);
    }

    private static int sceneCount(String status, Random random) {
        return switch (status) {
            case "COMPLETED" -> 3 + random.nextInt(4);
            case "GENERATING" -> 1 + random.nextInt(3);
            case "ERROR" -> random.nextInt(3);
            default -> 0;
        };
    }

    private static boolean alreadySeeded(Connection c) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT 1 FROM sb_meta WHERE key = 'demo_seeded_at'");
             ResultSet rs = st.executeQuery()) {
            return rs.next();
        }
    }

    private static void insert(Connection c, Row row) throws SQLException {
        String sql = "INSERT INTO " + row.table() + " (" + String.join(", ", row.columns()) + ") VALUES ("
                + "?, ".repeat(row.columns().size() - 1) + "?)";
        try (PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < row.values().size(); i++) {
                st.setObject(i + 1, row.values().get(i));
            }
            st.executeUpdate();
        }
    }

    /** A random (version 4) uuid drawn from the seeded Random, so the demo is the same on every machine. */
    private static String uuid(Random random) {
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    private static String time(Instant instant) {
        return PgTimestamps.format(instant);
    }
}
