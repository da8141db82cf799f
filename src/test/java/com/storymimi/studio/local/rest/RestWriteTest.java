package com.storymimi.studio.local.rest;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.storymimi.studio.local.SandboxFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.UUID;

import static com.storymimi.studio.local.SandboxFixture.header;
import static com.storymimi.studio.local.SandboxFixture.json;
import static com.storymimi.studio.local.rest.RestReadTest.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** POST/PATCH/DELETE on /rest/v1 over real HTTP: representations, defaults, constraints, transactions. */
class RestWriteTest {

    @TempDir
    static Path dataDir;
    static SandboxFixture fx;

    @BeforeAll
    static void start() {
        fx = new SandboxFixture(dataDir);
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    private static String newUser(String name) {
        HttpResponse<String> response = fx.asService("POST", "/rest/v1/users?select=user_id",
                "{\"username\":\"" + name + "\",\"email\":\"" + name + "@example.com\"}", "Prefer", "return=representation");
        assertEquals(201, response.statusCode(), response.body());
        return json(response).getAsJsonArray().get(0).getAsJsonObject().get("user_id").getAsString();
    }

    private static int count(String pathAndQuery) {
        return json(fx.asService("GET", pathAndQuery, null)).getAsJsonArray().size();
    }

    @Test
    void insertWithRepresentationReturnsAnArrayWithServerDefaults() {
        HttpResponse<String> response = fx.asEditor("POST", "/rest/v1/stories",
                "{\"title\":\"Defaults\"}", "Prefer", "return=representation");

        assertEquals(201, response.statusCode(), response.body());
        JsonObject story = json(response).getAsJsonArray().get(0).getAsJsonObject();
        assertEquals(UUID.fromString(story.get("story_id").getAsString()).toString(), story.get("story_id").getAsString());
        assertEquals("PENDING", story.get("status").getAsString());
        assertEquals("", story.get("prompt").getAsString());
        assertTrue(story.get("user_id").isJsonNull());
        assertTrue(story.get("created_at").getAsString().endsWith("+00:00"));
        assertEquals("*/*", header(response, "Content-Range"));
    }

    @Test
    void insertWithoutPreferenceIs201WithNoBody() {
        HttpResponse<String> response = fx.asService("POST", "/rest/v1/users",
                "{\"username\":\"minimal\",\"email\":\"minimal@example.com\"}");

        assertEquals(201, response.statusCode());
        assertEquals("", response.body());
    }

    @Test
    void bulkInsertWithColumnsFillsMissingKeysWithNullOrDefault() {
        String body = "[{\"title\":\"a\",\"prompt\":\"p\"},{\"title\":\"b\"}]";
        HttpResponse<String> nulls = fx.asService("POST", "/rest/v1/stories?columns=title,prompt", body,
                "Prefer", "return=representation");
        HttpResponse<String> defaults = fx.asService("POST", "/rest/v1/stories?columns=title,prompt&select=title,prompt",
                body, "Prefer", "return=representation, missing=default");

        assertError(nulls, 400, "23502", "null value in column \"prompt\" of relation \"stories\" violates not-null constraint");
        assertEquals(201, defaults.statusCode(), defaults.body());
        assertEquals("[{\"title\":\"a\",\"prompt\":\"p\"},{\"title\":\"b\",\"prompt\":\"\"}]", defaults.body());
    }

    @Test
    void bulkInsertWithoutColumnsNeedsMatchingKeys() {
        HttpResponse<String> response = fx.asService("POST", "/rest/v1/stories",
                "[{\"title\":\"a\"},{\"title\":\"b\",\"prompt\":\"x\"}]");

        assertError(response, 400, "PGRST102", "All object keys must match");
    }

    @Test
    void uniqueViolationIs409WithPostgresMessageAndDetails() {
        newUser("dup");

        HttpResponse<String> response = fx.asService("POST", "/rest/v1/users",
                "{\"username\":\"again\",\"email\":\"dup@example.com\"}");

        assertError(response, 409, "23505", "duplicate key value violates unique constraint \"users_email_key\"");
        assertEquals("Key (email)=(dup@example.com) already exists.", json(response).getAsJsonObject().get("details").getAsString());
    }

    @Test
    void foreignKeyViolationIs409() {
        String missing = UUID.randomUUID().toString();

        HttpResponse<String> response = fx.asService("POST", "/rest/v1/scenes",
                "{\"story_id\":\"" + missing + "\",\"sequence\":1}");

        assertError(response, 409, "23503",
                "insert or update on table \"scenes\" violates foreign key constraint \"scenes_story_id_fkey\"");
        assertEquals("Key (story_id)=(" + missing + ") is not present in table \"stories\".",
                json(response).getAsJsonObject().get("details").getAsString());
    }

    @Test
    void notNullCheckAndTypeErrorsAre400() {
        HttpResponse<String> notNull = fx.asService("POST", "/rest/v1/users", "{\"email\":\"nn@example.com\"}");
        HttpResponse<String> check = fx.asService("POST", "/rest/v1/stories", "{\"title\":\"t\",\"status\":\"DONE\"}");
        HttpResponse<String> badUuid = fx.asService("POST", "/rest/v1/stories", "{\"title\":\"t\",\"user_id\":\"abc\"}");
        HttpResponse<String> badInteger = fx.asService("POST", "/rest/v1/scenes",
                "{\"story_id\":\"" + UUID.randomUUID() + "\",\"sequence\":1.5}");

        assertError(notNull, 400, "23502", "null value in column \"username\" of relation \"users\" violates not-null constraint");
        assertError(check, 400, "23514", "new row for relation \"stories\" violates check constraint \"stories_status_check\"");
        assertError(badUuid, 400, "22P02", "invalid input syntax for type uuid: \"abc\"");
        assertError(badInteger, 400, "22P02", "invalid input syntax for type integer: \"1.5\"");
    }

    @Test
    void unknownKeysAndBrokenJsonAreRefused() {
        HttpResponse<String> unknown = fx.asService("POST", "/rest/v1/users", "{\"username\":\"u\",\"x\":1}");
        HttpResponse<String> broken = fx.asService("POST", "/rest/v1/users", "{\"username\":");

        assertError(unknown, 400, "PGRST204", "Column 'x' of relation 'users' does not exist");
        assertError(broken, 400, "PGRST102", "Empty or invalid json");
    }

    @Test
    void aFailingBulkInsertLeavesNothingBehind() {
        newUser("taken");

        HttpResponse<String> response = fx.asService("POST", "/rest/v1/users", """
                [{"username":"first","email":"first-of-batch@example.com"},
                 {"username":"second","email":"taken@example.com"}]""");

        assertEquals(409, response.statusCode());
        assertEquals(0, count("/rest/v1/users?email=eq.first-of-batch@example.com"));
    }

    @Test
    void patchStampsUpdatedAtAndReturnsTheRowsWhenAsked() throws Exception {
        HttpResponse<String> created = fx.asService("POST", "/rest/v1/stories", "{\"title\":\"before\"}",
                "Prefer", "return=representation");
        JsonObject story = json(created).getAsJsonArray().get(0).getAsJsonObject();
        String id = story.get("story_id").getAsString();
        Thread.sleep(5);

        HttpResponse<String> minimal = fx.asEditor("PATCH", "/rest/v1/stories?story_id=eq." + id, "{\"status\":\"GENERATING\"}");
        HttpResponse<String> represented = fx.asEditor("PATCH", "/rest/v1/stories?story_id=eq." + id,
                "{\"title\":\"after\",\"updated_at\":\"2000-01-01T00:00:00Z\"}", "Prefer", "return=representation");

        assertEquals(204, minimal.statusCode());
        assertEquals(200, represented.statusCode(), represented.body());
        JsonObject updated = json(represented).getAsJsonArray().get(0).getAsJsonObject();
        assertEquals("after", updated.get("title").getAsString());
        assertEquals("GENERATING", updated.get("status").getAsString());
        assertTrue(OffsetDateTime.parse(updated.get("updated_at").getAsString())
                .isAfter(OffsetDateTime.parse(story.get("updated_at").getAsString())), "the server owns updated_at");
        assertEquals("0-0/*", header(represented, "Content-Range"));
    }

    @Test
    void patchCountsWhatItChangedEvenWhenThatIsNothing() {
        String missing = "/rest/v1/stories?story_id=eq.00000000-0000-4000-8000-000000000000";

        HttpResponse<String> counted = fx.asEditor("PATCH", missing, "{\"title\":\"x\"}", "Prefer", "count=exact");
        HttpResponse<String> uncounted = fx.asEditor("PATCH", missing, "{\"title\":\"x\"}");

        assertEquals(204, counted.statusCode());
        assertEquals("*/0", header(counted, "Content-Range"), "a client reads the affected rows from here");
        assertEquals("*/*", header(uncounted, "Content-Range"));
    }

    @Test
    void deleteReturnsTheDeletedRowsAndCascades() {
        String user = newUser("leaving");
        fx.asService("POST", "/rest/v1/stories", "{\"title\":\"orphan-to-be\",\"user_id\":\"" + user + "\"}");

        HttpResponse<String> response = fx.asEditor("DELETE", "/rest/v1/users?user_id=eq." + user, null,
                "Prefer", "return=representation");

        assertEquals(200, response.statusCode());
        assertEquals("leaving", json(response).getAsJsonArray().get(0).getAsJsonObject().get("username").getAsString());
        assertEquals(0, count("/rest/v1/users?user_id=eq." + user));
        assertEquals(0, count("/rest/v1/stories?title=eq.orphan-to-be"));
    }

    @Test
    void anonCannotInsertAndItsUpdatesAndDeletesMatchNothing() {
        String user = newUser("guarded");

        HttpResponse<String> insert = fx.asAnon("POST", "/rest/v1/users", "{\"username\":\"x\",\"email\":\"x@example.com\"}");
        HttpResponse<String> patch = fx.asAnon("PATCH", "/rest/v1/users?user_id=eq." + user, "{\"username\":\"hacked\"}",
                "Prefer", "return=representation");
        HttpResponse<String> delete = fx.asAnon("DELETE", "/rest/v1/users?user_id=eq." + user, null);
        HttpResponse<String> select = fx.asAnon("GET", "/rest/v1/users", null);

        assertError(insert, 401, "42501", "new row violates row-level security policy for table \"users\"");
        assertEquals(200, patch.statusCode());
        assertEquals("[]", patch.body());
        assertEquals(204, delete.statusCode());
        assertEquals("[]", select.body());
        JsonArray still = json(fx.asService("GET", "/rest/v1/users?user_id=eq." + user + "&select=username", null)).getAsJsonArray();
        assertEquals("guarded", still.get(0).getAsJsonObject().get("username").getAsString());
    }

    @Test
    void upsertMergesOnTheConflictTarget() {
        newUser("upsert");

        HttpResponse<String> merged = fx.asService("POST", "/rest/v1/users?on_conflict=email&select=username",
                "{\"username\":\"merged\",\"email\":\"upsert@example.com\"}",
                "Prefer", "resolution=merge-duplicates, return=representation");
        HttpResponse<String> ignored = fx.asService("POST", "/rest/v1/users?on_conflict=email&select=username",
                "{\"username\":\"ignored\",\"email\":\"upsert@example.com\"}",
                "Prefer", "resolution=ignore-duplicates, return=representation");

        assertEquals(200, merged.statusCode(), merged.body());
        assertEquals("[{\"username\":\"merged\"}]", merged.body());
        assertEquals("[]", ignored.body());
        assertEquals(1, count("/rest/v1/users?email=eq.upsert@example.com&username=eq.merged"));
    }

    @Test
    void singleObjectWriteOfSeveralRowsIsRefusedAndRolledBack() {
        HttpResponse<String> response = fx.asService("POST", "/rest/v1/users",
                "[{\"username\":\"s1\",\"email\":\"s1@example.com\"},{\"username\":\"s2\",\"email\":\"s2@example.com\"}]",
                "Accept", "application/vnd.pgrst.object+json", "Prefer", "return=representation");

        assertEquals(406, response.statusCode());
        assertEquals(0, count("/rest/v1/users?email=eq.s1@example.com"));
    }
}
