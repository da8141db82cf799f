package com.storymimi.studio.ui.editor;

import com.storymimi.studio.model.MediaKind;
import com.storymimi.studio.model.MediaRef;
import com.storymimi.studio.model.Scene;
import com.storymimi.studio.ui.common.FileChoice;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The image and narration of the selected scene: local copies for preview and playback, uploads from a drop
 * or a file chooser (checked by the media service first, with its one-sentence refusal), and removal.
 * The View turns a drag's files into {@code List<Path>} and calls {@link #drop}.
 */
public final class SceneMediaViewModel {

    // Wide on purpose: a WebP dropped on the image zone is let through so the check can say why it is refused.
    private static final Map<MediaKind, Set<String>> DRAGGABLE = Map.of(
            MediaKind.IMAGE, Set.of("png", "jpg", "jpeg", "webp", "gif", "bmp", "tif", "tiff", "heic", "avif", "svg"),
            MediaKind.AUDIO, Set.of("mp3", "wav", "ogg", "oga", "flac", "m4a", "aac", "aiff", "opus", "wma"));
    private static final Map<MediaKind, List<String>> CHOOSABLE = Map.of(
            MediaKind.IMAGE, List.of("png", "jpg", "jpeg"),
            MediaKind.AUDIO, List.of("mp3", "wav"));

    private final EditorContext context;
    private final Consumer<Scene> sceneChanged;
    private final MediaSlot image = new MediaSlot(MediaKind.IMAGE);
    private final MediaSlot audio = new MediaSlot(MediaKind.AUDIO);
    private Scene showing;

    /** @param sceneChanged told about every scene row a media change returned, on the FX thread */
    SceneMediaViewModel(EditorContext context, Consumer<Scene> sceneChanged) {
        this.context = context;
        this.sceneChanged = sceneChanged;
    }

    /** Shows the media of this scene (null: none selected); fetches local copies in the background. */
    void show(Scene scene) {
        showing = scene;
        for (MediaSlot slot : List.of(image, audio)) {
            String url = scene == null ? null : urlOf(scene, slot.kind());
            slot.clear(url != null, url == null ? "" : fileNameOf(scene, slot.kind()));
            if (url != null) {
                fetch(scene, slot);
            }
        }
    }

    private void fetch(Scene scene, MediaSlot slot) {
        slot.loading(true);
        context.media().localCopy(scene, slot.kind()).whenComplete((path, failure) -> context.fx().execute(() -> {
            if (!isShowing(scene.sceneId())) {
                return;
            }
            if (failure != null) {
                slot.loading(false);
                slot.say(context.messages().describe(failure, "media"));
            } else {
                slot.loaded(path);
            }
        }));
    }

    /** Called by the scene editor when its selected scene's row changed (e.g. after a text save). */
    void refreshRow(Scene newer) {
        if (showing != null && showing.sceneId().equals(newer.sceneId())) {
            showing = newer;
        }
    }

    /** For DRAG_OVER: quick, by name only; the real check runs on drop. */
    public boolean acceptsDrag(MediaKind kind, List<Path> files) {
        return showing != null && files.size() == 1 && DRAGGABLE.get(kind).contains(extension(files.getFirst()));
    }

    /** Files dropped on a zone: exactly one file is uploaded after the service's check. */
    public void drop(MediaKind kind, List<Path> files) {
        if (showing == null) {
            return;
        }
        if (files.size() != 1) {
            slot(kind).say(context.texts().get("editor.media.oneFile"));
            return;
        }
        upload(kind, files.getFirst());
    }

    /** The file-chooser way to the same upload. */
    public void choose(MediaKind kind) {
        if (showing == null) {
            return;
        }
        String name = kind.name().toLowerCase(Locale.ROOT);
        FileChoice choice = new FileChoice(context.texts().get("editor.media." + name + ".choose"),
                context.texts().get("editor.media." + name + ".filter"), CHOOSABLE.get(kind));
        context.dialogs().chooseFile(choice).thenAccept(file -> file.ifPresent(path ->
                context.fx().execute(() -> upload(kind, path))));
    }

