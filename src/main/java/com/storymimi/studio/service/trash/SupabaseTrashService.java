package com.storymimi.studio.service.trash;

import com.storymimi.studio.model.MediaRef;
import com.storymimi.studio.model.TrashItem;
import com.storymimi.studio.model.TrashKind;
import com.storymimi.studio.service.MediaRemoval;
import com.storymimi.studio.service.ServiceException;
import com.storymimi.studio.service.ServiceException.Reason;
import com.storymimi.studio.service.ServiceFailures;
import com.storymimi.studio.service.TrashContents;
import com.storymimi.studio.supabase.rest.Filter;
import com.storymimi.studio.supabase.rest.MutationQuery;
import com.storymimi.studio.supabase.rest.Order;
import com.storymimi.studio.supabase.rest.PostgrestClient;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static com.storymimi.studio.service.ServiceFailures.translated;

/**
 * {@link TrashService} over PostgREST: the {@code trash} table for reading and deleting for good, the
 * {@code restore_trash} function (one transaction) for the way back.
 */
public final class SupabaseTrashService implements TrashService {

    static final String TABLE = "trash";
    static final String LIST_COLUMNS = "trash_id,kind,item_id,label,parent_id,parent_label,story_count,scene_count,"
            + "deleted_by,deleted_by_email,deleted_at";
    /** Item ids per delete request: 40 UUIDs keep the request line under 2 kB. */
    private static final int IDS_PER_REQUEST = 40;
    /** URLs per in-use check: two lists of ten ~150-character URLs stay under 4 kB. */
    private static final int URLS_PER_REQUEST = 10;

    /** A trash row as PostgREST sends it; kind is lower case on the wire. */
    record TrashRow(UUID trashId, String kind, UUID itemId, String label, UUID parentId, String parentLabel,
                    int storyCount, int sceneCount, UUID deletedBy, String deletedByEmail, Instant deletedAt) {

        TrashItem item() {
            return new TrashItem(trashId, TrashKind.valueOf(kind.toUpperCase(Locale.ROOT)), itemId, label, parentId,
                    parentLabel, storyCount, sceneCount, deletedBy, deletedByEmail, deletedAt);
        }
    }

    private final PostgrestClient rest;
    private final MediaRemoval removal;

    public SupabaseTrashService(PostgrestClient rest, MediaRemoval removal) {
        this.rest = Objects.requireNonNull(rest, "rest");
        this.removal = Objects.requireNonNull(removal, "removal");
    }

