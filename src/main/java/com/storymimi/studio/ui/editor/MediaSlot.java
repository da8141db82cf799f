package com.storymimi.studio.ui.editor;

import com.storymimi.studio.model.MediaKind;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.nio.file.Path;

/**
 * What one drop zone shows for the selected scene: the local copy of its image or narration (null when it
 * has none), whether it is being fetched or uploaded, the upload's progress (0..1) and the last refusal or
 * failure as one sentence.
 */
public final class MediaSlot {

    private final MediaKind kind;
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>(this, "file");
    private final ReadOnlyStringWrapper fileName = new ReadOnlyStringWrapper(this, "fileName", "");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyBooleanWrapper uploading = new ReadOnlyBooleanWrapper(this, "uploading");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper present = new ReadOnlyBooleanWrapper(this, "present");
    private final BooleanBinding busy = Bindings.or(loading, uploading);

    MediaSlot(MediaKind kind) {
        this.kind = kind;
    }

    public MediaKind kind() {
        return kind;
    }

    void clear(boolean scenePresent, String name) {
        file.set(null);
        present.set(scenePresent);
        fileName.set(name);
        loading.set(false);
        uploading.set(false);
        progress.set(0);
        message.set("");
    }

    void loading(boolean value) {
        loading.set(value);
    }

    void loaded(Path path) {
        loading.set(false);
        file.set(path);
    }

    void uploadStarted() {
        message.set("");
        progress.set(0);
        uploading.set(true);
    }

    void progress(double fraction) {
        progress.set(Math.max(0, Math.min(1, fraction)));
    }

    void uploadEnded() {
        uploading.set(false);
    }

    void say(String sentence) {
        message.set(sentence);
    }

    /** The local copy to preview or play; null while there is none (or it is still being fetched). */
    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file.getReadOnlyProperty();
    }

    /** The stored object's name ("…/3f2a.wav" → "3f2a.wav"); empty when the scene has none. */
    public ReadOnlyStringProperty fileNameProperty() {
        return fileName.getReadOnlyProperty();
    }

    /** True when the scene has this medium (even while its local copy is still loading). */
    public ReadOnlyBooleanProperty presentProperty() {
        return present.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty uploadingProperty() {
        return uploading.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** A refusal ("WebP is not supported: use PNG or JPEG") or a failure, as one sentence; empty otherwise. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public BooleanBinding busyBinding() {
        return busy;
    }
}
