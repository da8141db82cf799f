package com.storymimi.studio.ui.storage;

import com.storymimi.studio.model.FolderPage;
import com.storymimi.studio.model.PageRequest;
import com.storymimi.studio.model.StorageBucket;
import com.storymimi.studio.model.StorageEntry;
import com.storymimi.studio.service.Connection;
import com.storymimi.studio.service.StorageBrowserService;
import com.storymimi.studio.ui.common.AsyncCommand;
import com.storymimi.studio.ui.common.DialogService;
import com.storymimi.studio.ui.common.Texts;
import com.storymimi.studio.ui.common.UserMessages;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * The Storage section: a bucket, the folder shown in it (with its breadcrumb), one server page of its entries,
 * the selected files with their preview, and the actions on them (copy URL, download, delete, upload).
 * Storage's list gives no total, so a full page means "there may be more".
 */
public final class StorageViewModel {

    public static final int PAGE_SIZE = 200;
    public static final Duration SIGNED_URL_VALIDITY = Duration.ofHours(1);
    private static final int NAMES_IN_QUESTION = 3;

    /** How the main window builds this section for each connection it opens. */
    public static Function<Connection, StorageViewModel> forConnections(DialogService dialogs, UserMessages messages,
                                                                        Texts texts, Executor fx,
                                                                        TextClipboard clipboard, Path previewDir) {
        return connection -> new StorageViewModel(connection.storage(), dialogs, messages, texts, fx, clipboard,
                previewDir.resolve(connection.profile().id()));
    }

    private final StorageBrowserService storage;
    private final DialogService dialogs;
    private final UserMessages messages;
    private final Texts texts;
    private final Executor fx;
    private final TextClipboard clipboard;
    private final Path previewDir;

    private final ObservableList<StorageBucket> buckets = FXCollections.observableArrayList();
    private final ObservableList<StorageBucket> bucketsView = FXCollections.unmodifiableObservableList(buckets);
    private final ObjectProperty<StorageBucket> bucket = new SimpleObjectProperty<>(this, "bucket");
    private final ReadOnlyStringWrapper folder = new ReadOnlyStringWrapper(this, "folder", "");
    private final ObservableList<FolderCrumb> breadcrumb = FXCollections.observableArrayList();
    private final ObservableList<StorageEntry> entries = FXCollections.observableArrayList();
    private final ObservableList<StorageEntry> selection = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper pageText = new ReadOnlyStringWrapper(this, "pageText", "");
    private final ReadOnlyStringWrapper placeholder = new ReadOnlyStringWrapper(this, "placeholder", "");
    private final ReadOnlyBooleanWrapper hasPrevious = new ReadOnlyBooleanWrapper(this, "hasPrevious");
    private final ReadOnlyBooleanWrapper hasNext = new ReadOnlyBooleanWrapper(this, "hasNext");
    private final ReadOnlyObjectWrapper<StoragePreview> preview = new ReadOnlyObjectWrapper<>(this, "preview");
    private final BooleanBinding oneFileSelected;
    private final BooleanBinding filesSelected;

    private final AsyncCommand<List<StorageBucket>> loadBuckets;
    private final AsyncCommand<FolderPage> load;
    private final AsyncCommand<Integer> delete;
    private final AsyncCommand<String> copySignedUrl;
    private final AsyncCommand<Optional<Path>> download;
    private final AsyncCommand<StoragePreview> loadPreview;
    private final StorageUploads uploads;
    private PageRequest requested = PageRequest.first(PAGE_SIZE);
    private Runnable stopListening = () -> { };

