package com.storymimi.studio.service;

import com.storymimi.studio.model.Page;
import com.storymimi.studio.model.PageRequest;
import com.storymimi.studio.model.User;
import com.storymimi.studio.model.UserDraft;
import com.storymimi.studio.service.ServiceException.Reason;
import com.storymimi.studio.supabase.rest.Count;
import com.storymimi.studio.supabase.rest.Filter;
import com.storymimi.studio.supabase.rest.Like;
import com.storymimi.studio.supabase.rest.Order;
import com.storymimi.studio.supabase.rest.PostgrestClient;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static com.storymimi.studio.service.ServiceFailures.translated;

/** {@link UserService} over PostgREST's {@code users} table. */
public final class SupabaseUserService implements UserService {

    private static final String TABLE = "users";
    private static final String ID = "user_id";

    private final PostgrestClient rest;
    private final TrashMoves trash;

    public SupabaseUserService(PostgrestClient rest) {
        this.rest = Objects.requireNonNull(rest, "rest");
        this.trash = new TrashMoves(rest);
    }

    @Override
    public CompletableFuture<Page<User>> list(PageRequest page) {
        return translated(rest.from(TABLE).select("*")
                // user_id breaks ties so paging is stable when several users share a created_at.
                .order(Order.desc("created_at")).order(Order.asc(ID))
                .range(page.offset(), page.offset() + page.limit() - 1L)
                .count(Count.EXACT)
                .list(User.class)
                .thenApply(result -> new Page<>(result.body(), page,
                        result.total().orElse(page.offset() + (long) result.body().size()))));
    }

    @Override
    public CompletableFuture<Long> offsetOf(User user) {
        // The list's order: newer first, then user_id ascending among users created at the same instant.
        String created = user.createdAt().toString();
        return translated(rest.from(TABLE).select(ID).head().count(Count.EXACT)
                .filter(Filter.or(Filter.gt("created_at", created),
                        Filter.and(Filter.eq("created_at", created), Filter.lt(ID, user.userId()))))
                .list(User.class))
                .thenApply(result -> result.total().orElse(0));
    }

    @Override
    public CompletableFuture<Optional<User>> get(UUID userId) {
        return translated(rest.from(TABLE).select("*").filter(Filter.eq(ID, userId)).maybeSingle(User.class));
    }

    @Override
    public CompletableFuture<List<User>> search(String term, int limit) {
        if (limit < 1) {
            return CompletableFuture.failedFuture(new ServiceException(Reason.INVALID, "limit must be >= 1"));
        }
        String needle = term == null ? "" : term.strip();
        if (needle.isEmpty()) {
            return CompletableFuture.completedFuture(List.of());
        }
        Like pattern = Like.contains(needle);
        return translated(rest.from(TABLE).select("*")
                .filter(Filter.or(Filter.ilike("username", pattern), Filter.ilike("email", pattern)))
                .order(Order.asc("username")).order(Order.asc(ID))
                .range(0, limit - 1L)
                .list(User.class)
                .thenApply(result -> result.body()));
    }

    @Override
    public CompletableFuture<User> create(UserDraft draft) {
        return validated(draft).thenCompose(valid -> {
            Map<String, Object> row = columns(valid);
            row.put(ID, UUID.randomUUID());
            return translated(rest.from(TABLE).insert(row).returning().single(User.class));
        });
    }

    @Override
    public CompletableFuture<User> update(UUID userId, UserDraft draft) {
        return validated(draft).thenCompose(valid -> translated(
                rest.from(TABLE).update(columns(valid)).filter(Filter.eq(ID, userId)).returning().list(User.class)
                        .thenApply(rows -> rows.stream().findFirst().orElseThrow(() -> notFound(userId)))));
    }

    @Override
    public CompletableFuture<Void> delete(UUID userId) {
        return trash.move("user", userId);
    }

    private static CompletableFuture<UserDraft> validated(UserDraft draft) {
        if (!draft.isValid()) {
            return CompletableFuture.failedFuture(
                    new ServiceException(Reason.INVALID, "user draft is invalid: " + draft.problems()));
        }
        return CompletableFuture.completedFuture(draft);
    }

    private static Map<String, Object> columns(UserDraft draft) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("username", draft.username());
        row.put("email", draft.email());
        return row;
    }

    private static ServiceException notFound(UUID userId) {
        return new ServiceException(Reason.NOT_FOUND, "no user " + userId);
    }
}
