package com.storymimi.studio.ui.testing;

import com.storymimi.studio.ui.common.DialogService;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** A {@link DialogService} that records what was asked and shown, and answers confirmations as told. */
public final class RecordingDialogs implements DialogService {

    public record Question(String title, String message, String confirmLabel) {
    }

    public final List<Question> questions = new ArrayList<>();
    public final List<String> errors = new ArrayList<>();
    public final List<String> infos = new ArrayList<>();
    private boolean answer;

    public RecordingDialogs answering(boolean confirm) {
        this.answer = confirm;
        return this;
    }

    @Override
    public CompletableFuture<Boolean> confirm(String title, String message, String confirmLabel) {
        questions.add(new Question(title, message, confirmLabel));
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
