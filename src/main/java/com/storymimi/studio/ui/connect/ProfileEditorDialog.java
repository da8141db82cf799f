package com.storymimi.studio.ui.connect;

import com.storymimi.studio.service.ConnectionService;
import com.storymimi.studio.ui.common.Texts;
import com.storymimi.studio.ui.common.UserMessages;
import com.storymimi.studio.ui.common.ViewLoader;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.stage.Window;

import java.util.Objects;
import java.util.concurrent.Executor;

/** Opens the profile editor as a dialog; {@code onClosed} runs when the person closes it. */
public final class ProfileEditorDialog {

    private final ConnectionService connections;
    private final UserMessages messages;
    private final Texts texts;
    private final Executor fx;
    private final ViewLoader loader;

    public ProfileEditorDialog(ConnectionService connections, UserMessages messages, Texts texts, Executor fx,
                               ViewLoader loader) {
        this.connections = Objects.requireNonNull(connections, "connections");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.texts = Objects.requireNonNull(texts, "texts");
        this.fx = Objects.requireNonNull(fx, "fx");
        this.loader = Objects.requireNonNull(loader, "loader");
    }

    public void show(Window owner, Runnable onClosed) {
        ProfileEditorViewModel viewModel = new ProfileEditorViewModel(connections, messages, texts, fx);
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(texts.get("profiles.title"));
        dialog.getDialogPane().setContent(loader.load(new ProfileEditorView(viewModel, texts)));
        dialog.getDialogPane().getButtonTypes().add(
                new ButtonType(texts.get("profiles.close"), javafx.scene.control.ButtonBar.ButtonData.CANCEL_CLOSE));
        dialog.setResizable(true);
        dialog.setOnHidden(e -> onClosed.run());
        dialog.show();
    }
}
