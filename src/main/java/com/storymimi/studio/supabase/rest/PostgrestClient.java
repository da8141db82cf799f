package com.storymimi.studio.supabase.rest;

import com.storymimi.studio.supabase.http.HttpPipeline;
import com.storymimi.studio.supabase.http.JsonCodec;
import com.storymimi.studio.supabase.http.QueryString;

import java.util.Map;

/** PostgREST ({@code /rest/v1}) in schema {@code public}: tables through {@link #from}, functions through {@link #rpc}. */
public final class PostgrestClient {

    static final String ROOT = "/rest/v1/";

    private final RestExecutor executor;

    public PostgrestClient(HttpPipeline pipeline, JsonCodec codec) {
        this.executor = new RestExecutor(pipeline, codec);
    }

    /** The table (or view) {@code table}, e.g. {@code from("users")}. */
    public PostgrestTable from(String table) {
        return new PostgrestTable(executor, ROOT + QueryString.encode(FilterEncoder.requireColumn(table)));
    }

    /**
     * A call of the Postgres function {@code fn} as {@code POST /rest/v1/rpc/fn} with {@code args} as a JSON
     * object of named arguments (nulls included); null or empty args send {@code {}}.
     */
    public RpcCall rpc(String fn, Map<String, ?> args) {
        String path = ROOT + "rpc/" + QueryString.encode(FilterEncoder.requireColumn(fn));
        return new RpcCall(executor, path, executor.codec().toJson(args == null ? Map.of() : args));
    }
}
