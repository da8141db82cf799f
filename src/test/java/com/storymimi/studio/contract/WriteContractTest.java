package com.storymimi.studio.contract;

import com.google.gson.JsonObject;

import java.net.http.HttpResponse;
import java.util.UUID;

import static com.storymimi.studio.contract.Check.body;
import static com.storymimi.studio.contract.Check.error;
import static com.storymimi.studio.contract.Check.header;
import static com.storymimi.studio.contract.Check.json;
import static com.storymimi.studio.contract.Check.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Inserts, upserts, updates and deletes: statuses, representation, Content-Range and constraint errors. */
class WriteContractTest {

    private static String userJson(String id, String name, String email) {
        return "{\"user_id\":\"" + id + "\",\"username\":\"" + name + "\",\"email\":\"" + email + "\"}";
    }

    @ContractTest
    void insertsAnswer201WithTheAskedRepresentation(Backends.Lazy backend) {
        Backend b = backend.get();
        try (Scratch s = new Scratch(b)) {
            String id = UUID.randomUUID().toString();
            HttpResponse<String> minimal = b.send(b.editor(), "POST", "/users",
                    userJson(UUID.randomUUID().toString(), "min", "min-" + s.tag + "@x.test"));
            HttpResponse<String> represented = b.send(b.editor(), "POST", "/users?select=user_id,username",
                    userJson(id, "rep", "rep-" + s.tag + "@x.test"), "Prefer", "return=representation");
            String other = UUID.randomUUID().toString();
            HttpResponse<String> headersOnly = b.send(b.editor(), "POST", "/users",
                    userJson(other, "loc", "loc-" + s.tag + "@x.test"), "Prefer", "return=headers-only");

            status(201, minimal);
            assertEquals("", minimal.body());
            assertEquals("*/*", header(minimal, "Content-Range"));
            json(201, "[{\"user_id\":\"" + id + "\",\"username\":\"rep\"}]", represented);
            assertEquals("return=representation", header(represented, "Preference-Applied"));
            assertEquals("*/*", header(represented, "Content-Range"));
            status(201, headersOnly);
            assertEquals("/users?user_id=eq." + other, header(headersOnly, "Location"));
        }
    }

    @ContractTest
    void bulkInsertWithColumnsAndMissingDefault(Backends.Lazy backend) {
        Backend b = backend.get();
        try (Scratch s = new Scratch(b)) {
            String rows = "[{\"title\":\"one\",\"prompt\":\"" + s.tag + "\"},{\"title\":\"two\",\"prompt\":\"" + s.tag
                    + "\",\"status\":\"ERROR\"},{\"title\":\"three\",\"prompt\":\"" + s.tag + "\"}]";
            HttpResponse<String> response = b.send(b.editor(), "POST",
                    "/stories?columns=%22title%22,%22prompt%22,%22status%22&select=title,status", rows,
                    "Prefer", "return=representation,missing=default");

            json(201, "[{\"title\":\"one\",\"status\":\"PENDING\"},{\"title\":\"two\",\"status\":\"ERROR\"},"
                    + "{\"title\":\"three\",\"status\":\"PENDING\"}]", response);
            assertEquals("missing=default, return=representation", header(response, "Preference-Applied"));
        }
    }

    @ContractTest
    void constraintErrorsHideKeyValuesFromRlsRoles(Backends.Lazy backend) {
        Backend b = backend.get();
        try (Scratch s = new Scratch(b)) {
            String email = "dup-" + s.tag + "@example.test";
            s.user("dup");
            error(409, "23505", "duplicate key value violates unique constraint \"users_email_key\"", null, null,
                    b.send(b.editor(), "POST", "/users", userJson(UUID.randomUUID().toString(), "again", email)));
            error(409, "23505", "duplicate key value violates unique constraint \"users_email_key\"",
                    "Key (email)=(" + email + ") already exists.", null,
                    b.send(b.service(), "POST", "/users", userJson(UUID.randomUUID().toString(), "again", email)));
            error(400, "23502", "null value in column \"email\" of relation \"users\" violates not-null constraint",
                    null, null, b.send(b.editor(), "POST", "/users", "{\"username\":\"x\"}"));
            error(409, "23503", "insert or update on table \"stories\" violates foreign key constraint "
                            + "\"stories_user_id_fkey\"", "Key is not present in table \"users\".", null,
                    b.send(b.editor(), "POST", "/stories", "{\"title\":\"t\",\"prompt\":\"" + s.tag
                            + "\",\"user_id\":\"" + UUID.randomUUID() + "\"}"));
            error(400, "PGRST204", "Column 'colour' of relation 'stories' does not exist", null, null,
                    b.send(b.editor(), "POST", "/stories", "{\"title\":\"t\",\"colour\":\"red\"}"));
            error(400, "PGRST102", "Empty or invalid json", null, null,
                    b.send(b.editor(), "POST", "/users", "{\"username\":"));
        }
    }

