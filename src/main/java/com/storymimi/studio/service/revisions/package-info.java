/**
 * Revisions: the history of a story (its columns, its scenes, its scene order) that the database records with
 * every save, and restoring a revision by saving its values again through the entity services.
 */
package com.storymimi.studio.service.revisions;
