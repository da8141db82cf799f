package com.storymimi.studio.service;

import com.storymimi.studio.model.Scene;
import com.storymimi.studio.supabase.SupabaseClient;
import com.storymimi.studio.supabase.rest.Filter;

import java.util.List;
import java.util.UUID;

/** What the trash keeps, read straight from the trash table, for tests that check a delete kept everything. */
final class TrashRows {

    private record Item(Rows rows) {
    }

    private record Rows(List<Scene> scenes) {
    }

    private TrashRows() {
    }

    /** The scenes kept by every trash item of this user, story or scene. */
    static List<Scene> scenesOf(SupabaseClient client, UUID itemId) {
        return client.rest().from("trash").select("rows").filter(Filter.eq("item_id", itemId)).list(Item.class).join()
                .body().stream().flatMap(item -> item.rows().scenes().stream()).toList();
    }
}
