package com.storymimi.studio.local.rest;

import com.storymimi.studio.local.SandboxFixture;
import com.storymimi.studio.supabase.rest.Like;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static com.storymimi.studio.local.SandboxFixture.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * ilike/like filters and search_stories over real HTTP, with the patterns the client's {@link Like} builds:
 * Unicode case folding on non-ASCII text, non-ASCII terms, and literal %, _ and \ in a term.
 */
class IlikeSearchTest {

    @TempDir
    static Path dataDir;
    static SandboxFixture fx;

    @BeforeAll
    static void stories() {
        fx = new SandboxFixture(dataDir);
        String[] titles = {"Öl und Kaffee", "Straße der Träume", "ÄRGER im Wald", "50% off_sale \\\\ now",
                "500 offsale", "Plain Coffee", "\\u212Aelvin's Kite"};
        StringBuilder rows = new StringBuilder("[");
        for (int i = 0; i < titles.length; i++) {
            rows.append(i == 0 ? "" : ",").append("{\"title\":\"").append(titles[i])
                    .append("\",\"created_at\":\"2026-03-0").append(i + 1).append("T00:00:00Z\"}");
        }
        HttpResponse<String> insert = fx.asService("POST", "/rest/v1/stories", rows.append("]").toString());
        assertEquals(201, insert.statusCode(), insert.body());
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    private static List<String> titles(String query) {
        HttpResponse<String> response = fx.asService("GET", "/rest/v1/stories?select=title&order=created_at&" + query, null);
        assertEquals(200, response.statusCode(), response.body());
        List<String> titles = new ArrayList<>();
        json(response).getAsJsonArray().forEach(e -> titles.add(e.getAsJsonObject().get("title").getAsString()));
        return titles;
    }

    private static List<String> ilike(Like like) {
        return titles("title=ilike." + URLEncoder.encode(like.pattern(), StandardCharsets.UTF_8));
    }

    private static List<String> search(String term) {
        HttpResponse<String> response = fx.asService("POST", "/rest/v1/rpc/search_stories?select=title",
                "{\"term\":\"" + term.replace("\\", "\\\\") + "\"}");
        assertEquals(200, response.statusCode(), response.body());
        List<String> titles = new ArrayList<>();
        json(response).getAsJsonArray().forEach(e -> titles.add(e.getAsJsonObject().get("title").getAsString()));
        return titles;
    }

    @Test
    void anAsciiTermFindsNonAsciiTextInAnyCase() {
        assertEquals(List.of("Öl und Kaffee"), ilike(Like.contains("kaffee")));
        assertEquals(List.of("Straße der Träume"), ilike(Like.contains("stra")));
        assertEquals(List.of("Straße der Träume"), ilike(Like.contains("STRA")));
        assertEquals(List.of("\u212Aelvin's Kite"), ilike(Like.contains("kelvin")), "the Kelvin sign folds to k");
        assertEquals(List.of("Plain Coffee", "Öl und Kaffee"), search("FFEE"), "newest first");
    }

    @Test
    void aNonAsciiTermFoldsUnicodeCase() {
        assertEquals(List.of("ÄRGER im Wald"), ilike(Like.contains("ärger")));
        assertEquals(List.of("Öl und Kaffee"), ilike(Like.startsWith("öL")));
        assertEquals(List.of("Straße der Träume"), ilike(Like.contains("TRÄUME")));
        assertEquals(List.of(), ilike(Like.contains("strasse")), "ILIKE does not expand ß to ss");
        assertEquals(List.of("ÄRGER im Wald"), search("ärger"));
    }

    @Test
    void percentUnderscoreAndBackslashInATermMatchThemselves() {
        assertEquals(List.of("50% off_sale \\ now"), ilike(Like.contains("50% OFF_")));
        assertEquals(List.of("50% off_sale \\ now"), ilike(Like.contains("sale \\ now")));
        assertEquals(List.of(), ilike(Like.contains("0_o")), "_ is literal, so '0% o' does not match");
        assertEquals(List.of("50% off_sale \\ now"), search("% off_"));
        assertEquals(List.of("50% off_sale \\ now"), search("\\"));
        assertEquals(List.of(), search("0_o"));
    }

    @Test
    void caseSensitiveLikeIsNotFoldedBySqlite() {
        assertEquals(List.of(), titles("title=like." + URLEncoder.encode("*kaffee*", StandardCharsets.UTF_8)));
        assertEquals(List.of("Öl und Kaffee"), titles("title=like." + URLEncoder.encode("*Kaffee*", StandardCharsets.UTF_8)));
        assertEquals(List.of("Plain Coffee"), titles("title=like." + URLEncoder.encode("*Coffee", StandardCharsets.UTF_8)));
        assertEquals(List.of(), titles("title=like." + URLEncoder.encode("öl*", StandardCharsets.UTF_8)));
        assertEquals(List.of("\u212Aelvin's Kite"), titles("title=like." + URLEncoder.encode("*elvin*", StandardCharsets.UTF_8)));
        assertEquals(List.of(), titles("title=like." + URLEncoder.encode("kelvin*", StandardCharsets.UTF_8)));
    }
}
