package com.storymimi.studio.model;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What an editor types to create or change a user. The validation rules live here, once, so the form
 * (immediate feedback) and the service (the guard before any request) cannot disagree.
 */
public record UserDraft(String username, String email) {

    // Pragmatic, not RFC 5322: one @, something before it, a dotted domain after it, no spaces.
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+$");

    public enum Problem { USERNAME_REQUIRED, USERNAME_TOO_LONG, EMAIL_REQUIRED, EMAIL_MALFORMED }

    public static final int MAX_USERNAME_LENGTH = 100;

    public UserDraft {
        username = username == null ? "" : username.strip();
        email = email == null ? "" : email.strip();
    }

    public List<Problem> problems() {
        List<Problem> problems = new ArrayList<>();
        if (username.isEmpty()) {
            problems.add(Problem.USERNAME_REQUIRED);
        } else if (username.length() > MAX_USERNAME_LENGTH) {
            problems.add(Problem.USERNAME_TOO_LONG);
        }
        if (email.isEmpty()) {
            problems.add(Problem.EMAIL_REQUIRED);
        } else if (!EMAIL.matcher(email).matches()) {
            problems.add(Problem.EMAIL_MALFORMED);
        }
        return List.copyOf(problems);
    }

    public boolean isValid() {
        return problems().isEmpty();
    }
}
