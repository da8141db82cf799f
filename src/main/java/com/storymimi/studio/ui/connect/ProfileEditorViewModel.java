package com.storymimi.studio.ui.connect;

import com.storymimi.studio.model.ConnectionProfile;
import com.storymimi.studio.model.ConnectionProfile.Kind;
import com.storymimi.studio.service.ConnectionService;
import com.storymimi.studio.ui.common.AsyncCommand;
import com.storymimi.studio.ui.common.Texts;
import com.storymimi.studio.ui.common.UserMessages;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;

/** The profile editor: the saved profiles on the left, the selected (or a new) one in a form on the right. */
public final class ProfileEditorViewModel {

    private final ConnectionService connections;
    private final UserMessages messages;
    private final Texts texts;

    private final ObservableList<ConnectionProfile> profiles = FXCollections.observableArrayList();
    // One wrapper, kept: listeners on a fresh wrapper per call would be dropped when it is collected.
    private final ObservableList<ConnectionProfile> profilesView = FXCollections.unmodifiableObservableList(profiles);
    private final ReadOnlyObjectWrapper<ConnectionProfile> selected = new ReadOnlyObjectWrapper<>(this, "selected");
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final ObjectProperty<Kind> kind = new SimpleObjectProperty<>(this, "kind", Kind.SUPABASE);
    private final StringProperty url = new SimpleStringProperty(this, "url", "");
    private final StringProperty anonKey = new SimpleStringProperty(this, "anonKey", "");
    private final ReadOnlyStringWrapper nameProblem = new ReadOnlyStringWrapper(this, "nameProblem", "");
    private final ReadOnlyStringWrapper urlProblem = new ReadOnlyStringWrapper(this, "urlProblem", "");
    private final ReadOnlyStringWrapper keyProblem = new ReadOnlyStringWrapper(this, "keyProblem", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final BooleanBinding valid;
    private final BooleanBinding sandbox;
    private final BooleanBinding kindLocked;

    private final AsyncCommand<List<ConnectionProfile>> load;
    private final AsyncCommand<ConnectionProfile> save;
    private final AsyncCommand<Void> remove;

    public ProfileEditorViewModel(ConnectionService connections, UserMessages messages, Texts texts, Executor fx) {
        this.connections = Objects.requireNonNull(connections, "connections");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.texts = Objects.requireNonNull(texts, "texts");
        valid = Bindings.createBooleanBinding(() -> form().problems().isEmpty(), name, kind, url, anonKey);
        sandbox = kind.isEqualTo(Kind.SANDBOX);
        // A saved profile keeps its kind: a sandbox turned into a remote project would be a different profile.
        kindLocked = selected.isNotNull();
        name.addListener(o -> updateProblems());
        kind.addListener(o -> updateProblems());
        url.addListener(o -> updateProblems());
        anonKey.addListener(o -> updateProblems());

        load = new AsyncCommand<>(fx, connections::profiles)
                .onSuccess(this::showProfiles)
                .onFailure(e -> message.set(messages.describe(e, "profiles")));
        save = new AsyncCommand<>(fx, () -> connections.save(form().toProfile(idToSave())), valid)
                .onSuccess(this::saved)
                .onFailure(e -> message.set(messages.describe(e, "profiles")));
        remove = new AsyncCommand<>(fx, () -> connections.remove(selected.get().id()), Bindings.createBooleanBinding(
                () -> selected.get() != null && !ConnectionProfile.LOCAL_SANDBOX_ID.equals(selected.get().id()), selected))
                .onSuccess(done -> { newProfile(); load.restart(); })
                .onFailure(e -> message.set(messages.describe(e, "profiles")));
        newProfile();
    }

    public void start() {
        load.restart();
    }

    public void select(ConnectionProfile profile) {
        if (profile == null || profile == selected.get()) {
            return;
        }
        selected.set(profile);
        fill(ProfileForm.of(profile));
    }

    public void newProfile() {
        selected.set(null);
        fill(new ProfileForm("", Kind.SUPABASE, "", ""));
    }

    private void fill(ProfileForm form) {
        name.set(form.name());
        kind.set(form.kind());
        url.set(form.url());
        anonKey.set(form.anonKey());
        message.set("");
    }

    private ProfileForm form() {
        return new ProfileForm(name.get(), kind.get(), url.get(), anonKey.get());
    }

    private String idToSave() {
        return selected.get() == null ? UUID.randomUUID().toString() : selected.get().id();
    }

    private void showProfiles(List<ConnectionProfile> loaded) {
        ConnectionProfile kept = selected.get();
        // Cleared first so the view hears the selection come back after the list was replaced.
        selected.set(null);
        profiles.setAll(loaded);
        if (kept != null) {
            selected.set(loaded.stream().filter(p -> p.id().equals(kept.id())).findFirst().orElse(kept));
        }
    }

    private void saved(ConnectionProfile profile) {
        selected.set(profile);
        message.set(texts.get("profiles.saved", profile.name()));
        load.restart();
    }

    private void updateProblems() {
        Set<ProfileForm.Problem> problems = form().problems();
        nameProblem.set(describe(problems, ProfileForm.Problem.NAME_REQUIRED));
        urlProblem.set(describe(problems, ProfileForm.Problem.URL_REQUIRED, ProfileForm.Problem.URL_NOT_HTTP));
        keyProblem.set(describe(problems, ProfileForm.Problem.KEY_REQUIRED));
    }

    private String describe(Set<ProfileForm.Problem> problems, ProfileForm.Problem... ofField) {
        for (ProfileForm.Problem candidate : ofField) {
            if (problems.contains(candidate)) {
                return texts.get("profiles.problem." + candidate.name());
            }
        }
        return "";
    }

    public ObservableList<ConnectionProfile> profiles() {
        return profilesView;
    }

    public ReadOnlyObjectProperty<ConnectionProfile> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public StringProperty nameProperty() {
        return name;
    }

    public ObjectProperty<Kind> kindProperty() {
        return kind;
    }

    public StringProperty urlProperty() {
        return url;
    }

    public StringProperty anonKeyProperty() {
        return anonKey;
    }

    public ReadOnlyStringProperty nameProblemProperty() {
        return nameProblem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty urlProblemProperty() {
        return urlProblem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty keyProblemProperty() {
        return keyProblem.getReadOnlyProperty();
    }

    /** The last outcome ("Profile 'Prod' saved." or a failure sentence). */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** True when the form is a sandbox profile: URL and key do not apply. */
    public BooleanBinding sandboxBinding() {
        return sandbox;
    }

    /** True when editing a saved profile, whose kind cannot change. */
    public BooleanBinding kindLockedBinding() {
        return kindLocked;
    }

    public AsyncCommand<ConnectionProfile> saveCommand() {
        return save;
    }

    public AsyncCommand<Void> removeCommand() {
        return remove;
    }
}