    public StorageViewModel(StorageBrowserService storage, DialogService dialogs, UserMessages messages, Texts texts,
                            Executor fx, TextClipboard clipboard, Path previewDir) {
        this.storage = Objects.requireNonNull(storage, "storage");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.texts = Objects.requireNonNull(texts, "texts");
        this.fx = Objects.requireNonNull(fx, "fx");
        this.clipboard = Objects.requireNonNull(clipboard, "clipboard");
        this.previewDir = Objects.requireNonNull(previewDir, "previewDir");
        oneFileSelected = Bindings.createBooleanBinding(() -> selectedFiles().size() == 1, selection);
        filesSelected = Bindings.createBooleanBinding(() -> !selectedFiles().isEmpty(), selection);
        loadBuckets = new AsyncCommand<>(fx, storage::buckets)
                .onSuccess(this::showBuckets)
                .onFailure(e -> placeholder.set(messages.describe(e, "storage")));
        load = new AsyncCommand<>(fx, () -> storage.list(bucketId(), folder.get(), requested))
                .onSuccess(this::showPage)
                .onFailure(e -> placeholder.set(messages.describe(e, "storage")));
        delete = new AsyncCommand<>(fx, this::confirmAndDelete, filesSelected).onSuccess(this::deleted)
                .onFailure(this::actionFailed);
        copySignedUrl = new AsyncCommand<>(fx, () -> storage.signedUrl(bucketId(), selectedFiles().getFirst().key(),
                SIGNED_URL_VALIDITY), oneFileSelected).onSuccess(this::signedUrlCopied).onFailure(this::actionFailed);
        download = new AsyncCommand<>(fx, this::chooseAndDownload, oneFileSelected).onSuccess(saved -> saved.ifPresent(
                path -> dialogs.showInfo(texts.get("storage.download.done", path.getFileName(), path.getParent()))))
                .onFailure(this::actionFailed);
        loadPreview = new AsyncCommand<>(fx, this::downloadPreview).onSuccess(preview::set)
                .onFailure(e -> messages.describe(e, "storage.preview"));
        uploads = new StorageUploads(storage, messages, texts, fx);
        bucket.addListener((obs, old, chosen) -> openFolder(""));
        load.runningProperty().addListener((obs, was, running) -> {
            if (running) {
                placeholder.set(texts.get("storage.loading"));
            }
        });
        selection.addListener((javafx.collections.ListChangeListener<StorageEntry>) change -> selectionChanged());
    }

    /** Loads the buckets and opens the first; call once the section is shown. */
    public void start() {
        // A file stored by an upload retried from the status bar shows in the list as it would have at once.
        stopListening = storage.onLaterUpload(entry -> fx.execute(() -> {
            if (bucket.get() != null) {
                refresh();
            }
        }));
        loadBuckets.restart();
    }

    public void dispose() {
        stopListening.run();
        loadBuckets.cancel();
        load.cancel();
        delete.cancel();
        copySignedUrl.cancel();
        download.cancel();
        loadPreview.cancel();
        uploads.cancel();
    }

    private void showBuckets(List<StorageBucket> found) {
        String keep = bucketId();
        buckets.setAll(found);
        StorageBucket chosen = found.stream().filter(b -> b.id().equals(keep)).findFirst()
                .orElse(found.isEmpty() ? null : found.getFirst());
        if (chosen == null) {
            placeholder.set(texts.get("storage.noBuckets"));
        } else if (chosen.equals(bucket.get())) {
            refresh();
        } else {
            bucket.set(chosen);
        }
    }

    // -- navigation -------------------------------------------------------------------------------------------

    /** Shows {@code path} ("" for the bucket's root) from its first page. */
    public void openFolder(String path) {
        folder.set(path);
        requested = PageRequest.first(PAGE_SIZE);
        breadcrumb.setAll(FolderCrumb.trail(bucketId() == null ? "" : bucketId(), path));
        selection.clear();
        entries.clear();
        if (bucket.get() != null) {
            load.restart();
        }
    }

    /** Double-click or Enter on an entry: a folder opens; a file is previewed (it already is when selected). */
    public void open(StorageEntry entry) {
        if (entry != null && entry.folder()) {
            openFolder(entry.key());
        }
    }

    /** Backspace, Alt+Up: the parent folder; nothing at the bucket's root. */
    public void up() {
        String path = folder.get();
        if (!path.isEmpty()) {
            int slash = path.lastIndexOf('/');
            openFolder(slash < 0 ? "" : path.substring(0, slash));
        }
    }

    public void refresh() {
        if (bucket.get() != null) {
            load.restart();
        }
    }

