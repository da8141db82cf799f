package com.storymimi.studio.ui.player;

import com.storymimi.studio.model.MediaKind;
import com.storymimi.studio.model.Scene;
import com.storymimi.studio.model.StoryDetail;
import com.storymimi.studio.ui.common.PeriodicScheduler.Cancellable;
import com.storymimi.studio.ui.common.Texts;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Plays a story as a child would see it: scene by scene in sequence order, each for as long as its narration
 * (the view plays it and reports its end) or, without narration, for a reading time from its text. Pause,
 * next, previous and jump work at any time; after the last scene the player stops at the end. What is missing
 * (no image, no narration, a broken object, a gap in the numbering) is named once, when its scene is shown.
 * Media are fetched as local copies ahead of time: the scene shown and the next one.
 */
public final class StoryboardViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(StoryboardViewModel.class);
    static final Duration SHORTEST_READING = Duration.ofSeconds(3);
    static final Duration LONGEST_READING = Duration.ofSeconds(30);
    /** Reading aloud to a child: about 150 words a minute, plus a moment to look at the picture. */
    private static final Duration PER_WORD = Duration.ofMillis(400);
    private static final Duration TO_LOOK = Duration.ofMillis(1500);
    /** The page-turn beat after a narration ends; a scene stays at least {@link #SHORTEST_READING} in all. */
    static final Duration AFTER_NARRATION = Duration.ofSeconds(1);

    private final UUID storyId;
    private final StoryboardContext context;
    private final ObservableList<Slide> slides = FXCollections.observableArrayList();
    private final ObservableList<Slide> slidesView = FXCollections.unmodifiableObservableList(slides);
    private final ObservableList<String> notices = FXCollections.observableArrayList();
    private final ObservableList<String> noticesView = FXCollections.unmodifiableObservableList(notices);
    private final ReadOnlyIntegerWrapper index = new ReadOnlyIntegerWrapper(this, "index", -1);
    private final ReadOnlyIntegerWrapper take = new ReadOnlyIntegerWrapper(this, "take");
    private final ReadOnlyObjectWrapper<Slide> current = new ReadOnlyObjectWrapper<>(this, "current");
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper(this, "playing");
    private final ReadOnlyBooleanWrapper finished = new ReadOnlyBooleanWrapper(this, "finished");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading", true);
    private final ReadOnlyBooleanWrapper closed = new ReadOnlyBooleanWrapper(this, "closed");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyStringWrapper position = new ReadOnlyStringWrapper(this, "position", "");
    private final ReadOnlyStringWrapper loadError = new ReadOnlyStringWrapper(this, "loadError", "");
    private final Map<Integer, CompletableFuture<Optional<Path>>> media = new HashMap<>();
    private final List<List<String>> waiting = new ArrayList<>();
    private final Set<String> named = new HashSet<>();
    /** Scenes whose narration turned out not to play (a missing object, a broken file): they are read instead. */
    private final Set<Integer> silent = new HashSet<>();

    /** Whether the narration of the scene shown decides when it ends (false: its reading time does). */
    private boolean narrated;
    private Duration readingLeft = Duration.ZERO;
    private Instant readingSince;
    private Instant shownSince;
    private Cancellable reading;

    StoryboardViewModel(UUID storyId, StoryboardContext context) {
        this.storyId = storyId;
        this.context = context;
    }

    /** Loads the story and plays it from its first scene. */
    void start() {
        context.stories().detail(storyId).whenCompleteAsync((found, failure) -> {
            loading.set(false);
            if (closed.get()) {
                return;
            }
            if (failure != null) {
                loadError.set(context.messages().describe(failure, "stories"));
            } else if (found.isEmpty()) {
                loadError.set(context.texts().get("player.gone"));
            } else {
                begin(found.get());
            }
        }, context.fx());
    }

    private void begin(StoryDetail detail) {
        title.set(detail.story().title());
        List<Scene> scenes = detail.scenes();
        if (scenes.isEmpty()) {
            loadError.set(context.texts().get("player.noScenes"));
            return;
        }
        List<Slide> all = new ArrayList<>();
        for (int i = 0; i < scenes.size(); i++) {
            Slide slide = new Slide(i, scenes.get(i));
            all.add(slide);
            waiting.add(new ArrayList<>(problemsOf(context.texts(), slide, i == 0 ? 0 : scenes.get(i - 1).sequence())));
        }
        slides.setAll(all);
        playing.set(true);
        show(0);
    }

    /** What is wrong with a scene before anything is loaded: a gap before it, no image, no narration. */
    static List<String> problemsOf(Texts texts, Slide slide, int before) {
        List<String> problems = new ArrayList<>();
        int sequence = slide.sequence();
        if (sequence == before) {
            problems.add(texts.get("player.notice.twice", sequence));
        } else if (sequence != before + 1) {
            problems.add(before == 0 ? texts.get("player.notice.startsLate", sequence)
                    : texts.get("player.notice.gap", sequence, before));
        }
        if (!slide.hasImage()) {
            problems.add(texts.get("player.notice.noImage", sequence));
        }
        if (!slide.hasAudio()) {
            problems.add(texts.get("player.notice.noAudio", sequence));
        }
        return problems;
    }

    // -- playback ---------------------------------------------------------------------------------------------

    /** Pause or go on; at the end, plays the story again from its first scene. */
    public void togglePause() {
        if (slides.isEmpty()) {
            return;
        }
        if (finished.get()) {
            playing.set(true);
            show(0);
        } else if (playing.get()) {
            playing.set(false);
            stopReading(true);
        } else {
            playing.set(true);
            startReading();
        }
    }

    public void next() {
        if (index.get() + 1 < slides.size()) {
            show(index.get() + 1);
        } else if (!slides.isEmpty()) {
            finish();
        }
    }

    public void previous() {
        if (!slides.isEmpty()) {
            show(finished.get() ? index.get() : Math.max(0, index.get() - 1)); // at the end: the last scene again
        }
    }

    public void first() {
        if (!slides.isEmpty()) {
            show(0);
        }
    }

    public void last() {
        if (!slides.isEmpty()) {
            show(slides.size() - 1);
        }
    }

    /** Shows this scene now (a click on its thumbnail); playing or paused as before. */
    public void jumpTo(int target) {
        if (target >= 0 && target < slides.size()) {
            show(target);
        }
    }

    /**
     * The view's narration of scene {@code shown} played to its end: the scene stays for a beat, and at least
     * {@link #SHORTEST_READING} since it was shown (a very short narration, or an audio device that plays
     * nothing and ends at once, does not flick through the story).
     */
    public void narrationEnded(int shown) {
        if (shown == index.get() && narrated && playing.get()) {
            narrated = false;
            Duration rest = SHORTEST_READING.minus(Duration.between(shownSince, context.clock().instant()));
            readingLeft = rest.compareTo(AFTER_NARRATION) > 0 ? rest : AFTER_NARRATION;
            startReading();
        }
    }

    /** The view could not play the narration of scene {@code shown}: named once, the scene gets its reading time. */
    public void narrationFailed(int shown, Throwable error) {
        LOG.warn("the narration of scene {} of story {} cannot be played", shown + 1, storyId, error);
        name(shown, context.texts().get("player.notice.audioBroken", slides.get(shown).sequence()));
        readInstead(shown);
    }

    /** The view could not decode the image of scene {@code shown} (a broken file): named once. */
    public void imageFailed(int shown, Throwable error) {
        LOG.warn("the image of scene {} of story {} cannot be shown", shown + 1, storyId, error);
        name(shown, context.texts().get("player.notice.imageBroken", slides.get(shown).sequence()));
    }

    /** Stops playback for good (Esc, the window closed). */
    public void close() {
        stopReading(false);
        playing.set(false);
        closed.set(true);
    }

    private void show(int target) {
        stopReading(false);
        finished.set(false);
        index.set(target);
        Slide slide = slides.get(target);
        current.set(slide);
        take.set(take.get() + 1);
        position.set(context.texts().get("player.position", target + 1, slides.size()));
        notices.clear();
        for (String problem : waiting.get(target)) {
            if (named.add(target + ":" + problem)) {
                notices.add(problem);
            }
        }
        waiting.get(target).clear();
        narrated = slide.hasAudio() && !silent.contains(target);
        shownSince = context.clock().instant();
        readingLeft = readingTime(slide.text());
        for (int ahead = target; ahead <= Math.min(target + 1, slides.size() - 1); ahead++) {
            image(ahead);
            audio(ahead);
        }
        startReading();
    }

    private void finish() {
        stopReading(false);
        playing.set(false);
        finished.set(true);
    }

    /** The scene shown has no narration that plays: it ends after its reading time. */
    private void readInstead(int shown) {
        silent.add(shown);
        if (shown == index.get() && narrated) {
            narrated = false;
            startReading();
        }
    }

    private void startReading() {
        if (narrated || !playing.get() || reading != null || slides.isEmpty()) {
            return;
        }
        int shown = index.get();
        readingSince = context.clock().instant();
        reading = context.delays().after(readingLeft, () -> {
            reading = null;
            if (shown == index.get() && playing.get()) {
                next();
            }
        });
    }

    /** Cancels the reading timer; {@code keepRest}: remembers how much of the reading time is left (pause). */
    private void stopReading(boolean keepRest) {
        if (reading == null) {
            return;
        }
        reading.close();
        reading = null;
        if (keepRest) {
            Duration spent = Duration.between(readingSince, context.clock().instant());
            readingLeft = readingLeft.minus(spent).isNegative() ? Duration.ZERO : readingLeft.minus(spent);
        }
    }

    /** How long a scene without narration stays: its words read aloud, within 3 to 30 seconds. */
    static Duration readingTime(String text) {
        String trimmed = text == null ? "" : text.strip();
        int words = trimmed.isEmpty() ? 0 : trimmed.split("\\s+").length;
        // long arithmetic: Duration.multipliedBy goes through BigDecimal, seen in the FX stall bench's samples
        Duration time = Duration.ofMillis(TO_LOOK.toMillis() + PER_WORD.toMillis() * words);
        return time.compareTo(SHORTEST_READING) < 0 ? SHORTEST_READING
                : time.compareTo(LONGEST_READING) > 0 ? LONGEST_READING : time;
    }

    // -- media ------------------------------------------------------------------------------------------------

    /**
     * A local copy of the scene's image, empty when it has none or it cannot be loaded (then named once). Asked
     * for once per scene and kept; completes on the FX thread, never exceptionally.
     */
    public CompletableFuture<Optional<Path>> image(int at) {
        return copy(at, MediaKind.IMAGE);
    }

    /** As {@link #image} for the narration. */
    public CompletableFuture<Optional<Path>> audio(int at) {
        return copy(at, MediaKind.AUDIO);
    }

    private CompletableFuture<Optional<Path>> copy(int at, MediaKind kind) {
        return media.computeIfAbsent(at * 2 + kind.ordinal(), key -> {
            Slide slide = slides.get(at);
            if (kind == MediaKind.IMAGE ? !slide.hasImage() : !slide.hasAudio()) {
                return CompletableFuture.completedFuture(Optional.empty());
            }
            return context.media().localCopy(slide.scene(), kind).handleAsync((path, failure) -> {
                if (failure == null) {
                    return Optional.of(path);
                }
                LOG.warn("the {} of scene {} of story {} cannot be loaded", kind, slide.sequence(), storyId, failure);
                name(at, context.texts().get(kind == MediaKind.IMAGE ? "player.notice.imageBroken"
                        : "player.notice.audioBroken", slide.sequence()));
                if (kind == MediaKind.AUDIO) {
                    readInstead(at);
                }
                return Optional.<Path>empty();
            }, context.fx());
        });
    }

    /** Names a problem of scene {@code at} once: now if it is shown, else when it is. */
    private void name(int at, String problem) {
        if (at == index.get()) {
            if (named.add(at + ":" + problem)) {
                notices.add(problem);
            }
        } else if (!named.contains(at + ":" + problem) && !waiting.get(at).contains(problem)) {
            waiting.get(at).add(problem);
        }
    }

    // -- state ------------------------------------------------------------------------------------------------

    public UUID storyId() {
        return storyId;
    }

    /** Every scene in playback order (for the progress strip). */
    public ObservableList<Slide> slides() {
        return slidesView;
    }

    /** What is missing in the scene shown, each problem only the first time its scene is shown. */
    public ObservableList<String> notices() {
        return noticesView;
    }

    public ReadOnlyIntegerProperty indexProperty() {
        return index.getReadOnlyProperty();
    }

    /** Counts every showing of a scene, also of the one shown again (Home on the first scene): the view starts
     *  the scene's narration from its beginning each time it changes. */
    public ReadOnlyIntegerProperty takeProperty() {
        return take.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Slide> currentProperty() {
        return current.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty playingProperty() {
        return playing.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty finishedProperty() {
        return finished.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty closedProperty() {
        return closed.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** "Scene 3 of 12". */
    public ReadOnlyStringProperty positionProperty() {
        return position.getReadOnlyProperty();
    }

    /** Why nothing plays (the story is gone, has no scenes, the server failed); empty while it plays. */
    public ReadOnlyStringProperty loadErrorProperty() {
        return loadError.getReadOnlyProperty();
    }
}
