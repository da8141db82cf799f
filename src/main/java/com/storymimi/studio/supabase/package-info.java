/**
 * A generic Supabase client over {@code java.net.http} and Gson: {@link com.storymimi.studio.supabase.SupabaseClient}
 * gives PostgREST ({@code rest()}), Storage ({@code storage()}) and Auth ({@code auth()}); rows decode into
 * whatever type the caller passes.
 *
 * <p>Layout: {@code http} holds the one pipeline (base URL, credentials, timeout, logging with redaction, retries,
 * error mapping, session refresh, cancellation), {@code rest} the immutable query builder and the filter encoder,
 * {@code storage} buckets, objects, signed URLs and TUS uploads, {@code auth} sign-in, refresh and the session
 * stores, {@code error} the sealed exception hierarchy.
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
 *   <li>Retried (transport errors, 503, 520; 3 tries, 200 ms doubling plus jitter, {@code Retry-After} up to
 *       10 s): GET, HEAD, PUT, DELETE and POSTs marked {@code ApiRequest.idempotent()} (Storage list and sign
 *       are marked). Other POSTs and PATCH never; a TUS PATCH is resent only after HEAD re-read the offset.</li>
 *   <li>Cancelling any returned future aborts the exchange in flight ({@code sendAsync} future cancelled) and
 *       stops further retries or replays.</li>
 *   <li>Storage keys are checked and encoded per segment in {@code storage.ObjectKeys} only: space as
 *       {@code %20}, {@code + ? & = ; : , $ @} encoded, non-ASCII and empty/dot segments refused locally.</li>
 *   <li>Sessions refresh 90 s before expiry (local receipt time + {@code expires_in}), one refresh in flight;
 *       an expired-token answer (PostgREST 401 PGRST301/303, Storage "403" about {@code exp}, GoTrue 403
 *       {@code bad_jwt}) refreshes once and replays once; a refused refresh clears the session.</li>
 *   <li>Uploads above 6 MiB go through TUS in 6 MiB chunks; smaller ones are one streamed request.</li>
 * </ul>
 */
package com.storymimi.studio.supabase;
