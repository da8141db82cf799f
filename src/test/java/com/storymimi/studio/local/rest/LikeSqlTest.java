package com.storymimi.studio.local.rest;

import com.storymimi.studio.local.db.Database;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The SQLite prefilter must give exactly the rows the Java {@code pg_like} alone gives: every pattern against
 * every text, for LIKE and ILIKE, plain and negated (NULL text must stay NULL, so NOT keeps it out).
 */
class LikeSqlTest {

    private static final List<String> TEXTS = Arrays.asList(
            "Öl und Kaffee", "Straße der Träume", "STRASSE", "ÄRGER im Wald", "ärger", "Kelvin \u212A here",
            "\u017Fun (long s)", "100% sure", "snake_case", "back\\slash", "😀x", "日本語 ✓", "", "plain ascii text",
            "MiXeD CaSe", "x", "Quokka", "tab\there", null);
    private static final List<String> PATTERNS = List.of(
            "%kaffee%", "%KAFFEE%", "%stra%", "%ärger%", "%ÄRGER%", "%k%", "%s%", "%\\%%", "%\\_%", "%\\\\%",
            "_", "__", "%😀_", "_x", "%ß%", "%\\ß%", "%STRASSE%", "öl%", "%x", "", "%", "%日本%", "%s_r%", "%\\k%",
            "%SUN%", "quokka", "%e", "\\%", "%\t%", "%à%");

    @TempDir
    static Path dir;
    static Database database;

    @BeforeAll
    static void fill() throws IOException, SQLException {
        database = Database.open(dir.resolve("like.db"));
        database.write(c -> {
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)");
            }
            try (PreparedStatement st = c.prepareStatement("INSERT INTO t (v) VALUES (?)")) {
                for (String text : TEXTS) {
                    st.setString(1, text);
                    st.executeUpdate();
                }
            }
            return null;
        });
    }

    @AfterAll
    static void close() {
        database.close();
    }

    private static Set<String> rows(String where, List<Object> params) throws SQLException {
        return database.read(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT id, v FROM t WHERE " + where)) {
                for (int i = 0; i < params.size(); i++) {
                    st.setObject(i + 1, params.get(i));
                }
                Set<String> found = new TreeSet<>();
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        found.add(rs.getInt(1) + ":" + rs.getString(2));
                    }
                }
                return found;
            }
        });
    }

    @Test
    void thePrefilteredPredicateSelectsExactlyWhatPgLikeAloneSelects() throws SQLException {
        int compared = 0;
        for (String pattern : PATTERNS) {
            for (boolean insensitive : new boolean[] {true, false}) {
                SqlBuilder.Predicate fast = LikeSql.of("\"v\"", pattern, insensitive);
                String exact = "pg_like(\"v\", ?, " + (insensitive ? 1 : 0) + ")";
                String what = (insensitive ? "ILIKE " : "LIKE ") + pattern;

                assertEquals(rows(exact, List.of(pattern)), rows(fast.sql(), fast.params()), what);
                assertEquals(rows("NOT (" + exact + ")", List.of(pattern)),
                        rows("NOT (" + fast.sql() + ")", fast.params()), "NOT " + what);
                compared++;
            }
        }
        assertEquals(PATTERNS.size() * 2, compared);
    }

    @Test
    void asciiTextIsJudgedBySqliteAloneAndNonAsciiTextIsRechecked() throws SQLException {
        SqlBuilder.Predicate ascii = LikeSql.of("\"v\"", "%kaffee%", true);

        assertTrue(ascii.sql().startsWith("(\"v\" LIKE ? ESCAPE '\\' OR (length(\"v\") <> octet_length(\"v\")"),
                ascii.sql());
        assertEquals(Set.of("1:Öl und Kaffee"), rows(ascii.sql(), ascii.params()));
        assertEquals(Set.of("6:Kelvin \u212A here"), rows(LikeSql.of("\"v\"", "%kelvin k%", true).sql(),
                List.of("%kelvin k%", "%kelvin k%")), "the Kelvin sign folds to k only through pg_like");
    }

    @Test
    void nonAsciiPatternCharactersBecomeSingleCharacterWildcardsForTheSqliteCandidates() {
        assertEquals("%_rger%", LikeSql.asciiOnly("%ärger%"));
        assertEquals("%_x\\%\\_\\\\", LikeSql.asciiOnly("%\\😀x\\%\\_\\\\"));
        assertEquals(new ArrayList<>(List.of("%_rger%", "%ärger%")), LikeSql.of("\"v\"", "%ärger%", true).params());
    }
}
