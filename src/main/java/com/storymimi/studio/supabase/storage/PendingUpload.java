package com.storymimi.studio.supabase.storage;

import java.nio.file.Path;

/**
 * A resumable upload left unfinished (paused, failed or interrupted by quitting), as found in the state
 * directory by {@link ResumableUploads#pending()}.
 *
 * @param fileChanged the file's size or modification time differ from when the upload began; such an upload
 *                    cannot be resumed, only cancelled
 */
public record PendingUpload(String id, Path file, String bucket, String key, long size, long offset,
                            boolean fileChanged) {
}
