package com.storymimi.studio.service;

import com.storymimi.studio.model.Page;
import com.storymimi.studio.model.PageRequest;
import com.storymimi.studio.model.User;
import com.storymimi.studio.model.UserDraft;

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

    /** Creates a user with a client-generated id, so a retried create never makes a duplicate. */
    CompletableFuture<User> create(UserDraft draft);

    CompletableFuture<User> update(UUID userId, UserDraft draft);

    /** Deletes the user (their stories and scenes go with them: ON DELETE CASCADE). */
    CompletableFuture<Void> delete(UUID userId);
}
