package com.storymimi.studio.supabase.storage;

/**
 * Where an upload, copy or move put an object.
 *
 * @param id       the object's id when the server sent one (TUS uploads do not)
 * @param path     the key inside the bucket
 * @param fullPath {@code bucket/key}, as Storage's {@code Key}
 */
public record ObjectRef(String id, String path, String fullPath) {
}