    public void nextPage() {
        if (hasNext.get()) {
            requested = requested.next();
            load.restart();
        }
    }

    public void previousPage() {
        if (hasPrevious.get()) {
            requested = requested.previous();
            load.restart();
        }
    }

    private void showPage(FolderPage page) {
        if (page.entries().isEmpty() && page.hasPrevious()) {
            requested = page.request().previous(); // the last page emptied meanwhile
            load.restart();
            return;
        }
        List<String> kept = selection.stream().map(StorageEntry::key).toList();
        entries.setAll(page.entries());
        selection.setAll(entries.stream().filter(e -> kept.contains(e.key())).toList());
        int first = page.request().offset() + 1;
        int last = page.request().offset() + page.entries().size();
        pageText.set(page.entries().isEmpty() ? "" : texts.get(page.mayHaveMore() ? "storage.page.more"
                : "storage.page", first, last));
        hasPrevious.set(page.hasPrevious());
        hasNext.set(page.mayHaveMore());
        placeholder.set(page.entries().isEmpty() ? texts.get("storage.empty") : "");
    }

    // -- selection and preview ----------------------------------------------------------------------------------

    /** The View's table selection, mirrored here. */
    public void select(List<StorageEntry> selected) {
        selection.setAll(selected);
    }

    private List<StorageEntry> selectedFiles() {
        return selection.stream().filter(e -> !e.folder()).toList();
    }

    private void selectionChanged() {
        List<StorageEntry> files = selectedFiles();
        StorageEntry single = files.size() == 1 && selection.size() == 1 ? files.getFirst() : null;
        StoragePreview shown = preview.get();
        if (single != null && shown != null && shown.entry().key().equals(single.key())) {
            return;
        }
        preview.set(null);
        if (single != null && (single.isImage() || single.isAudio())) {
            loadPreview.restart();
        } else {
            loadPreview.cancel();
        }
    }

    private CompletableFuture<StoragePreview> downloadPreview() {
        StorageEntry entry = selectedFiles().getFirst();
        Path target = previewDir.resolve(bucketId()).resolve(entry.key());
        return storage.download(bucketId(), entry.key(), target).thenApply(file -> new StoragePreview(entry, file));
    }

    /** A small image for the file's row: the public URL of an image in a public bucket, else empty. */
    public Optional<String> thumbnailUrl(StorageEntry entry) {
        StorageBucket shown = bucket.get();
        if (shown == null || !shown.isPublic() || entry == null || !entry.isImage()) {
            return Optional.empty();
        }
        return Optional.of(storage.publicUrl(shown.id(), entry.key()));
    }

    // -- actions ------------------------------------------------------------------------------------------------

    /** Puts the selected file's public URL on the clipboard; a private bucket's public URL would not work. */
    public void copyPublicUrl() {
        if (!oneFileSelected.get()) {
            return;
        }
        StorageEntry file = selectedFiles().getFirst();
        if (!bucket.get().isPublic()) {
            dialogs.showError(texts.get("storage.copy.private", bucketId()));
            return;
        }
        clipboard.put(storage.publicUrl(bucketId(), file.key()));
        dialogs.showInfo(texts.get("storage.copy.public.done", file.name()));
    }

    private void signedUrlCopied(String url) {
        clipboard.put(url);
        dialogs.showInfo(texts.get("storage.copy.signed.done", selectedFiles().isEmpty() ? ""
                : selectedFiles().getFirst().name(), SIGNED_URL_VALIDITY.toHours()));
    }

    private CompletableFuture<Optional<Path>> chooseAndDownload() {
        StorageEntry file = selectedFiles().getFirst();
        String from = bucketId();
        return dialogs.chooseSaveFile(texts.get("storage.download.title", file.name()), file.name())
                .thenCompose(chosen -> chosen.isEmpty() ? CompletableFuture.completedFuture(Optional.<Path>empty())
                        : storage.download(from, file.key(), chosen.get()).thenApply(Optional::of));
    }

