package com.storymimi.studio.ui.testing;

import com.storymimi.studio.model.Page;
import com.storymimi.studio.model.PageRequest;
import com.storymimi.studio.model.User;
import com.storymimi.studio.model.UserDraft;
import com.storymimi.studio.service.ServiceException;
import com.storymimi.studio.service.UserService;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A {@link UserService} over a list in memory, with the real service's rules that the UI depends on: newest
 * first, exact totals, DUPLICATE for a taken email (case-insensitive), NOT_FOUND for a missing user. With a
 * latency it answers on another thread, like a network would; with zero latency it answers at once.
 */
public final class InMemoryUserService implements UserService {

    /** The real service's order: newest first, then user_id as text (as PostgreSQL orders uuids). */
    private static final Comparator<User> LIST_ORDER = Comparator.comparing(User::createdAt).reversed()
            .thenComparing(user -> user.userId().toString());

    private final List<User> users = new ArrayList<>();
    private final Duration latency;
    private Instant clock = Instant.parse("2025-01-01T09:00:00Z");

    public InMemoryUserService(Duration latency) {
        this.latency = latency;
    }

    /** Adds {@code count} users named user1..userN, the last one newest. */
    public synchronized InMemoryUserService withUsers(int count) {
        for (int i = 1; i <= count; i++) {
            insert("user" + i, "user" + i + "@example.com");
        }
        return this;
    }

    public synchronized User insert(String username, String email) {
        clock = clock.plusSeconds(60);
        User user = new User(UUID.randomUUID(), username, email, clock);
        users.add(user);
        return user;
    }

    public synchronized List<User> all() {
        return List.copyOf(users);
    }

    @Override
    public CompletableFuture<Page<User>> list(PageRequest page) {
        return answer(() -> {
            synchronized (this) {
                List<User> newestFirst = users.stream().sorted(LIST_ORDER).toList();
                int from = Math.min(page.offset(), newestFirst.size());
                int to = Math.min(page.offset() + page.limit(), newestFirst.size());
                return new Page<>(newestFirst.subList(from, to), page, newestFirst.size());
            }
        });
    }

    @Override
    public CompletableFuture<Long> offsetOf(User user) {
        return answer(() -> {
            synchronized (this) {
                return users.stream().filter(other -> LIST_ORDER.compare(other, user) < 0).count();
            }
        });
    }

    @Override
    public CompletableFuture<Optional<User>> get(UUID userId) {
        return answer(() -> find(userId));
    }

    @Override
    public CompletableFuture<List<User>> search(String term, int limit) {
        String needle = term == null ? "" : term.strip().toLowerCase(Locale.ROOT);
        return answer(() -> {
            synchronized (this) {
                if (needle.isEmpty()) {
                    return List.of();
                }
                return users.stream()
                        .filter(u -> u.username().toLowerCase(Locale.ROOT).contains(needle)
                                || u.email().toLowerCase(Locale.ROOT).contains(needle))
                        .sorted(Comparator.comparing(User::username).thenComparing(User::userId))
                        .limit(limit)
                        .toList();
            }
        });
    }

    @Override
    public CompletableFuture<User> create(UserDraft draft) {
        return answer(() -> {
            synchronized (this) {
                check(draft, null);
                return insert(draft.username(), draft.email());
            }
        });
    }

    @Override
    public CompletableFuture<User> update(UUID userId, UserDraft draft) {
        return answer(() -> {
            synchronized (this) {
                User old = find(userId).orElseThrow(() -> notFound(userId));
                check(draft, userId);
                User updated = new User(userId, draft.username(), draft.email(), old.createdAt());
                users.set(users.indexOf(old), updated);
                return updated;
            }
        });
    }

    @Override
    public CompletableFuture<Void> delete(UUID userId) {
        return answer(() -> {
            synchronized (this) {
                User old = find(userId).orElseThrow(() -> notFound(userId));
                users.remove(old);
                return null;
            }
        });
    }

    private synchronized Optional<User> find(UUID userId) {
        return users.stream().filter(u -> u.userId().equals(userId)).findFirst();
    }

    private void check(UserDraft draft, UUID self) {
        if (!draft.isValid()) {
            throw new ServiceException(ServiceException.Reason.INVALID, "invalid draft: " + draft.problems());
        }
        String email = draft.email().toLowerCase(Locale.ROOT);
        boolean taken = users.stream().anyMatch(u -> !u.userId().equals(self)
                && u.email().toLowerCase(Locale.ROOT).equals(email));
        if (taken) {
            throw new ServiceException(ServiceException.Reason.DUPLICATE, "users_email_key: email already exists");
        }
    }

    private static ServiceException notFound(UUID userId) {
        return new ServiceException(ServiceException.Reason.NOT_FOUND, "no user " + userId);
    }

    private <T> CompletableFuture<T> answer(Supplier<T> work) {
        if (latency.isZero()) {
            try {
                return CompletableFuture.completedFuture(work.get());
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
        }
        Executor later = CompletableFuture.delayedExecutor(latency.toMillis(), TimeUnit.MILLISECONDS);
        return CompletableFuture.supplyAsync(work, later);
    }
}