    @Override
    public CompletableFuture<List<TrashItem>> list(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be >= 1: " + limit);
        }
        return translated(rest.from(TABLE).select(LIST_COLUMNS).order(Order.desc("deleted_at"))
                .order(Order.desc("trash_id")).limit(limit).list(TrashRow.class))
                .thenApply(result -> result.body().stream().map(TrashRow::item).toList());
    }

    @Override
    public CompletableFuture<TrashItem> restore(UUID trashId) {
        Objects.requireNonNull(trashId, "trashId");
        return translated(rest.rpc("restore_trash", Map.of("p_trash_id", trashId)).value(TrashRow.class))
                .thenApply(TrashRow::item);
    }

    /** A row's id, to see whether it is back. */
    private record RowId(UUID id) {
    }

    @Override
    public CompletableFuture<Void> restoreLatest(TrashKind kind, UUID itemId) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(itemId, "itemId");
        return translated(rest.from(TABLE).select("trash_id").filter(Filter.eq("item_id", itemId))
                .order(Order.desc("deleted_at")).limit(1).list(TrashRow.class))
                .thenCompose(found -> found.body().isEmpty()
                        ? backAlready(kind, itemId, new ServiceException(Reason.NOT_FOUND, "nothing in the trash for " + itemId))
                        : restore(found.body().getFirst().trashId()).<Void>thenApply(item -> null)
                                .exceptionallyCompose(failure -> {
                                    ServiceException cause = ServiceFailures.translate(failure);
                                    return cause.reason() == Reason.NOT_FOUND || cause.reason() == Reason.UNAVAILABLE
                                            || cause.reason() == Reason.FAILED
                                            ? backAlready(kind, itemId, cause) : CompletableFuture.failedFuture(cause);
                                }));
    }

    /** Done when the row is in its table again (restored by an earlier attempt); else the given failure. */
    private CompletableFuture<Void> backAlready(TrashKind kind, UUID itemId, ServiceException otherwise) {
        String table = switch (kind) {
            case USER -> "users";
            case STORY -> "stories";
            case SCENE -> "scenes";
            case IMAGE, AUDIO -> throw new IllegalArgumentException("media is put back through the media service");
        };
        String id = kind.name().toLowerCase(Locale.ROOT) + "_id";
        return translated(rest.from(table).select("id:" + id).filter(Filter.eq(id, itemId)).list(RowId.class))
                .handle((found, failure) -> {
                    if (failure != null || found.body().isEmpty()) {
                        throw otherwise;
                    }
                    return null;
                });
    }

    @Override
    public CompletableFuture<Integer> deleteForever(List<UUID> trashIds) {
        List<UUID> ids = List.copyOf(trashIds);
        CompletableFuture<Integer> deleted = CompletableFuture.completedFuture(0);
        for (int from = 0; from < ids.size(); from += IDS_PER_REQUEST) {
            List<UUID> chunk = ids.subList(from, Math.min(ids.size(), from + IDS_PER_REQUEST));
            deleted = deleted.thenCompose(sum -> removeFor(rest.from(TABLE).delete().filter(Filter.in("trash_id", chunk)))
                    .thenApply(count -> sum + count));
        }
        return deleted;
    }

    @Override
    public CompletableFuture<Integer> purgeDeletedBefore(Instant cutoff) {
        Objects.requireNonNull(cutoff, "cutoff");
        return removeFor(rest.from(TABLE).delete().filter(Filter.lt("deleted_at", cutoff)));
    }

    /**
     * Runs the delete returning the rows, then removes their media, except objects a scene names again (a kept
     * image that someone set back by hand); completes with the number of items.
     */
    private CompletableFuture<Integer> removeFor(MutationQuery delete) {
        return translated(delete.returning(TrashContents.COLUMNS).list(TrashContents.class))
                .thenCompose(items -> {
                    List<String> urls = items.stream().flatMap(item -> item.urls().stream()).distinct().toList();
                    return inUse(urls).thenCompose(used -> removal.removeQuietly(items.stream()
                                    .flatMap(item -> item.objects().stream())
                                    .filter(object -> !used.contains(object)).distinct().toList()))
                            .thenApply(done -> items.size());
                });
    }

    /** A scene's URL columns, to see which kept URLs are in use again. */
    private record SceneUrls(String imageUrl, String audioUrl) {
    }

    /** The objects among {@code urls} that a scene names as its image or narration. */
    private CompletableFuture<Set<MediaRef>> inUse(List<String> urls) {
        CompletableFuture<Set<MediaRef>> used = CompletableFuture.completedFuture(new HashSet<>());
        for (int from = 0; from < urls.size(); from += URLS_PER_REQUEST) {
            List<String> chunk = urls.subList(from, Math.min(urls.size(), from + URLS_PER_REQUEST));
            used = used.thenCompose(found -> translated(rest.from("scenes").select("image_url,audio_url")
                    .filter(Filter.or(Filter.in("image_url", chunk), Filter.in("audio_url", chunk))).list(SceneUrls.class))
                    .thenApply(result -> {
                        result.body().forEach(scene -> java.util.stream.Stream.of(scene.imageUrl(), scene.audioUrl())
                                .filter(chunk::contains)
                                .forEach(url -> MediaRef.fromPublicUrl(url).ifPresent(found::add)));
                        return found;
                    }));
        }
        return used;
    }
}
