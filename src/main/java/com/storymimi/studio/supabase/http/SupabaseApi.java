package com.storymimi.studio.supabase.http;

/** Which Supabase service a request is for; it decides how an error body is read. */
public enum SupabaseApi {
    REST, STORAGE, AUTH
}
