package com.storymimi.studio.local.db;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A data directory from an earlier sandbox opens with today's constraints and keeps its rows. */
class SchemaUpgradesTest {

    private static final String ITEM = "INSERT INTO trash (kind, item_id, label, rows) VALUES "
            + "('%s', '00000000-0000-4000-8000-00000000000%d', 'x', '{}')";

    @TempDir
    Path temp;

    @Test
    void aTrashTableThatKnewOnlyUsersStoriesAndScenesTakesMediaItemsAndKeepsItsItems() throws Exception {
        Path file = temp.resolve("sandbox.db");
        try (Database database = Database.open(file)) {
            database.write(connection -> {
                try (Statement st = connection.createStatement()) {
                    String today = definition(st);
                    st.execute("DROP TABLE trash");
                    st.execute(today.replace("'scene', 'image', 'audio'", "'scene'"));
                    st.execute(ITEM.formatted("story", 1));
                    assertThrows(SQLException.class, () -> st.execute(ITEM.formatted("image", 2)),
                            "the earlier table refuses a media item");
                }
                return null;
            });
        }

        try (Database database = Database.open(file)) {
            database.write(connection -> {
                try (Statement st = connection.createStatement()) {
                    st.execute(ITEM.formatted("image", 2));
                    assertThrows(SQLException.class, () -> st.execute(ITEM.formatted("video", 3)),
                            "the kinds are still checked");
                    try (ResultSet rs = st.executeQuery("SELECT group_concat(kind, ',') FROM (SELECT kind FROM trash ORDER BY item_id)")) {
                        rs.next();
                        assertEquals("story,image", rs.getString(1));
                    }
                    try (ResultSet rs = st.executeQuery(
                            "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = 'trash_deleted_at_idx'")) {
                        rs.next();
                        assertEquals(1, rs.getInt(1));
                    }
                }
                return null;
            });
        }
    }

    private static String definition(Statement st) throws SQLException {
        try (ResultSet rs = st.executeQuery("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'trash'")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
