package com.storymimi.studio.local.storage;

import java.util.regex.Pattern;

/**
 * Storage's rules for object keys and bucket names: the allowed ASCII set, and no way out of the bucket
 * directory (no NUL, no absolute or drive paths, no '.' or '..' segments).
 */
final class ObjectKeys {

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_/!.*'() &$=@;:+,?-]+");
    private static final Pattern BUCKET = Pattern.compile("[A-Za-z0-9_!.*'() &$=@;:+,?-]{1,100}");

    private ObjectKeys() {
    }

    static String requireValidKey(String key) {
        if (key.isEmpty() || !KEY.matcher(key).matches() || key.startsWith("/") || key.endsWith("/") || key.matches("^[A-Za-z]:.*")) {
            throw StorageException.invalidKey(key);
        }
        for (String segment : key.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                throw StorageException.invalidKey(key);
            }
        }
        return key;
    }

    static String requireValidBucket(String bucket) {
        if (!BUCKET.matcher(bucket).matches() || bucket.equals(".") || bucket.equals("..")
                || !bucket.equals(bucket.strip())) {
            throw StorageException.of("400", "InvalidBucketName", "Invalid Input", "Bucket name invalid");
        }
        return bucket;
    }
}
