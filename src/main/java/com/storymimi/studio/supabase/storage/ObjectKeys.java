package com.storymimi.studio.supabase.storage;

import com.storymimi.studio.supabase.http.QueryString;

import java.util.regex.Pattern;

/**
 * The one place where object keys and bucket names are checked and put into URL paths (protocol doc B9).
 * Keys Storage would refuse (non-ASCII, {@code % # " \ [] {} <> | ~}, {@code .} or {@code ..} segments, empty
 * segments, a leading or trailing {@code /}) fail here with an {@link IllegalArgumentException}, before any
 * request. Each segment is percent-encoded on its own: {@code /} stays, a space becomes {@code %20} (never
 * {@code +}), and {@code + ? & = ; : , $ @} are encoded too.
 */
public final class ObjectKeys {

    private static final Pattern KEY_CHARS = Pattern.compile("[A-Za-z0-9_/!.*'() &$=@;:+,?-]+");
    private static final Pattern BUCKET_CHARS = Pattern.compile("[A-Za-z0-9_!.*'() &$=@;:+,?-]{1,100}");

    private ObjectKeys() {
    }

    /** Returns {@code key} unchanged when Storage accepts it; otherwise says what is wrong with it. */
    public static String requireValidKey(String key) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("An object key must not be empty");
        }
        if (!KEY_CHARS.matcher(key).matches()) {
            throw new IllegalArgumentException("Object key \"" + key + "\" has characters Storage refuses; use "
                    + "ASCII letters, digits and _ / ! . * ' ( ) space & $ = @ ; : + , ? - only");
        }
        if (key.startsWith("/") || key.endsWith("/")) {
            throw new IllegalArgumentException("Object key \"" + key + "\" must not start or end with '/'");
        }
        for (String segment : key.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw new IllegalArgumentException("Object key \"" + key + "\" has an empty, '.' or '..' segment");
            }
        }
        return key;
    }

    /** Returns {@code bucket} unchanged when it is a valid bucket name (the key set without '/', 1-100 chars). */
    public static String requireValidBucket(String bucket) {
        if (bucket == null || !BUCKET_CHARS.matcher(bucket).matches() || bucket.equals(".") || bucket.equals("..")
                || !bucket.equals(bucket.strip())) {
            throw new IllegalArgumentException("Invalid bucket name: \"" + bucket + "\"");
        }
        return bucket;
    }

    /** The key as URL path: each segment percent-encoded, joined by '/'. The key must be valid. */
    public static String encode(String key) {
        StringBuilder out = new StringBuilder(key.length() + 16);
        for (String segment : requireValidKey(key).split("/", -1)) {
            if (!out.isEmpty()) {
                out.append('/');
            }
            out.append(QueryString.encode(segment));
        }
        return out.toString();
    }

    /** {@code bucket/key} as URL path, both checked and encoded. */
    static String encodePath(String bucket, String key) {
        return QueryString.encode(requireValidBucket(bucket)) + "/" + encode(key);
    }
}
