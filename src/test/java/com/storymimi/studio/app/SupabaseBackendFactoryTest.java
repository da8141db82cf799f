package com.storymimi.studio.app;

import com.storymimi.studio.local.LocalSandbox;
import com.storymimi.studio.local.SandboxOptions;
import com.storymimi.studio.model.ConnectionProfile;
import com.storymimi.studio.model.Credentials;
import com.storymimi.studio.model.PageRequest;
import com.storymimi.studio.ui.connect.SignInPrompt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A Supabase project profile (here: a sandbox reached by URL and anon key, as any project would be). */
class SupabaseBackendFactoryTest {

    @TempDir
    Path dir;

    private LocalSandbox project;
    private ConnectionProfile profile;
    private ScriptedPrompt prompt;

    @BeforeEach
    void startProject() throws Exception {
        project = LocalSandbox.start(new SandboxOptions(dir.resolve("project"), 0, true));
        profile = ConnectionProfile.supabase("staging", "Staging", project.baseUrl(), project.anonKey());
        prompt = new ScriptedPrompt();
    }

    @AfterEach
    void stopProject() {
        project.close();
    }

    private SupabaseBackendFactory factory() {
        return new SupabaseBackendFactory(dir.resolve("sandbox"), dir.resolve("media"), dir.resolve("sessions"),
                prompt, Clock.systemUTC());
    }

    @Test
    void aWrongPasswordIsAskedAgainAndTheEditorThenSeesTheCatalogue() throws Exception {
        prompt.answers.add(Optional.of(new Credentials(project.editorEmail(), "not the password")));
        prompt.answers.add(Optional.of(new Credentials(project.editorEmail(), project.editorPassword())));

        try (Backend backend = factory().open(profile)) {
            assertEquals(List.of(false, true), prompt.wrongBeforeFlags, "the second question says the first was refused");
            assertEquals(6, backend.users().list(PageRequest.first(50)).join().total(), "signed in: policies let the editor read");
        }
    }

    @Test
    void theSessionIsKeptOwnerOnlyAndReusedWithoutAskingAgain() throws Exception {
        prompt.answers.add(Optional.of(new Credentials(project.editorEmail(), project.editorPassword())));
        factory().open(profile).close();
        Path session = dir.resolve("sessions/staging.json");

        try (Backend again = factory().open(profile)) {
            assertEquals(1, prompt.wrongBeforeFlags.size(), "no second sign-in");
            assertEquals(6, again.users().list(PageRequest.first(50)).join().total());
        }
        assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                Files.getPosixFilePermissions(session));
        assertFalse(Files.readString(session).contains(project.editorPassword()), "the password is never stored");
    }

    @Test
    void cancellingTheSignInEndsTheConnectionAttempt() {
        prompt.answers.add(Optional.empty());

        assertThrows(CancellationException.class, () -> factory().open(profile));
    }

    /** Answers the sign-in questions from a script and records how each was asked. */
    private static final class ScriptedPrompt implements SignInPrompt {
        final Deque<Optional<Credentials>> answers = new ArrayDeque<>();
        final List<Boolean> wrongBeforeFlags = new ArrayList<>();

        @Override
        public CompletableFuture<Optional<Credentials>> ask(String projectName, boolean wrongBefore) {
            wrongBeforeFlags.add(wrongBefore);
            return CompletableFuture.completedFuture(answers.isEmpty() ? Optional.empty() : answers.poll());
        }
    }
}
