package com.storymimi.studio.contract;

import java.net.http.HttpResponse;

import static com.storymimi.studio.contract.Check.enc;
import static com.storymimi.studio.contract.Check.error;
import static com.storymimi.studio.contract.Check.header;
import static com.storymimi.studio.contract.Check.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Resource embedding through the foreign keys, both directions, with per-embed modifiers. */
class EmbedContractTest {

    /** ann wrote "Dragon" (scenes three, one, two inserted out of order); "Orphan" has no user and no scenes. */
    private static Scratch library(Backend b) {
        Scratch s = new Scratch(b);
        String ann = s.user("ann");
        String dragon = s.story("Dragon", "COMPLETED", ann, "2026-01-01T00:00:01Z");
        s.story("Orphan", "PENDING", null, "2026-01-01T00:00:02Z");
        s.scene(dragon, 3, "three");
        s.scene(dragon, 1, "one");
        s.scene(dragon, 2, "two");
        return s;
    }

    private static HttpResponse<String> get(Backend b, Scratch s, String query, String... headers) {
        return b.send(b.editor(), "GET", "/stories?prompt=eq." + s.tag + "&order=title.asc&" + query, null, headers);
    }

    @ContractTest
    void toManyIsAnArrayAndToOneAnObjectOrNull(Backends.Lazy backend) {
        Backend b = backend.get();
        try (Scratch s = library(b)) {
            HttpResponse<String> response = get(b, s,
                    "select=title,scenes(sequence,text),users(username)&scenes.order=sequence.asc");

            json(200, "[{\"title\":\"Dragon\",\"scenes\":[{\"sequence\":1,\"text\":\"one\"},{\"sequence\":2,\"text\":\"two\"},"
                    + "{\"sequence\":3,\"text\":\"three\"}],\"users\":{\"username\":\"ann\"}},"
                    + "{\"title\":\"Orphan\",\"scenes\":[],\"users\":null}]", response);
            assertEquals("0-1/*", header(response, "Content-Range"));
        }
    }

    @ContractTest
    void manyToOneFromTheChildAndAliasesAndHints(Backends.Lazy backend) {
        Backend b = backend.get();
        try (Scratch s = library(b)) {
            HttpResponse<String> scenes = b.send(b.editor(), "GET", "/scenes?select=sequence,story:stories!inner(title)"
                    + "&story.prompt=eq." + s.tag + "&text=in.(one,two)&order=sequence", null);
            HttpResponse<String> byColumn = get(b, s, "select=title,author:users!user_id(username)");
            HttpResponse<String> byConstraint = get(b, s, "select=title,users!stories_user_id_fkey(username)");
            HttpResponse<String> fromUsers = b.send(b.editor(), "GET", "/users?select=username,stories(title)"
                    + "&email=like.*" + s.tag + "*", null);

            json(200, "[{\"sequence\":1,\"story\":{\"title\":\"Dragon\"}},{\"sequence\":2,\"story\":{\"title\":\"Dragon\"}}]",
                    scenes);
            json(200, "[{\"title\":\"Dragon\",\"author\":{\"username\":\"ann\"}},{\"title\":\"Orphan\",\"author\":null}]",
                    byColumn);
            json(200, "[{\"title\":\"Dragon\",\"users\":{\"username\":\"ann\"}},{\"title\":\"Orphan\",\"users\":null}]",
                    byConstraint);
            json(200, "[{\"username\":\"ann\",\"stories\":[{\"title\":\"Dragon\"}]}]", fromUsers);
        }
    }

    @ContractTest
    void perEmbedOrderLimitOffsetAndFilters(Backends.Lazy backend) {
        Backend b = backend.get();
        try (Scratch s = library(b)) {
            HttpResponse<String> limited = get(b, s, "select=title,scenes(sequence)&scenes.order=sequence.desc&scenes.limit=2");
            HttpResponse<String> offset = get(b, s, "select=title,s:scenes(sequence)&s.order=sequence&s.offset=1&s.limit=1");
            HttpResponse<String> filtered = get(b, s, "select=title,scenes(text)&scenes.text=ilike." + enc("*T*O*"));
            HttpResponse<String> inner = get(b, s, "select=title,scenes!inner(text)&scenes.text=eq.two");
            HttpResponse<String> innerToOne = get(b, s, "select=title,users!inner(username)");
            HttpResponse<String> withScenes = get(b, s, "select=title,scenes(sequence)&scenes=not.is.null&scenes.order=sequence&scenes.limit=1");
            HttpResponse<String> withoutScenes = get(b, s, "select=title,scenes(sequence)&scenes=is.null");

            json(200, "[{\"title\":\"Dragon\",\"scenes\":[{\"sequence\":3},{\"sequence\":2}]},{\"title\":\"Orphan\",\"scenes\":[]}]",
                    limited);
            json(200, "[{\"title\":\"Dragon\",\"s\":[{\"sequence\":2}]},{\"title\":\"Orphan\",\"s\":[]}]", offset);
            json(200, "[{\"title\":\"Dragon\",\"scenes\":[{\"text\":\"two\"}]},{\"title\":\"Orphan\",\"scenes\":[]}]", filtered);
            json(200, "[{\"title\":\"Dragon\",\"scenes\":[{\"text\":\"two\"}]}]", inner);
            assertEquals("0-0/*", header(inner, "Content-Range"));
            json(200, "[{\"title\":\"Dragon\",\"users\":{\"username\":\"ann\"}}]", innerToOne);
            json(200, "[{\"title\":\"Dragon\",\"scenes\":[{\"sequence\":1}]}]", withScenes);
            json(200, "[{\"title\":\"Orphan\",\"scenes\":[]}]", withoutScenes);
        }
    }

    @ContractTest
    void innerEmbedCountsOnlyJoinedParents(Backends.Lazy backend) {
        Backend b = backend.get();
        try (Scratch s = library(b)) {
            HttpResponse<String> response = get(b, s, "select=title,scenes!inner(sequence)&scenes.sequence=gt.2",
                    "Prefer", "count=exact");
            json(200, "[{\"title\":\"Dragon\",\"scenes\":[{\"sequence\":3}]}]", response);
            assertEquals("0-0/1", header(response, "Content-Range"));
        }
    }

    @ContractTest
    void embedErrors(Backends.Lazy backend) {
        Backend b = backend.get();
        error(400, "PGRST200", "Could not find a relationship between 'stories' and 'nosuch' in the schema cache",
                "Searched for a foreign key relationship between 'stories' and 'nosuch' in the schema 'public', but no "
                        + "matches were found.", null,
                b.send(b.editor(), "GET", "/stories?select=title,nosuch(*)", null));
        error(400, "PGRST200", "Could not find a relationship between 'stories' and 'users' in the schema cache",
                "Searched for a foreign key relationship between 'stories' and 'users' using the hint 'bad' in the "
                        + "schema 'public', but no matches were found.", null,
                b.send(b.editor(), "GET", "/stories?select=title,users!bad(username)", null));
        error(400, "PGRST108", "'scenes' is not an embedded resource in this request", null,
                "Verify that 'scenes' is included in the 'select' query parameter.",
                b.send(b.editor(), "GET", "/stories?select=title&scenes.order=sequence", null));
        error(400, "PGRST108", "'scenes' is not an embedded resource in this request", null,
                "Verify that 'scenes' is included in the 'select' query parameter.",
                b.send(b.editor(), "GET", "/stories?select=title&scenes.text=eq.x", null));
        error(400, "42703", "column scenes_1.nosuch does not exist", null, null,
                b.send(b.editor(), "GET", "/stories?select=title,scenes(nosuch)", null));
    }
}
