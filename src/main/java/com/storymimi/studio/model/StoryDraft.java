package com.storymimi.studio.model;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** What an editor types to create or change a story. Validation lives here, once, for the form and the service. */
public record StoryDraft(UUID userId, String title, String prompt) {

    public static final int MAX_TITLE_LENGTH = 200;

    public enum Problem { TITLE_REQUIRED, TITLE_TOO_LONG }

    public StoryDraft {
        title = title == null ? "" : title.strip();
        prompt = prompt == null ? "" : prompt;
    }

    public List<Problem> problems() {
        List<Problem> problems = new ArrayList<>();
        if (title.isEmpty()) {
            problems.add(Problem.TITLE_REQUIRED);
        } else if (title.length() > MAX_TITLE_LENGTH) {
            problems.add(Problem.TITLE_TOO_LONG);
        }
        return List.copyOf(problems);
    }

    public boolean isValid() {
        return problems().isEmpty();
    }
}
