package com.storymimi.studio.contract;

import java.net.http.HttpResponse;
import java.util.List;

import static com.storymimi.studio.contract.Check.column;
import static com.storymimi.studio.contract.Check.error;
import static com.storymimi.studio.contract.Check.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Safe mode (pg-safeupdate on Supabase, loaded by supabase/migrations; the same refusal in the sandbox): a PATCH
 * or DELETE without a filter is refused with 21000 and changes nothing, whoever sends it; filtered writes and
 * the RPCs that update rows in their own statements still work.
 */
class SafeUpdateContractTest {

    /**
     * A DELETE as anon can delete nothing (no policy lets it), so it is a harmless probe: 400 with safe mode,
     * 204 without. The contract backend builds contract/safeupdate unless it has neither headers nor root.
     */
    private static void assumeSafeMode(Backend b) {
        HttpResponse<String> probe = b.send(b.anon(), "DELETE", "/stories", null);
        assumeTrue(probe.statusCode() == 400, b.name() + " runs without pg-safeupdate (see contract/real-backend.sh)");
    }

    private static Scratch storiesAAndB(Backend b) {
        Scratch s = new Scratch(b);
        s.story("A", "PENDING", null, "2026-01-01T00:00:00Z");
        s.story("B", "PENDING", null, "2026-01-01T00:00:01Z");
        return s;
    }

    @ContractTest
    void unfilteredPatchAndDeleteAreRefusedAndChangeNothing(Backends.Lazy backend) {
        Backend b = backend.get();
        assumeSafeMode(b);
        try (Scratch s = storiesAAndB(b)) {

            error(400, "21000", "UPDATE requires a WHERE clause", null, null,
                    b.send(b.editor(), "PATCH", "/stories", "{\"title\":\"overwritten\"}"));
            error(400, "21000", "DELETE requires a WHERE clause", null, null,
                    b.send(b.editor(), "DELETE", "/stories?select=title", null, "Prefer", "return=representation"));
            error(400, "21000", "DELETE requires a WHERE clause", null, null, b.send(b.service(), "DELETE", "/scenes", null));
            error(400, "21000", "UPDATE requires a WHERE clause", null, null,
                    b.send(b.service(), "PATCH", "/users", "{\"username\":\"everyone\"}"));

            HttpResponse<String> left = b.send(b.editor(), "GET", "/stories?select=title&order=title&prompt=eq." + s.tag, null);
            assertEquals(List.of("A", "B"), column(left, "title"));
        }
    }

    @ContractTest
    void filteredWritesAndRowUpdatingRpcsStillWork(Backends.Lazy backend) {
        Backend b = backend.get();
        assumeSafeMode(b);
        try (Scratch s = storiesAAndB(b)) {

            status(204, b.send(b.editor(), "PATCH", "/stories?prompt=eq." + s.tag + "&title=eq.A", "{\"title\":\"A2\"}"));
            status(204, b.send(b.editor(), "DELETE", "/stories?prompt=eq." + s.tag + "&title=eq.B", null));
            status(200, b.send(b.editor(), "POST", "/rpc/story_status_counts", "{}"));

            HttpResponse<String> left = b.send(b.editor(), "GET", "/stories?select=title&prompt=eq." + s.tag, null);
            assertEquals(List.of("A2"), column(left, "title"));
        }
    }
}
