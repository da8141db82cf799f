package com.storymimi.studio.ui.users;

import com.storymimi.studio.model.User;
import com.storymimi.studio.model.UserDraft;
import com.storymimi.studio.ui.common.Texts;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.List;

/**
 * The fields of the user form and their inline problems. A problem is shown only once the person has typed
 * in that field (or tried to save), so a fresh form is not a wall of red; Save is disabled either way.
 */
final class UserForm {

    private final Texts texts;
    private final StringProperty username = new SimpleStringProperty(this, "username", "");
    private final StringProperty email = new SimpleStringProperty(this, "email", "");
    private final ReadOnlyStringWrapper usernameProblem = new ReadOnlyStringWrapper(this, "usernameProblem", "");
    private final ReadOnlyStringWrapper emailProblem = new ReadOnlyStringWrapper(this, "emailProblem", "");
    private final BooleanBinding valid;
    private boolean usernameTouched;
    private boolean emailTouched;
    private boolean filling;
    private final ObjectProperty<User> original = new SimpleObjectProperty<>(this, "original");
    private final BooleanBinding changed;

    UserForm(Texts texts) {
        this.texts = texts;
        valid = Bindings.createBooleanBinding(() -> draft().isValid(), username, email);
        changed = Bindings.createBooleanBinding(this::isChanged, username, email, original);
        username.addListener((obs, old, now) -> touched(true, false));
        email.addListener((obs, old, now) -> touched(false, true));
    }

    UserDraft draft() {
        return new UserDraft(username.get(), email.get());
    }

    /** Fills the form from a user (or empties it for a new one) without showing problems. */
    void fill(User user) {
        original.set(user);
        filling = true;
        try {
            username.set(user == null ? "" : user.username());
            email.set(user == null ? "" : user.email());
        } finally {
            filling = false;
        }
        usernameTouched = false;
        emailTouched = false;
        updateProblems();
    }

    /** Shows every problem, e.g. when Save was pressed anyway (keyboard shortcut on an invalid form). */
    void revealProblems() {
        usernameTouched = true;
        emailTouched = true;
        updateProblems();
    }

    /** True when the form differs from what was loaded into it (always true for a new, non-empty user). */
    boolean isChanged() {
        UserDraft draft = draft();
        User loaded = original.get();
        if (loaded == null) {
            return !draft.username().isEmpty() || !draft.email().isEmpty();
        }
        return !draft.username().equals(loaded.username()) || !draft.email().equals(loaded.email());
    }

    private void touched(boolean usernameChanged, boolean emailChanged) {
        if (!filling) {
            usernameTouched |= usernameChanged;
            emailTouched |= emailChanged;
        }
        updateProblems();
    }

    private void updateProblems() {
        List<UserDraft.Problem> problems = draft().problems();
        usernameProblem.set(usernameTouched ? describe(problems, UserDraft.Problem.USERNAME_REQUIRED,
                UserDraft.Problem.USERNAME_TOO_LONG) : "");
        emailProblem.set(emailTouched ? describe(problems, UserDraft.Problem.EMAIL_REQUIRED,
                UserDraft.Problem.EMAIL_MALFORMED) : "");
    }

    private String describe(List<UserDraft.Problem> problems, UserDraft.Problem... ofField) {
        for (UserDraft.Problem candidate : ofField) {
            if (problems.contains(candidate)) {
                return texts.get("users.problem." + candidate.name(), UserDraft.MAX_USERNAME_LENGTH);
            }
        }
        return "";
    }

    StringProperty usernameProperty() {
        return username;
    }

    StringProperty emailProperty() {
        return email;
    }

    ReadOnlyStringProperty usernameProblemProperty() {
        return usernameProblem.getReadOnlyProperty();
    }

    ReadOnlyStringProperty emailProblemProperty() {
        return emailProblem.getReadOnlyProperty();
    }

    BooleanBinding validBinding() {
        return valid;
    }

    BooleanBinding changedBinding() {
        return changed;
    }
}