    private CompletableFuture<Integer> confirmAndDelete() {
        List<StorageEntry> files = selectedFiles();
        String from = bucketId();
        String names = String.join(", ", files.stream().limit(NAMES_IN_QUESTION).map(StorageEntry::name).toList())
                + (files.size() > NAMES_IN_QUESTION ? ", …" : "");
        String question = texts.get("storage.delete.question", files.size(), from, names);
        return dialogs.confirm(texts.get("storage.delete.title"), question, texts.get("storage.delete.confirm"))
                .thenCompose(yes -> yes
                        ? storage.delete(from, files.stream().map(StorageEntry::key).toList()).thenApply(d -> files.size())
                        : CompletableFuture.completedFuture(0));
    }

    private void deleted(int count) {
        if (count > 0) {
            dialogs.showInfo(texts.get("storage.delete.done", count, bucketId()));
            selection.clear();
            refresh();
        }
    }

    private void actionFailed(Throwable failure) {
        dialogs.showError(messages.describe(failure, "storage"));
        refresh();
    }

    /** Files dropped on the list or chosen with the button go into the folder shown. */
    public void upload(List<Path> files) {
        if (bucket.get() == null) {
            return;
        }
        StorageUploads.Target target = new StorageUploads.Target(bucketId(), folder.get());
        uploads.start(target, files, result -> {
            result.problems().forEach(dialogs::showError);
            if (!result.stored().isEmpty()) {
                dialogs.showInfo(texts.get("storage.upload.done", result.stored().size(), target.bucket()));
            }
            if (target.bucket().equals(bucketId()) && target.folder().equals(folder.get())) {
                refresh();
            }
        });
    }

    /** The "Upload…" button: one file through the file chooser. */
    public void chooseAndUpload() {
        dialogs.chooseFile(new com.storymimi.studio.ui.common.FileChoice(texts.get("storage.upload.choose"),
                        texts.get("storage.upload.filter"), List.of("*")))
                .thenAccept(chosen -> chosen.ifPresent(file -> fx.execute(() -> upload(List.of(file)))));
    }

    private String bucketId() {
        return bucket.get() == null ? null : bucket.get().id();
    }

    // -- properties -------------------------------------------------------------------------------------------

    public ObservableList<StorageBucket> buckets() {
        return bucketsView;
    }

    public ObjectProperty<StorageBucket> bucketProperty() {
        return bucket;
    }

    public ReadOnlyStringProperty folderProperty() {
        return folder.getReadOnlyProperty();
    }

    public ObservableList<FolderCrumb> breadcrumb() {
        return breadcrumb;
    }

    public ObservableList<StorageEntry> entries() {
        return entries;
    }

    public ObservableList<StorageEntry> selection() {
        return selection;
    }

    /** "1–200", "1–200, more follow"; empty for an empty folder. */
    public ReadOnlyStringProperty pageTextProperty() {
        return pageText.getReadOnlyProperty();
    }

    /** What the list shows when it has no rows: loading, empty folder, or why it could not load. */
    public ReadOnlyStringProperty placeholderProperty() {
        return placeholder.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasPreviousProperty() {
        return hasPrevious.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasNextProperty() {
        return hasNext.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<StoragePreview> previewProperty() {
        return preview.getReadOnlyProperty();
    }

    public BooleanBinding oneFileSelectedProperty() {
        return oneFileSelected;
    }

    public AsyncCommand<FolderPage> loadCommand() {
        return load;
    }

    public AsyncCommand<Integer> deleteCommand() {
        return delete;
    }

    public AsyncCommand<String> copySignedUrlCommand() {
        return copySignedUrl;
    }

    public AsyncCommand<Optional<Path>> downloadCommand() {
        return download;
    }

    public AsyncCommand<StoragePreview> previewCommand() {
        return loadPreview;
    }

    public ReadOnlyBooleanProperty uploadingProperty() {
        return uploads.runningProperty();
    }

    public ReadOnlyDoubleProperty uploadProgressProperty() {
        return uploads.progressProperty();
    }

    public ReadOnlyStringProperty uploadTextProperty() {
        return uploads.textProperty();
    }
}
