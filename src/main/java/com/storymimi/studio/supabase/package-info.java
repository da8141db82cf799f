/**
 * A generic Supabase client over {@code java.net.http} and Gson: {@link com.storymimi.studio.supabase.SupabaseClient}
 * gives PostgREST ({@code rest()}) and Auth ({@code auth()}); rows decode into whatever type the caller passes.
 *
 * <p>Layout: {@code http} holds the one pipeline (base URL, credentials, timeout, logging with redaction, retries,
 * error mapping), {@code rest} the immutable query builder and the filter encoder, {@code auth} sign-in and the
 * session, {@code error} the sealed exception hierarchy.
 *
 * <p>Wire decisions, kept in one place each:
 * <ul>
 *   <li>Query strings are percent-encoded strictly (everything but {@code A-Z a-z 0-9 - . _ ~}) by
 *       {@link com.storymimi.studio.supabase.http.QueryString}: {@code select=user_id%2Cusername}.</li>
 *   <li>PostgREST quoting lives in {@link com.storymimi.studio.supabase.rest.FilterEncoder}: top-level values
 *       verbatim, string elements of {@code in.(…)} and {@code or/and} trees always double-quoted.</li>
 *   <li>An empty {@code Filter.in} list is sent as {@code in.()} (matches nothing), so it composes with
 *       {@code not} and trees.</li>
 *   <li>{@code Like.contains/startsWith/endsWith} escape {@code % _ \} and drop {@code *}.</li>
 *   <li>Only GET/HEAD are retried (transport errors, 503, 520; 3 tries, 200 ms doubling plus jitter,
 *       {@code Retry-After} up to 10 s).</li>
 * </ul>
 */
package com.storymimi.studio.supabase;
