package com.storymimi.studio.ui.storage;

import com.storymimi.studio.model.StorageEntry;
import com.storymimi.studio.service.ServiceException;
import com.storymimi.studio.service.StorageBrowserService;
import com.storymimi.studio.ui.common.Texts;
import com.storymimi.studio.ui.common.UserMessages;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Uploads dropped or chosen files into the shown folder, one after the other, with overall progress. A refused
 * file is named in one sentence and the rest still go up.
 */
final class StorageUploads {

    /** Where files go and what happens after: the folder shown when the upload started. */
    record Target(String bucket, String folder) {
    }

    private final StorageBrowserService storage;
    private final UserMessages messages;
    private final Texts texts;
    private final Executor fx;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text", "");
    private CompletableFuture<?> current = CompletableFuture.completedFuture(null);
    private boolean cancelled;

    StorageUploads(StorageBrowserService storage, UserMessages messages, Texts texts, Executor fx) {
        this.storage = storage;
        this.messages = messages;
        this.texts = texts;
        this.fx = fx;
    }

    /**
     * Uploads {@code files} into {@code target}; {@code done} receives the stored entries and the refusal
     * sentences once all have been tried. Ignored while another upload runs.
     */
    void start(Target target, List<Path> files, Consumer<Result> done) {
        if (running.get() || files.isEmpty()) {
            return;
        }
        cancelled = false;
        running.set(true);
        Result result = new Result(new ArrayList<>(), new ArrayList<>());
        next(target, files, 0, result, done);
    }

    record Result(List<StorageEntry> stored, List<String> problems) {
    }

    private void next(Target target, List<Path> files, int index, Result result, Consumer<Result> done) {
        if (cancelled) {
            return;
        }
        if (index == files.size()) {
            running.set(false);
            progress.set(0);
            text.set("");
            done.accept(result);
            return;
        }
        Path file = files.get(index);
        text.set(texts.get("storage.upload.progress", file.getFileName(), index + 1, files.size()));
        progress.set((double) index / files.size());
        current = storage.upload(target.bucket(), target.folder(), file,
                        fraction -> fx.execute(() -> showFraction(index, files.size(), fraction)))
                .whenComplete((entry, failure) -> fx.execute(() -> {
                    if (failure != null) {
                        result.problems().add(sentence(failure));
                    } else {
                        result.stored().add(entry);
                    }
                    next(target, files, index + 1, result, done);
                }));
    }

    private void showFraction(int index, int count, double fraction) {
        if (running.get()) {
            progress.set((index + Math.min(1.0, fraction)) / count);
        }
    }

    /** A refused file keeps the service's own sentence ("x.mp3 is MP3 audio, not an image: use PNG or JPEG."). */
    private String sentence(Throwable failure) {
        Throwable cause = UserMessages.unwrap(failure);
        if (cause instanceof ServiceException se && se.reason() == ServiceException.Reason.INVALID
                && se.getMessage() != null && !se.getMessage().isBlank()) {
            messages.describe(cause, "storage.upload"); // logs it once
            String message = se.getMessage();
            return message.endsWith(".") ? message : message + ".";
        }
        return messages.describe(cause, "storage.upload");
    }

    void cancel() {
        cancelled = true;
        current.cancel(true);
        running.set(false);
        progress.set(0);
        text.set("");
    }

    ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }
}
