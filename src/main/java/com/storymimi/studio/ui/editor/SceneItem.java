package com.storymimi.studio.ui.editor;

import com.storymimi.studio.model.Scene;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import java.nio.file.Path;
import java.util.UUID;

/**
 * One entry of the scene strip: the scene as last confirmed by the server, its thumbnail (a local copy of the
 * image, loaded lazily) and whether its text has changes the server has not confirmed yet.
 */
public final class SceneItem {

    private final UUID sceneId;
    private final ReadOnlyObjectWrapper<Scene> scene = new ReadOnlyObjectWrapper<>(this, "scene");
    private final ReadOnlyObjectWrapper<Path> thumbnail = new ReadOnlyObjectWrapper<>(this, "thumbnail");
    private final ReadOnlyBooleanWrapper unsaved = new ReadOnlyBooleanWrapper(this, "unsaved");
    private final ReadOnlyDoubleWrapper uploadProgress = new ReadOnlyDoubleWrapper(this, "uploadProgress", -1);
    private String thumbnailOf;

    SceneItem(Scene scene) {
        this.sceneId = scene.sceneId();
        this.scene.set(scene);
    }

    public UUID sceneId() {
        return sceneId;
    }

    public Scene scene() {
        return scene.get();
    }

    void update(Scene newer) {
        scene.set(newer);
    }

    /** True when the thumbnail must be (re)loaded for the scene's current image URL; remembers the request. */
    boolean needsThumbnail() {
        String url = scene.get().imageUrl();
        if (url == null) {
            thumbnail.set(null);
            thumbnailOf = null;
            return false;
        }
        if (url.equals(thumbnailOf)) {
            return false;
        }
        thumbnailOf = url;
        return true;
    }

    /** The image was replaced under the same URL: load the thumbnail again. */
    void forgetThumbnail() {
        thumbnailOf = null;
    }

    void showThumbnail(Path path) {
        thumbnail.set(null); // a replaced image may come back under the same path: listeners must still hear it
        thumbnail.set(path);
    }

    void markUnsaved(boolean value) {
        unsaved.set(value);
    }

    /** A file dropped on the strip is on its way to this scene: 0..1; -1 when none is. */
    void uploadProgress(double fraction) {
        uploadProgress.set(fraction);
    }

    public ReadOnlyDoubleProperty uploadProgressProperty() {
        return uploadProgress.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Scene> sceneProperty() {
        return scene.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Path> thumbnailProperty() {
        return thumbnail.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty unsavedProperty() {
        return unsaved.getReadOnlyProperty();
    }
}
