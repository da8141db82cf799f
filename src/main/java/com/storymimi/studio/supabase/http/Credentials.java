package com.storymimi.studio.supabase.http;

/** Which bearer token the pipeline puts into {@code Authorization}. */
public enum Credentials {
    /** The signed-in session's access token, or the project key when nobody is signed in (supabase-js default). */
    SESSION_OR_KEY,
    /** Always the project key, e.g. for signing in, where a stale session token must not be sent. */
    API_KEY
}
