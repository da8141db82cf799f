package com.storymimi.studio.local;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.storymimi.studio.local.http.ServerLimits;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The hostile-input suite (issue #19): requests no editor would send, each against a real sandbox over real HTTP.
 * Every case must get a reply (a closed connection fails the case), never a 5xx, a JSON body, and, where it reads
 * rows, only rows its filter allows (every read is pinned to this run's tagged stories, so a filter that widened
 * would return rows of the other tag). After all cases, nothing was written outside the data directory's known
 * places and no failed write left a row. Expected results of the grammar itself are checked exactly on both
 * backends by the contract suite (HostileFilterContractTest, OversizeQueryContractTest); this suite is breadth.
 */
class HostileInputTest {

    private static final String TAG = "hostile-suite";
    private static final String OTHER = "hostile-other";

    @TempDir
    static Path dataDir;
    static SandboxFixture fx;
    static String editor;

    @BeforeAll
    static void start() {
        fx = new SandboxFixture(dataDir);
        editor = fx.editorAccessToken();
        StringBuilder rows = new StringBuilder("[");
        for (String title : List.of("plain", "a,b", "(paren)", "say \"hi\"", "back\\slash", "100% sure", "日本語 ✓")) {
            rows.append("{\"title\":").append(JsonParser.parseString("\"" + title.replace("\\", "\\\\")
                    .replace("\"", "\\\"") + "\"")).append(",\"prompt\":\"").append(TAG).append("\"},");
            rows.append("{\"title\":").append(JsonParser.parseString("\"" + title.replace("\\", "\\\\")
                    .replace("\"", "\\\"") + "\"")).append(",\"prompt\":\"").append(OTHER).append("\"},");
        }
        rows.setLength(rows.length() - 1);
        assertEquals(201, fx.asService("POST", "/rest/v1/stories", rows + "]").statusCode());
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static HttpResponse<String> asEditor(String method, String path, String body, String... headers) {
        List<String> all = new ArrayList<>(List.of("apikey", fx.sandbox.anonKey(), "Authorization", "Bearer " + editor,
                "Content-Type", "application/json"));
        all.addAll(List.of(headers));
        return fx.http.send(method, path, body, all.toArray(String[]::new));
    }

    /** A reply, not a 5xx, JSON unless empty. */
    private static void answered(HttpResponse<String> response) {
        assertTrue(response.statusCode() < 500, () -> response.statusCode() + " " + response.body());
        if (!response.body().isEmpty()) {
            JsonParser.parseString(response.body());
        }
    }

    // ------------------------------------------------------------------ REST reads: filter grammar

    static final List<String> VALUES = List.of("", " ", "plain", "a,b", "(paren)", ")", "(", "((", "))", "\"", "\"\"",
            "say \"hi\"", "back\\slash", "\\", "100% sure", "%", "%%", "%00", "*", "**", "_", "' OR '1'='1",
            "'; DROP TABLE stories; --", "\" OR 1=1 --", "1; SELECT * FROM users", "日本語 ✓", "\u202Eevil", "e\u0301",
            "\uD83D\uDE00", "\t\n\r", "null", "NULL", "true", "{}", "{a,b}", "[1]", "a.b.c", "not.eq.x", "eq.", ".",
            "..", "../../etc/passwd", "x".repeat(10_000));

    static final List<String> OPERATORS = List.of("eq", "neq", "like", "ilike", "gt", "lt", "in", "is");

    @TestFactory
    Stream<DynamicTest> filterValuesNeverWidenTheTaggedRead() {
        List<DynamicTest> cases = new ArrayList<>();
        for (String operator : OPERATORS) {
            for (String value : VALUES) {
                String filter = operator.equals("in") ? "in.(" + value + ")" : operator + "." + value;
                cases.add(DynamicTest.dynamicTest("title=" + shortName(filter), () -> tagged("title=" + enc(filter))));
            }
        }
        return cases.stream();
    }

    static final List<String> QUERIES = List.of("or=(", "or=)", "or=()", "or=(title.eq.a", "or=title.eq.a",
            "or=(title.eq.a,)", "or=(,)", "or=(title)", "or=(title.zz.a)", "or=(and(title.eq.a)", "or=(not.title.eq.a)",
            "not.or=(title.eq.plain,title.eq.a%2Cb)", "and=(title.eq.plain,or(title.eq.x,title.eq.plain))",
            "or=(title.eq.%22a,b%22,title.eq.plain)", "or=(title.in.(plain,x),title.is.null)",
            "title=zz.1", "title=not.not.eq.plain", "title=in.(", "title=in.)", "title=in.(plain", "title=is.maybe",
            "title=like.", "nosuchcolumn=eq.1", "%22title%22=eq.plain", "title%00=eq.plain", "ti%20tle=eq.plain",
            "select=", "select=*,*", "select=(", "select=)", "select=title::", "select=title::nosuchtype",
            "select=title,nosuch(*)", "select=title,scenes(", "select=title,scenes(*))", "select=a:b:c",
            "select=%22title", "select=title,users!inner(*)", "select=title,users!nosuchhint(*)",
            "order=title.sideways", "order=", "order=.", "order=title.asc.desc.nullsfirst", "order=nosuch",
            "limit=-1", "limit=abc", "limit=1e3", "limit=", "offset=-5", "offset=x", "limit=0", "offset=0",
            "columns=title", "on_conflict=title", "title=eq.plain&title=eq.plain", "&&&", "=", "=eq.1", "title",
            "title=", "title=eq", "scenes.order=sequence", "scenes.limit=x", "nosuch.order=x",
            // the inputs that broke the sandbox before (issue #19): a dropped connection or a 500
            "select=" + "scenes(".repeat(3000) + "scene_id" + ")".repeat(3000),
            "or=(" + "or(".repeat(2000) + "title.eq.plain" + ")".repeat(2000) + ")",
            "or=(" + "title.eq.plain,".repeat(1500) + "title.eq.x)", "offset=99999999999999999999",
            "limit=99999999999999999999", "or=(title.eq.plain)garbage");

    @TestFactory
    Stream<DynamicTest> malformedQueriesAreRefusedOrNarrow() {
        return QUERIES.stream().map(query -> DynamicTest.dynamicTest(shortName(query), () -> tagged(query)));
    }

    /** A read pinned to the tag: a reply, and every row returned carries the tag. */
    private static void tagged(String query) {
        String encoded = query.replace("(", "%28").replace(")", "%29").replace(",", "%2C");
        HttpResponse<String> response = asEditor("GET", "/rest/v1/stories?prompt=eq." + TAG + "&" + encoded, null);
        answered(response);
        if (response.statusCode() == 200 && response.body().startsWith("[")) {
            JsonArray rows = JsonParser.parseString(response.body()).getAsJsonArray();
            assertTrue(rows.size() <= 7, "at most the tagged rows: " + rows.size());
            for (JsonElement row : rows) {
                JsonElement prompt = row.getAsJsonObject().get("prompt");
                if (prompt != null) {
                    assertEquals(TAG, prompt.getAsString(), "a row outside the filter");
                }
            }
        }
    }

    // ------------------------------------------------------------------ REST writes: malformed bodies

    static final List<String> BODIES = List.of("", "{", "[", "]", "nul", "\uFEFF{\"title\":\"bom\",\"prompt\":\"x\"}",
            "{\"title\":1e999,\"prompt\":\"x\"}", "{\"title\":null,\"prompt\":\"x\"}", "{\"title\":{},\"prompt\":\"x\"}",
            "{\"title\":[1],\"prompt\":\"x\"}", "{\"nosuch\":1}", "[]", "[1]", "\"string\"", "42", "true", "null",
            "{\"title\":\"t\",\"prompt\":\"x\",\"status\":\"NOPE\"}", "{\"title\":\"t\",\"prompt\":\"x\",\"user_id\":\"not-a-uuid\"}",
            "{\"title\":\"t\",\"prompt\":\"x\",\"story_id\":\"00000000-0000-0000-0000-00000000000g\"}",
            "{\"title\":\"t\",\"prompt\":\"x\",\"created_at\":\"yesterday\"}", "{\"title\":\"t\" \"prompt\":\"x\"}",
            "{\"title\":\"t\",\"prompt\":\"x\",}", "{'title':'t'}", "[".repeat(100_000) + "]".repeat(100_000),
            "{\"a\":".repeat(50_000) + "1" + "}".repeat(50_000), "{\"title\":\"" + "\\u0000" + "\",\"prompt\":\"x\"}",
            "{\"title\":\"\\ud800\",\"prompt\":\"x\"}", "{\"title\":\"t\",\"title\":\"twice\",\"prompt\":\"x\"}",
            "{\"title\":\"" + "y".repeat(2_000_000) + "\",\"prompt\":\"x\"}");

    @TestFactory
    Stream<DynamicTest> malformedWriteBodiesAreRefusedWithoutAHalfWrittenRow() {
        List<DynamicTest> cases = new ArrayList<>();
        for (String body : BODIES) {
            for (String method : List.of("POST", "PATCH")) {
                cases.add(DynamicTest.dynamicTest(method + " " + shortName(body), () -> {
                    long before = storyCount();
                    String path = method.equals("POST") ? "/rest/v1/stories" : "/rest/v1/stories?title=eq.nothing-matches";
                    HttpResponse<String> response = asEditor(method, path, body);
                    answered(response);
                    if (response.statusCode() >= 400) {
                        assertEquals(before, storyCount(), "a refused write changed nothing");
                    }
                }));
            }
        }
        return cases.stream();
    }

    /** Every writing function with arguments of every wrong shape: a 4xx with a JSON body, nothing half done. */
    @TestFactory
    Stream<DynamicTest> hostileFunctionArgumentsAreRefusedWithoutAHalfWrite() {
        List<String> values = List.of("null", "5", "true", "\"x\"", "\"' OR 1=1 --\"", "[]", "[null]", "[5]",
                "[\"x\"]", "{}", "{\"a\":[1,{\"b\":2}]}", "\"{}\"", "\"{x,y}\"",
                "[" + "\"00000000-0000-4000-8000-000000000000\",".repeat(20_000) + "\"00000000-0000-4000-8000-000000000001\"]");
        Map<String, List<String>> functions = new java.util.LinkedHashMap<>();
        functions.put("trash_story", List.of("p_story_id"));
        functions.put("trash_scene", List.of("p_scene_id"));
        functions.put("trash_user", List.of("p_user_id"));
        functions.put("restore_trash", List.of("p_trash_id"));
        functions.put("trash_stories", List.of("p_story_ids"));
        functions.put("set_story_status", List.of("p_story_ids", "p_expected_updated_at", "p_status"));
        functions.put("set_story_status ", List.of("p_expected_updated_at")); // valid ids, hostile timestamps
        functions.put("reorder_scenes", List.of("p_story_id", "p_scene_ids", "p_expected_ids"));
        functions.put("set_scene_media", List.of("p_scene_id", "p_kind", "p_url", "p_expected_updated_at"));
        List<DynamicTest> cases = new ArrayList<>();
        functions.forEach((function, parameters) -> {
            for (String value : values) {
                StringBuilder body = new StringBuilder(function.endsWith(" ")
                        ? "{\"p_story_ids\":[\"00000000-0000-4000-8000-000000000000\"],\"p_status\":\"ERROR\"," : "{");
                for (String parameter : parameters) {
                    body.append('"').append(parameter).append("\":").append(value).append(',');
                }
                body.setCharAt(body.length() - 1, '}');
                cases.add(DynamicTest.dynamicTest(function + " " + shortName(value), () -> {
                    long stories = storyCount();
                    long trash = count("trash");
                    HttpResponse<String> response = asEditor("POST", "/rest/v1/rpc/" + function.strip(), body.toString());
                    answered(response);
                    // An empty array (also as the literal "{}") is a valid call that does nothing.
                    assertTrue(response.statusCode() >= 400 || response.body().strip().equals("[]"),
                            () -> "refused: " + response.body());
                    assertEquals(stories, storyCount(), "nothing moved to or from the trash");
                    assertEquals(trash, count("trash"), "no trash item came or went");
                }));
            }
        });
        return cases.stream();
    }

    private static long storyCount() {
        return count("stories");
    }

    private static long count(String table) {
        HttpResponse<String> response = fx.asService("HEAD", "/rest/v1/" + table, null, "Prefer", "count=exact");
        String range = response.headers().firstValue("Content-Range").orElseThrow();
        return Long.parseLong(range.substring(range.indexOf('/') + 1));
    }

    // ------------------------------------------------------------------ tokens and keys

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    static List<String> badTokens() {
        String[] parts = editor.split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        return List.of("", " ", "garbage", "a.b", "a.b.c", "a.b.c.d", parts[0] + "." + parts[1] + ".",
                parts[0] + "." + parts[1] + "." + "A".repeat(43),
                b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".",
                b64("{\"alg\":\"HS512\",\"typ\":\"JWT\"}") + "." + parts[1] + "." + parts[2],
                b64("{\"alg\":\"RS256\",\"typ\":\"JWT\"}") + "." + parts[1] + "." + parts[2],
                parts[0] + "." + b64(claims.replace("\"authenticated\"", "\"service_role\"")) + "." + parts[2],
                parts[0] + "." + b64("{\"role\":\"postgres\"}") + "." + parts[2],
                parts[0] + "." + b64("not json") + "." + parts[2],
                parts[0] + ".%%%." + parts[2], "x".repeat(100_000), editor + "x", "Bearer " + editor);
    }

    @TestFactory
    Stream<DynamicTest> badTokensAreRefusedAndReadNothing() {
        List<DynamicTest> cases = new ArrayList<>();
        List<String> tokens = badTokens();
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            cases.add(DynamicTest.dynamicTest("bearer #" + i + " " + shortName(token), () -> {
                HttpResponse<String> response = fx.http.send("GET", "/rest/v1/users?select=email", null,
                        "apikey", fx.sandbox.anonKey(), "Authorization", "Bearer " + token);
                answered(response);
                if (token.length() > ServerLimits.MAX_HEADER_BYTES) {
                    assertEquals(431, response.statusCode(), response.body());
                    return;
                }
                assertTrue(response.statusCode() == 401 || response.body().equals("[]"),
                        () -> "refused or anon: " + response.statusCode() + " " + response.body());
            }));
            cases.add(DynamicTest.dynamicTest("apikey #" + i + " " + shortName(token), () -> {
                HttpResponse<String> response = fx.http.send("GET", "/rest/v1/users?select=email", null, "apikey", token);
                answered(response);
                int expected = token.length() > ServerLimits.MAX_HEADER_BYTES ? 431 : 401;
                assertEquals(expected, response.statusCode(), response.body());
            }));
        }
        return cases.stream();
    }

    // ------------------------------------------------------------------ storage keys and content

    static final List<String> KEYS = List.of("../escape.png", "..%2F..%2Fescape.png", "%2e%2e/escape.png",
            "a/../../escape.png", "/abs.png", "a//b.png", "a\\..\\..\\escape.png", "nul%00byte.png", "%2Fetc%2Fpasswd",
            "a/./b.png", "./x.png", "dir/", "", "x".repeat(2_000) + ".png", "%C0%AE%C0%AE/escape.png",
            "space name.png", "日本語.png", "a?b.png", "a#b.png", ".hidden.png");

    @TestFactory
    Stream<DynamicTest> storageKeysStayInsideTheRoot() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0};
        return KEYS.stream().map(key -> DynamicTest.dynamicTest("upload " + shortName(key), () -> {
            String path = "/storage/v1/object/story-images/" + key.replace(" ", "%20").replace("?", "%3F")
                    .replace("#", "%23").replace("\\", "%5C").replace("日本語", enc("日本語"));
            HttpResponse<byte[]> response = fx.http.sendBytes("POST", path, png, "apikey", fx.sandbox.anonKey(),
                    "Authorization", "Bearer " + editor, "Content-Type", "image/png");
            assertTrue(response.statusCode() < 500, () -> response.statusCode() + " " + new String(response.body()));
            assertNoStrayFiles();
        }));
    }

    static final List<String[]> CONTENT = List.of(
            new String[]{"image/png", "ID3 not an image"}, new String[]{"image/png", ""},
            new String[]{"audio/mpeg", "\u0089PNG\r\n\u001a\n"}, new String[]{"text/html", "<script>alert(1)</script>"},
            new String[]{"image/svg+xml", "<svg onload=alert(1)>"}, new String[]{"application/x-sh", "#!/bin/sh\nrm -rf /"},
            new String[]{"image/png; charset=evil", "\u0089PNG"}, new String[]{"", "nothing"},
            new String[]{"image/png\r\nX-Injected: 1", "x"});

    @TestFactory
    Stream<DynamicTest> wrongContentIsRefusedOrStoredAsItsType() {
        return CONTENT.stream().map(pair -> DynamicTest.dynamicTest("content " + shortName(pair[0]), () -> {
            String bucket = pair[0].startsWith("audio") ? "story-audio" : "story-images";
            List<String> headers = new ArrayList<>(List.of("apikey", fx.sandbox.anonKey(), "Authorization", "Bearer " + editor));
            if (!pair[0].isEmpty() && !pair[0].contains("\r")) {
                headers.addAll(List.of("Content-Type", pair[0]));
            }
            HttpResponse<byte[]> response = fx.http.sendBytes("POST", "/storage/v1/object/" + bucket + "/content/"
                    + Math.abs(pair[0].hashCode()) + ".bin", pair[1].getBytes(StandardCharsets.ISO_8859_1),
                    headers.toArray(String[]::new));
            assertTrue(response.statusCode() < 500, () -> response.statusCode() + " " + new String(response.body()));
            if (!pair[0].startsWith("image/png") && !pair[0].startsWith("audio/mpeg")) {
                assertTrue(response.statusCode() >= 400, "a type the bucket does not allow is refused");
            }
        }));
    }

    /** Only the database, the workspace files and the object store live in the data directory. */
    private static void assertNoStrayFiles() throws IOException {
        Set<String> known = Set.of("objects", "sandbox.db", "sandbox.db-wal", "sandbox.db-shm");
        try (Stream<Path> top = Files.list(dataDir)) {
            List<String> stray = top.map(p -> p.getFileName().toString())
                    .filter(name -> !known.contains(name) && !name.endsWith(".json") && !name.startsWith("native"))
                    .collect(Collectors.toList());
            if (!stray.isEmpty()) {
                fail("files outside the object store: " + stray);
            }
        }
        assertTrue(Files.notExists(dataDir.getParent().resolve("escape.png")), "a key escaped the data directory");
        assertTrue(Files.notExists(dataDir.resolve("escape.png")), "a key escaped the object store");
    }

    private static String shortName(String text) {
        String printable = text.codePoints().mapToObj(c -> c < 0x20 ? "\\x" + Integer.toHexString(c) : Character.toString(c))
                .collect(Collectors.joining());
        return printable.length() > 40 ? printable.substring(0, 40) + "…(" + text.length() + ")" : printable;
    }
}