    @ContractTest
    void anonWritesAreRefusedOrMatchNothing(Backends.Lazy backend) {
        Backend b = backend.get();
        try (Scratch s = new Scratch(b)) {
            String storyId = s.story("kept", "PENDING", null, "2026-01-01T00:00:00Z");
            HttpResponse<String> insert = b.send(b.anon(), "POST", "/users", userJson(UUID.randomUUID().toString(),
                    "anon", "anon-" + s.tag + "@x.test"));
            HttpResponse<String> patch = b.send(b.anon(), "PATCH", "/stories?story_id=eq." + storyId,
                    "{\"title\":\"hacked\"}");
            HttpResponse<String> delete = b.send(b.anon(), "DELETE", "/stories?story_id=eq." + storyId, null);

            error(401, "42501", "new row violates row-level security policy for table \"users\"", null, null, insert);
            assertEquals("Bearer", header(insert, "WWW-Authenticate"));
            status(204, patch);
            assertEquals("*/*", header(patch, "Content-Range"));
            status(204, delete);
            json(200, "[{\"title\":\"kept\"}]", b.send(b.editor(), "GET", "/stories?select=title&story_id=eq." + storyId, null));
        }
    }

    @ContractTest
    void upsertMergesWith200AndIgnoresWith201(Backends.Lazy backend) {
        Backend b = backend.get();
        try (Scratch s = new Scratch(b)) {
            String id = s.user("before");
            String email = "before-" + s.tag + "@x.test";
            HttpResponse<String> merged = b.send(b.editor(), "POST", "/users?select=username,email",
                    userJson(id, "after", email), "Prefer", "resolution=merge-duplicates, return=representation");
            HttpResponse<String> ignored = b.send(b.editor(), "POST", "/users?select=username",
                    userJson(id, "ignored", email), "Prefer", "resolution=ignore-duplicates, return=representation");

            json(200, "[{\"username\":\"after\",\"email\":\"" + email + "\"}]", merged);
            assertEquals("*/*", header(merged, "Content-Range"));
            json(201, "[]", ignored);
            json(200, "[{\"username\":\"after\"}]", b.send(b.editor(), "GET", "/users?select=username&user_id=eq." + id, null));
        }
    }

    @ContractTest
    void patchStampsUpdatedAtAndReportsRanges(Backends.Lazy backend) {
        Backend b = backend.get();
        try (Scratch s = new Scratch(b)) {
            String id = s.story("patched", "PENDING", null, "2026-01-01T00:00:00Z");
            HttpResponse<String> represented = b.send(b.editor(), "PATCH", "/stories?story_id=eq." + id,
                    "{\"status\":\"GENERATING\",\"updated_at\":\"2000-01-01T00:00:00Z\"}", "Prefer", "return=representation");
            HttpResponse<String> minimal = b.send(b.editor(), "PATCH", "/stories?story_id=eq." + id, "{\"status\":\"COMPLETED\"}");
            HttpResponse<String> nothing = b.send(b.editor(), "PATCH", "/stories?story_id=eq." + UUID.randomUUID(),
                    "{\"status\":\"COMPLETED\"}");
            HttpResponse<String> nothingCounted = b.send(b.editor(), "PATCH", "/stories?story_id=eq." + UUID.randomUUID(),
                    "{\"status\":\"COMPLETED\"}", "Prefer", "count=exact");
            HttpResponse<String> invalid = b.send(b.editor(), "PATCH", "/stories?story_id=eq." + id, "{\"status\":\"DONE\"}");

            status(200, represented);
            JsonObject row = body(represented).getAsJsonArray().get(0).getAsJsonObject();
            assertEquals("GENERATING", row.get("status").getAsString());
            assertNotEquals("2000-01-01T00:00:00+00:00", row.get("updated_at").getAsString(), "the server owns updated_at");
            assertTrue(row.get("updated_at").getAsString().compareTo(row.get("created_at").getAsString()) > 0);
            assertEquals("0-0/*", header(represented, "Content-Range"));
            assertEquals("return=representation", header(represented, "Preference-Applied"));
            status(204, minimal);
            assertEquals("0-0/*", header(minimal, "Content-Range"));
            status(204, nothing);
            assertEquals("*/*", header(nothing, "Content-Range"));
            status(204, nothingCounted);
            assertEquals("*/0", header(nothingCounted, "Content-Range"), "what clients read the affected rows from");
            error(400, "23514", "new row for relation \"stories\" violates check constraint \"stories_status_check\"",
                    null, null, invalid);
        }
    }

    @ContractTest
    void deleteCascadesAndCounts(Backends.Lazy backend) {
        Backend b = backend.get();
        try (Scratch s = new Scratch(b)) {
            String user = s.user("gone");
            String story = s.story("of gone", "PENDING", user, "2026-01-01T00:00:00Z");
            s.scene(story, 1, "scene of gone");
            for (int i = 0; i < 3; i++) {
                s.story("bulk", "ERROR", null, "2026-01-01T00:00:0" + i + "Z");
            }
            HttpResponse<String> one = b.send(b.editor(), "DELETE", "/users?select=username&user_id=eq." + user, null,
                    "Prefer", "return=representation, count=exact");
            HttpResponse<String> three = b.send(b.editor(), "DELETE", "/stories?title=eq.bulk&prompt=eq." + s.tag, null,
                    "Prefer", "return=minimal, count=exact");
            HttpResponse<String> nothing = b.send(b.editor(), "DELETE", "/stories?story_id=eq." + UUID.randomUUID(), null);

            json(200, "[{\"username\":\"gone\"}]", one);
            assertEquals("*/1", header(one, "Content-Range"));
            json(200, "[]", b.send(b.editor(), "GET", "/scenes?story_id=eq." + story, null));
            status(204, three);
            assertEquals("*/3", header(three, "Content-Range"));
            status(204, nothing);
            assertEquals("*/*", header(nothing, "Content-Range"));
        }
    }
}
