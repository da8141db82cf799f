package com.storymimi.studio.ui.connect;

import com.storymimi.studio.model.Credentials;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Asks the editor to sign in to a Supabase project. */
public interface SignInPrompt {

    /**
     * @param projectName  the profile's name, shown in the question
     * @param wrongBefore  whether the last attempt was refused (the prompt says so)
     * @return the credentials, or empty when the editor cancelled; completes on the FX thread's schedule, so
     *         callers off the FX thread may wait for it
     */
    CompletableFuture<Optional<Credentials>> ask(String projectName, boolean wrongBefore);
}
