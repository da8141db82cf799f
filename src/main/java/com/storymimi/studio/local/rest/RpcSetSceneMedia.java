package com.storymimi.studio.local.rest;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.storymimi.studio.local.db.ColumnType;
import com.storymimi.studio.local.db.DatabaseError;
import com.storymimi.studio.local.db.PgTimestamps;
import com.storymimi.studio.local.http.QueryParam;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code set_scene_media(p_scene_id uuid, p_kind text, p_url text, p_expected_updated_at timestamptz) returns
 * jsonb}: the scene's image or narration URL changes and the one it replaces goes to the trash, in one
 * transaction. 22023 for a kind other than image/audio, PT404 no such scene, PT409 changed since it was loaded.
 */
final class RpcSetSceneMedia implements RpcFunction {

    @Override
    public String name() {
        return "set_scene_media";
    }

    @Override
    public List<String> parameters() {
        return List.of("p_scene_id", "p_kind", "p_url", "p_expected_updated_at");
    }

    @Override
    public Set<String> required() {
        return Set.copyOf(parameters());
    }

    @Override
    public boolean writes() {
        return true;
    }

    @Override
    public String readOnlyError() {
        return "cannot execute SELECT FOR UPDATE in a read-only transaction";
    }

    @Override
    public Result call(Connection connection, Map<String, JsonElement> args, Context context) throws SQLException {
        String raw = RpcArguments.text(args.get("p_scene_id"));
        String sceneId = raw == null ? null : (String) ColumnType.UUID.parseText(raw);
        String kind = RpcArguments.text(args.get("p_kind"));
        String url = RpcArguments.text(args.get("p_url"));
        String rawExpected = RpcArguments.text(args.get("p_expected_updated_at"));
        String expected = rawExpected == null ? null : PgTimestamps.parse(rawExpected);
        if (!SceneMedia.isKind(kind)) {
            throw new DatabaseError("22023", "p_kind must be 'image' or 'audio'");
        }
        List<JsonObject> found = sceneId == null || !context.grants().selectRows() ? List.of()
                : TrashItems.rows(connection, context.catalog(), "scenes",
                        List.of(new QueryParam("scene_id", "eq." + sceneId)));
        if (found.isEmpty()) {
            throw new DatabaseError("PT404", "scene not found",
                    "No scene with scene_id " + (sceneId == null ? "" : sceneId) + " is visible.", null);
        }
        JsonObject scene = found.getFirst();
        String updatedAt = PgTimestamps.parse(TrashItems.text(scene, "updated_at"));
        if (expected != null && !expected.equals(updatedAt)) {
            throw new DatabaseError("PT409", "scene changed since it was loaded", null, "Reload the scene and try again.");
        }
        return new Result.Scalar(SceneMedia.put(connection, context.catalog(), context.caller(), scene, kind, url)
                .toString());
    }
}
