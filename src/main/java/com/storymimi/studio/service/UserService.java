package com.storymimi.studio.service;

import com.storymimi.studio.model.Page;
import com.storymimi.studio.model.PageRequest;
import com.storymimi.studio.model.User;
import com.storymimi.studio.model.UserDraft;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Users as editors manage them. Every method is asynchronous; failures complete the future with a
 * {@link ServiceException} whose {@link ServiceException.Reason} the UI turns into one sentence.
 */
public interface UserService {

    /** A page of users, newest first, with the exact total. */
    CompletableFuture<Page<User>> list(PageRequest page);

    CompletableFuture<Optional<User>> get(UUID userId);

    /** How many users come before {@code user} in {@link #list}'s order: its offset there, to page to it. */
    CompletableFuture<Long> offsetOf(User user);

    /**
     * Up to {@code limit} users whose username or email contains {@code term} (case-insensitive, taken
     * literally), ordered by username. A blank term finds nobody.
     */
    CompletableFuture<List<User>> search(String term, int limit);

    /** Creates a user with a client-generated id, so a retried create never makes a duplicate. */
    CompletableFuture<User> create(UserDraft draft);

    CompletableFuture<User> update(UUID userId, UserDraft draft);

    /** Moves the user with their stories and scenes to the trash (one transaction); restorable from there. */
    CompletableFuture<Void> delete(UUID userId);
}
