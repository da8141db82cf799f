package com.storymimi.studio.service;

import com.storymimi.studio.model.PageRequest;
import com.storymimi.studio.model.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The users list's order on both backends, and the offset that pages to a user in it. */
class SupabaseUserServiceQueryTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00.123456Z");

    @TempDir
    Path dataDir;

    private ServiceBackend backend;

    @AfterEach
    void close() throws Exception {
        if (backend != null) {
            backend.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ServiceBackend.Kind.class)
    void offsetOfIsEachUsersPlaceInTheListIncludingUsersCreatedAtTheSameInstant(ServiceBackend.Kind kind)
            throws Exception {
        backend = ServiceBackend.open(kind, dataDir);
        Rows rows = new Rows(backend.client);
        // Three created in the same microsecond (ordered by id), one a microsecond later, one a second earlier.
        rows.user("Tie-b", UUID.fromString("00000000-0000-4000-8000-00000000000b"), T0);
        rows.user("Tie-a", UUID.fromString("00000000-0000-4000-8000-00000000000a"), T0);
        rows.user("Tie-c", UUID.fromString("00000000-0000-4000-8000-00000000000c"), T0);
        rows.user("Later", UUID.randomUUID(), T0.plusNanos(1_000));
        rows.user("Earlier", UUID.randomUUID(), T0.minusSeconds(1));
        UserService users = new SupabaseUserService(backend.client.rest());

        List<User> list = users.list(new PageRequest(0, 10)).join().items();

        assertEquals(List.of("Later", "Tie-a", "Tie-b", "Tie-c", "Earlier"),
                list.stream().map(User::username).toList());
        for (int i = 0; i < list.size(); i++) {
            assertEquals(i, users.offsetOf(list.get(i)).join(), list.get(i).username() + "'s offset");
        }
    }
}
