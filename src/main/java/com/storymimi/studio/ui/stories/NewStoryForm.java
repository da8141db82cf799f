package com.storymimi.studio.ui.stories;

import com.storymimi.studio.model.SceneDraft;
import com.storymimi.studio.model.StoryDraft;
import com.storymimi.studio.model.User;
import com.storymimi.studio.ui.common.Texts;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * The small "New story" form above the table: title, prompt, the user it is for and, optionally, the texts of its
 * first scenes. The title's problem is
 * shown once the person typed in it (or tried to create), like the user form.
 */
public final class NewStoryForm {

    private final Texts texts;
    private final BooleanProperty open = new SimpleBooleanProperty(this, "open");
    private final StringProperty title = new SimpleStringProperty(this, "title", "");
    private final StringProperty prompt = new SimpleStringProperty(this, "prompt", "");
    private final StringProperty firstScenes = new SimpleStringProperty(this, "firstScenes", "");
    private final ObjectProperty<User> user = new SimpleObjectProperty<>(this, "user");
    private final ObservableList<User> users = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper titleProblem = new ReadOnlyStringWrapper(this, "titleProblem", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final BooleanBinding valid;
    private boolean touched;
    private UUID storyId = UUID.randomUUID();

    NewStoryForm(Texts texts) {
        this.texts = texts;
        valid = Bindings.createBooleanBinding(() -> draft().isValid(), title);
        title.addListener((obs, old, now) -> {
            touched = true;
            updateProblem();
        });
    }

    /**
     * The id the story will have: the same for every attempt until the form is reset, so pressing Create again
     * after a lost answer finds the story the first attempt stored instead of making a second one.
     */
    UUID storyId() {
        return storyId;
    }

    StoryDraft draft() {
        return new StoryDraft(user.get() == null ? null : user.get().userId(), title.get(), prompt.get());
    }

    /**
     * The optional first scenes: one per paragraph (paragraphs are separated by a blank line), numbered 1..n in
     * the order they were typed. Empty when the field is blank.
     */
    List<SceneDraft> sceneDrafts() {
        // Line endings normalised first: a lone "\r" of a "\r\n" must not count as a line of its own.
        String text = firstScenes.get().replace("\r\n", "\n").replace('\r', '\n');
        List<String> paragraphs = Arrays.stream(text.split("\n\\s*\n"))
                .map(String::strip).filter(paragraph -> !paragraph.isEmpty()).toList();
        return IntStream.range(0, paragraphs.size())
                .mapToObj(i -> new SceneDraft(i + 1, paragraphs.get(i))).toList();
    }

    void reset() {
        storyId = UUID.randomUUID();
        title.set("");
        prompt.set("");
        firstScenes.set("");
        user.set(null);
        error.set("");
        touched = false;
        updateProblem();
    }

    void revealProblems() {
        touched = true;
        updateProblem();
    }

    void showError(String sentence) {
        error.set(sentence);
    }

    private void updateProblem() {
        titleProblem.set(touched && !draft().problems().isEmpty()
                ? texts.get("stories.new.problem." + draft().problems().getFirst().name(), StoryDraft.MAX_TITLE_LENGTH)
                : "");
    }

    public BooleanProperty openProperty() {
        return open;
    }

    public StringProperty titleProperty() {
        return title;
    }

    public StringProperty promptProperty() {
        return prompt;
    }

    /** The first scenes' texts, one paragraph each; created with the story in one atomic call. */
    public StringProperty firstScenesProperty() {
        return firstScenes;
    }

    /** The user the story is for; null for a story without a user. */
    public ObjectProperty<User> userProperty() {
        return user;
    }

    /** The users to choose from (the first page of the Users list). */
    public ObservableList<User> users() {
        return users;
    }

    public ReadOnlyStringProperty titleProblemProperty() {
        return titleProblem.getReadOnlyProperty();
    }

    /** A failed create, as one sentence. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    BooleanBinding validBinding() {
        return valid;
    }
}