    private void upload(MediaKind kind, Path file) {
        Scene target = showing;
        MediaSlot slot = slot(kind);
        slot.uploadStarted();
        context.media().check(file, kind)
                .thenApply(ok -> size(file))
                .thenCompose(size -> context.media().attach(target, kind, file, sent -> context.fx().execute(() -> {
                    if (isShowing(target.sceneId())) {
                        slot.progress(size == 0 ? 1 : sent / (double) size);
                    }
                })))
                .whenComplete((scene, failure) -> context.fx().execute(() -> uploaded(slot, target, scene, failure)));
    }

    private void uploaded(MediaSlot slot, Scene target, Scene scene, Throwable failure) {
        boolean visible = isShowing(target.sceneId());
        if (visible) {
            slot.uploadEnded();
        }
        if (failure != null) {
            if (visible) {
                slot.say(context.messages().describeUpload(failure));
            }
            return;
        }
        sceneChanged.accept(scene);
        recordEdit(target, scene, slot.kind());
        if (visible) {
            showing = scene;
            slot.clear(true, fileNameOf(scene, slot.kind()));
            fetch(scene, slot);
        }
    }

    /** Asks, then removes the scene's image or narration. */
    public void remove(MediaKind kind) {
        Scene target = showing;
        if (target == null || urlOf(target, kind) == null) {
            return;
        }
        String name = kind.name().toLowerCase(Locale.ROOT);
        context.dialogs().confirm(context.texts().get("editor.media." + name + ".remove.title"),
                        context.texts().get("editor.media." + name + ".remove.question", target.sequence()),
                        context.texts().get("editor.media.remove.confirm"))
                .thenCompose(yes -> yes ? context.media().detach(target, kind)
                        : java.util.concurrent.CompletableFuture.completedFuture(null))
                .whenComplete((scene, failure) -> context.fx().execute(() -> {
                    if (failure != null) {
                        slot(kind).say(context.messages().describe(failure, "scenes"));
                    } else if (scene != null) {
                        recordEdit(target, scene, kind);
                        changedElsewhere(scene);
                    }
                }));
    }

    /** Makes the change undoable (the media it replaced is in the trash). */
    private void recordEdit(Scene before, Scene after, MediaKind kind) {
        if (!java.util.Objects.equals(urlOf(before, kind), urlOf(after, kind))) {
            context.edits().record(new MediaEdit(context, after.storyId(),
                    List.of(MediaEdit.Change.of(before, after, kind)), after.sequence(), this::changedElsewhere));
        }
    }

    /** A scene row written elsewhere (an undo, a removal): the strip learns it, the slots show it. */
    private void changedElsewhere(Scene scene) {
        sceneChanged.accept(scene);
        if (isShowing(scene.sceneId())) {
            show(scene);
        }
    }

    private boolean isShowing(UUID sceneId) {
        return showing != null && showing.sceneId().equals(sceneId);
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "WAV narration", "PNG image": the stored object's key is only the scene's id, which says nothing. */
    private String fileNameOf(Scene scene, MediaKind kind) {
        String key = MediaRef.fromPublicUrl(urlOf(scene, kind)).map(MediaRef::key).orElse("");
        String type = key.contains(".") ? key.substring(key.lastIndexOf('.') + 1).toUpperCase(Locale.ROOT) : "";
        return context.texts().get("editor.media." + kind.name().toLowerCase(Locale.ROOT) + ".stored", type);
    }

    private static String urlOf(Scene scene, MediaKind kind) {
        return kind == MediaKind.IMAGE ? scene.imageUrl() : scene.audioUrl();
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    public MediaSlot slot(MediaKind kind) {
        return kind == MediaKind.IMAGE ? image : audio;
    }

    public MediaSlot image() {
        return image;
    }

    public MediaSlot audio() {
        return audio;
    }
}
