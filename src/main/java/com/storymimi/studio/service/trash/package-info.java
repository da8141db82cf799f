/**
 * The trash: listing what editors deleted, restoring it, deleting it for good (with its media) and purging by age.
 * Deleting itself is each entity service's delete, which moves rows here through the trash_* functions.
 */
package com.storymimi.studio.service.trash;
