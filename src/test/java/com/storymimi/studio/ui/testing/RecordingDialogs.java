package com.storymimi.studio.ui.testing;

import com.storymimi.studio.ui.common.ConflictResolution;
import com.storymimi.studio.ui.common.DialogService;
import com.storymimi.studio.ui.common.FileChoice;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** A {@link DialogService} that records what was asked and shown, and answers confirmations as told. */
public final class RecordingDialogs implements DialogService {

    public record Question(String title, String message, String confirmLabel) {
    }

    public final List<Question> questions = new ArrayList<>();
    public final List<Plan> plans = new ArrayList<>();
    public final List<String> errors = new ArrayList<>();
    public final List<String> infos = new ArrayList<>();
    public final List<FileChoice> fileChoices = new ArrayList<>();
    public final List<Conflict> conflicts = new ArrayList<>();
    private final Deque<Path> files = new ArrayDeque<>();
    private ConflictResolution resolution = new ConflictResolution(ConflictResolution.Choice.DECIDE_LATER, "");
    private boolean answer;

    public record Plan(String title, String message, List<String> lines, String confirmLabel) {
    }

    public record Conflict(String title, String theirs, String yours) {
    }

    /** The next file chooser answers with this file. */
    public RecordingDialogs choosingFile(Path file) {
        files.add(file);
        return this;
    }

    /** Conflicts are settled like this. */
    public RecordingDialogs resolvingConflicts(ConflictResolution resolution) {
        this.resolution = resolution;
        return this;
    }

    @Override
    public CompletableFuture<Optional<Path>> chooseFile(FileChoice choice) {
        fileChoices.add(choice);
        return CompletableFuture.completedFuture(Optional.ofNullable(files.poll()));
    }

    /** Save choosers answer with the next file given to {@link #choosingFile}; their suggestions are kept here. */
    public final List<String> suggestedNames = new ArrayList<>();

    @Override
    public CompletableFuture<Optional<Path>> chooseSaveFile(String title, String suggestedName) {
        suggestedNames.add(suggestedName);
        return CompletableFuture.completedFuture(Optional.ofNullable(files.poll()));
    }

    @Override
    public CompletableFuture<ConflictResolution> resolveConflict(String title, String theirs, String yours) {
        conflicts.add(new Conflict(title, theirs, yours));
        return CompletableFuture.completedFuture(resolution);
    }

    /** A question with several answers, as asked. */
    public record Choice(String title, String message, List<String> answers) {
    }

    public final List<Choice> choices = new ArrayList<>();
    private Optional<Integer> chosen = Optional.empty();

    /** The answer {@link #choose} gives from now on (empty: Cancel). */
    public RecordingDialogs choosing(Optional<Integer> answer) {
        this.chosen = answer;
        return this;
    }

    private final Deque<Integer> nextChoices = new ArrayDeque<>();

    /** The next questions get these answers, one each, before {@link #choosing}'s answer applies again. */
    public RecordingDialogs choosingInTurn(Integer... answers) {
        nextChoices.addAll(List.of(answers));
        return this;
    }

    @Override
    public CompletableFuture<Optional<Integer>> choose(String title, String message, List<String> answers) {
        choices.add(new Choice(title, message, List.copyOf(answers)));
        Integer next = nextChoices.poll();
        return CompletableFuture.completedFuture(next != null ? Optional.of(next) : chosen);
    }

    public RecordingDialogs answering(boolean confirm) {
        this.answer = confirm;
        return this;
    }

    @Override
    public CompletableFuture<Boolean> confirm(String title, String message, String confirmLabel) {
        questions.add(new Question(title, message, confirmLabel));
        return CompletableFuture.completedFuture(answer);
    }

    /** Plans are answered like confirmations ({@link #answering}). */
    @Override
    public CompletableFuture<Boolean> confirmPlan(String title, String message, List<String> lines,
                                                  String confirmLabel) {
        plans.add(new Plan(title, message, List.copyOf(lines), confirmLabel));
        return CompletableFuture.completedFuture(answer);
    }

    @Override
    public void showError(String message) {
        errors.add(message);
    }

    @Override
    public void showInfo(String message) {
        infos.add(message);
    }
}
