package com.storymimi.studio.ui.connect;

import atlantafx.base.theme.Styles;
import com.storymimi.studio.model.Credentials;
import com.storymimi.studio.ui.common.Texts;
import javafx.application.Platform;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** The sign-in question as a small modal dialog over the main window. */
public final class SignInDialog implements SignInPrompt {

    private final Texts texts;

    public SignInDialog(Texts texts) {
        this.texts = Objects.requireNonNull(texts, "texts");
    }

    @Override
    public CompletableFuture<Optional<Credentials>> ask(String projectName, boolean wrongBefore) {
        CompletableFuture<Optional<Credentials>> answer = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                answer.complete(show(projectName, wrongBefore));
            } catch (RuntimeException e) {
                answer.completeExceptionally(e);
            }
        });
        return answer;
    }

    private Optional<Credentials> show(String projectName, boolean wrongBefore) {
        TextField email = new TextField();
        email.setPromptText(texts.get("signin.email.prompt"));
        email.setAccessibleText(texts.get("signin.email"));
        PasswordField password = new PasswordField();
        password.setAccessibleText(texts.get("signin.password"));
        Label problem = new Label(texts.get("signin.wrong"));
        problem.getStyleClass().add(Styles.DANGER);
        problem.setVisible(wrongBefore);
        problem.setManaged(wrongBefore);
        VBox form = new VBox(6, new Label(texts.get("signin.email")), email,
                new Label(texts.get("signin.password")), password, problem);
        form.setPrefWidth(360);

        Dialog<Credentials> dialog = new Dialog<>();
        Window.getWindows().stream().filter(Window::isShowing).findFirst().ifPresent(dialog::initOwner);
        dialog.setTitle(texts.get("signin.title"));
        dialog.setHeaderText(texts.get("signin.header", projectName));
        ButtonType signIn = new ButtonType(texts.get("signin.button"), ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(signIn, new ButtonType(texts.get("signin.cancel"),
                ButtonData.CANCEL_CLOSE));
        dialog.getDialogPane().setContent(form);
        dialog.getDialogPane().lookupButton(signIn).disableProperty().bind(
                email.textProperty().isEmpty().or(password.textProperty().isEmpty()));
        dialog.setResultConverter(button -> button == signIn ? new Credentials(email.getText(), password.getText())
                : null);
        Platform.runLater(email::requestFocus);
        return dialog.showAndWait();
    }
}
