package com.storymimi.studio.local.rest;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.storymimi.studio.local.auth.AccessPolicy;
import com.storymimi.studio.local.auth.Role;
import com.storymimi.studio.local.db.Catalog;
import com.storymimi.studio.local.db.Database;
import com.storymimi.studio.local.db.DatabaseError;
import com.storymimi.studio.local.db.SqlWork;
import com.storymimi.studio.local.http.QueryParam;
import com.storymimi.studio.local.http.Request;
import com.storymimi.studio.local.http.Response;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code /rpc/<fn>}: resolves the function by name and argument names (PGRST202 otherwise), runs it in one
 * transaction (a write transaction for volatile functions, which GET may not call), and shapes the result
 * like PostgREST: a scalar as is, a row set through the same select/filter/order/range/embed pipeline as a
 * table read.
 */
final class RpcExecutor {

    private final Database database;
    private final Catalog catalog;
    private final ReadExecutor reads;
    private final Map<String, RpcFunction> functions;

    RpcExecutor(Database database, Catalog catalog, ReadExecutor reads) {
        this.database = database;
        this.catalog = catalog;
        this.reads = reads;
        this.functions = List.of(new RpcCreateStoryWithScenes(), new RpcReorderScenes(), new RpcSearchStories(),
                        new RpcStoryStatusCounts(), new RpcTrashItem(RpcTrashItem.Kind.USER),
                        new RpcTrashItem(RpcTrashItem.Kind.STORY), new RpcTrashItem(RpcTrashItem.Kind.SCENE),
                        new RpcRestoreTrash(), new RpcSetStoryStatus(), new RpcTrashStories(),
                        new RpcSetSceneMedia()).stream()
                .collect(Collectors.toMap(RpcFunction::name, Function.identity()));
    }

    Response call(Request request, String name, Role role, RpcFunction.Caller caller, boolean singleObject, List<QueryParam> params,
                  byte[] body) throws SQLException {
        boolean get = body == null;
        RpcFunction function = functions.get(name);
        JsonObject args = get ? new JsonObject() : bodyArguments(body);
        List<QueryParam> rest = new ArrayList<>();
        for (QueryParam param : params) {
            if (get && function != null && function.parameters().contains(param.key())) {
                args.add(param.key(), new JsonPrimitive(param.value()));
            } else {
                rest.add(param);
            }
        }
        if (function == null || !function.parameters().containsAll(args.keySet())
                || !args.keySet().containsAll(function.required())) {
            throw notFound(name, function, args, get);
        }
        if (get && function.writes()) {
            throw new PostgrestException(405, "25006", function.readOnlyError(), null, null);
        }
        QueryAst query = QueryStringParser.parse(rest);
        Preferences preferences = Preferences.parse(request.headers("Prefer"));
        Optional<RangeHeaders.Requested> range = RangeHeaders.parse(request.header("Range"));
        RpcFunction.Context context = new RpcFunction.Context(catalog, AccessPolicy.grantsFor(role), caller);
        Map<String, JsonElement> arguments = args.asMap();
        SqlWork<Response> work = connection -> switch (function.call(connection, arguments, context)) {
            case RpcFunction.Result.Scalar scalar -> scalar(function, query, scalar.json());
            case RpcFunction.Result.Rows rows -> {
                requireSelected(query, rows.shape().foreignKeys().isEmpty() && rows.shape().uniqueKeys().isEmpty()
                        ? "record" : rows.shape().name());
                yield reads.readOn(connection, new RestRequest(rows.shape(), rows.source(), true, catalog, query,
                        preferences, singleObject, role, range, caller));
            }
        };
        return function.writes() ? RequestCaller.write(database, caller, work) : database.read(work);
    }

    /**
     * PostgREST 12 filters and orders a function's rows after projecting them, so with an explicit column
     * list a filter or order on a column outside it fails (a quirk the sandbox keeps for parity).
     */
    private static void requireSelected(QueryAst query, String relation) {
        if (query.select().stream().anyMatch(item -> item instanceof SelectItem.Star)) {
            return;
        }
        java.util.Set<String> selected = new java.util.HashSet<>();
        query.select().forEach(item -> {
            if (item instanceof SelectItem.Field field) {
                selected.add(field.column());
            }
        });
        List<String> used = new ArrayList<>();
        query.filters().forEach(filter -> collectColumns(filter, used));
        query.order().forEach(order -> used.add(order.column()));
        used.stream().filter(c -> !selected.contains(c)).findFirst().ifPresent(c -> {
            throw new DatabaseError("42703", "column " + relation + "." + c + " does not exist");
        });
    }

    private static void collectColumns(Condition condition, List<String> out) {
        switch (condition) {
            case Condition.Comparison c -> out.add(c.column());
            case Condition.Logical l -> l.children().forEach(child -> collectColumns(child, out));
        }
    }

    private static Response scalar(RpcFunction function, QueryAst query, String json) {
        for (SelectItem item : query.select()) {
            if (item instanceof SelectItem.Field field) {
                throw new DatabaseError("42703", "column " + function.name() + "." + field.column() + " does not exist");
            }
        }
        return Response.json(200, json).header("Content-Range", "0-0/*");
    }

    private static JsonObject bodyArguments(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        if (text.isBlank()) {
            return new JsonObject();
        }
        try {
            JsonElement json = JsonParser.parseString(text);
            if (json.isJsonArray() && !json.getAsJsonArray().isEmpty() && json.getAsJsonArray().get(0).isJsonObject()) {
                return json.getAsJsonArray().get(0).getAsJsonObject();
            }
            if (json.isJsonObject()) {
                return json.getAsJsonObject();
            }
        } catch (RuntimeException e) {
            // reported below, like any other unreadable body
        }
        throw PostgrestException.invalidBody("Empty or invalid json");
    }

    private static PostgrestException notFound(String name, RpcFunction function, JsonObject args, boolean get) {
        TreeSet<String> given = new TreeSet<>(args.keySet());
        String qualified = "public." + name;
        String jsonParam = get ? "" : " or with a single unnamed json/jsonb parameter";
        String message;
        String searched;
        if (given.isEmpty()) {
            message = "Could not find the function " + qualified + " without parameters in the schema cache";
            searched = " without parameters";
        } else {
            message = "Could not find the function " + qualified + "(" + String.join(", ", given) + ") in the schema cache";
            searched = " with parameter" + (given.size() > 1 ? "s " : " ") + String.join(", ", given);
        }
        String hint = null;
        String known = function == null ? "" : String.join(", ", new TreeSet<>(function.parameters()));
        if (function != null && !given.isEmpty() && resembles(String.join(", ", given), known)) {
            hint = "Perhaps you meant to call the function " + qualified + "(" + known + ")";
        }
        return new PostgrestException(404, "PGRST202", message, "Searched for the function " + qualified + searched
                + jsonParam + ", but no matches were found in the schema cache.", hint);
    }

    /**
     * PostgREST 12 suggests a function when its parameter list resembles the one given: a fuzzy match with a
     * Levenshtein score, 1 - distance / longer length, of at least a third (observed: "p_story_id" does not
     * resemble "p_expected_ids, p_scene_ids, p_story_id" at 0.26, "max_results" resembles
     * "max_results, result_offset, term" at 0.34).
     */
    static boolean resembles(String given, String known) {
        int longer = Math.max(given.length(), known.length());
        return longer > 0 && 1.0 - (double) levenshtein(given, known) / longer >= 1.0 / 3;
    }

    private static int levenshtein(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
