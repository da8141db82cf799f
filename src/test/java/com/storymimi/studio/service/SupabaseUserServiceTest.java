package com.storymimi.studio.service;

import com.storymimi.studio.model.Page;
import com.storymimi.studio.model.PageRequest;
import com.storymimi.studio.model.User;
import com.storymimi.studio.model.UserDraft;
import com.storymimi.studio.service.ServiceException.Reason;
import com.storymimi.studio.supabase.SupabaseClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The users slice end to end: service → client → HTTP → sandbox server → SQLite. */
class SupabaseUserServiceTest {

    @TempDir
    Path dataDir;

    private SandboxFixture fixture;
    private UserService users;

    @BeforeEach
    void startSandbox() throws Exception {
        fixture = SandboxFixture.signedIn(dataDir);
        users = new SupabaseUserService(fixture.client.rest());
    }

    @AfterEach
    void stopSandbox() {
        fixture.close();
    }

    @Test
    void createdUserCanBeReadBack() {
        User created = users.create(new UserDraft("  Ana Lima ", "ana@example.com")).join();

        assertNotNull(created.userId());
        assertEquals("Ana Lima", created.username(), "the draft strips surrounding spaces");
        assertNotNull(created.createdAt(), "the server stamps created_at");
        assertEquals(created, users.get(created.userId()).join().orElseThrow());
    }

    @Test
    void getOfAnUnknownIdIsEmpty() {
        assertTrue(users.get(UUID.randomUUID()).join().isEmpty());
    }

    @Test
    void listPagesNewestFirstWithTheExactTotal() {
        for (int i = 1; i <= 5; i++) {
            users.create(new UserDraft("user" + i, "user" + i + "@example.com")).join();
        }

        List<User> all = users.list(new PageRequest(0, 10)).join().items();
        Page<User> first = users.list(new PageRequest(0, 2)).join();
        Page<User> last = users.list(new PageRequest(4, 2)).join();

        // Users created within the same microsecond tie on created_at; the id then orders them, stably.
        for (int i = 1; i < all.size(); i++) {
            assertFalse(all.get(i).createdAt().isAfter(all.get(i - 1).createdAt()), "newest first");
        }
        assertEquals(5, first.total());
        assertEquals(all.subList(0, 2), first.items());
        assertTrue(first.hasNext());
        assertEquals(all.subList(4, 5), last.items());
        assertFalse(last.hasNext());
    }

    @Test
    void aSecondUserWithTheSameEmailIsADuplicateAndNothingIsWritten() {
        users.create(new UserDraft("ana", "ana@example.com")).join();

        ServiceException failure = failureOf(users.create(new UserDraft("other ana", "ana@example.com")));

        assertEquals(Reason.DUPLICATE, failure.reason());
        assertEquals(1, users.list(PageRequest.first(10)).join().total());
    }

    @Test
    void anInvalidDraftIsRefusedBeforeAnyRequest() {
        ServiceException failure = failureOf(users.create(new UserDraft("", "not-an-email")));

        assertEquals(Reason.INVALID, failure.reason());
        assertEquals(0, users.list(PageRequest.first(10)).join().total());
    }

    @Test
    void updateChangesTheRowAndReturnsIt() {
        User ana = users.create(new UserDraft("ana", "ana@example.com")).join();

        User renamed = users.update(ana.userId(), new UserDraft("Ana Maria", "ana.maria@example.com")).join();

        assertEquals("Ana Maria", renamed.username());
        assertEquals(renamed, users.get(ana.userId()).join().orElseThrow());
    }

    @Test
    void updateOrDeleteOfAMissingUserIsNotFound() {
        UUID nobody = UUID.randomUUID();

        assertEquals(Reason.NOT_FOUND, failureOf(users.update(nobody, new UserDraft("x", "x@example.com"))).reason());
        assertEquals(Reason.NOT_FOUND, failureOf(users.delete(nobody)).reason());
    }

    @Test
    void deleteRemovesTheUser() {
        User ana = users.create(new UserDraft("ana", "ana@example.com")).join();

        users.delete(ana.userId()).join();

        assertTrue(users.get(ana.userId()).join().isEmpty());
    }

    @Test
    void withoutSignInTheSandboxShowsNoUsersAndRefusesWrites() {
        users.create(new UserDraft("ana", "ana@example.com")).join();
        try (SupabaseClient anonymous = fixture.anonymousClient()) {
            UserService anonymousUsers = new SupabaseUserService(anonymous.rest());

            assertEquals(0, anonymousUsers.list(PageRequest.first(10)).join().total());
            assertEquals(Reason.DENIED,
                    failureOf(anonymousUsers.create(new UserDraft("eve", "eve@example.com"))).reason());
        }
    }

    private static ServiceException failureOf(CompletableFuture<?> future) {
        CompletionException thrown = assertThrows(CompletionException.class, future::join);
        return assertInstanceOf(ServiceException.class, thrown.getCause());
    }

    @Test
    void searchFindsUsernameOrEmailSubstringsCaseInsensitivelyOrderedByUsername() {
        User bruno = users.create(new UserDraft("Bruno", "bruno@drachen.example")).join();
        User ana = users.create(new UserDraft("Ana Drachenfels", "ana@example.com")).join();
        users.create(new UserDraft("Carla", "carla@example.com")).join();

        List<User> found = users.search("DRACHE", 8).join();

        assertEquals(List.of(ana, bruno), found, "username hit and email hit, ordered by username");
        assertEquals(List.of(ana), users.search("drache", 1).join(), "the limit caps the answer");
    }

    @Test
    void searchTakesWildcardsLiterally() {
        users.create(new UserDraft("Ana", "ana@example.com")).join();
        User percent = users.create(new UserDraft("100%_sure", "sure@example.com")).join();

        assertEquals(List.of(percent), users.search("%_", 8).join());
        assertEquals(List.of(), users.search("   ", 8).join(), "a blank term finds nobody");
    }
}
