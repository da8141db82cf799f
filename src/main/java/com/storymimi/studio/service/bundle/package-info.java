/**
 * Story bundles: one or more stories with their scenes and media as a single {@code .storymimi} file (a zip with a
 * versioned {@code manifest.json} and the media, checksummed), to move stories between projects or keep a copy.
 * {@link com.storymimi.studio.service.bundle.BundleService} is the room's door; the service layer knows nothing else
 * of it, and only the app builds {@link com.storymimi.studio.service.bundle.SupabaseBundleService}.
 */
package com.storymimi.studio.service.bundle;
