package com.storymimi.studio.ui.common;

import atlantafx.base.controls.Notification;
import atlantafx.base.theme.Styles;
import javafx.animation.PauseTransition;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The JavaFX {@link DialogService}: confirmations are window-modal alerts, notifications slide into a layer in
 * the top-right corner of the main window and disappear by themselves. Call on the FX thread only.
 */
public final class FxDialogService implements DialogService {

    private static final Duration NOTIFICATION_TIME = Duration.seconds(6);
    private static final int MAX_NOTIFICATIONS = 3;
    private static final double PLAN_ROW_HEIGHT = 40;

    private final Texts texts;
    private Window owner;
    private final VBox notificationLayer = new VBox(8);
    private boolean warmedUp;

    public FxDialogService(Texts texts) {
        this.texts = Objects.requireNonNull(texts, "texts");
        notificationLayer.setAlignment(Pos.TOP_RIGHT);
        notificationLayer.setPickOnBounds(false);
        notificationLayer.setFillWidth(false);
        notificationLayer.getStyleClass().add("notification-layer");
        notificationLayer.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null && !warmedUp) {
                warmUp();
            }
        });
    }

    /**
     * The first notification in a process took several frames (its skin's classes, its styles, its shadow); one
     * is put into the layer hidden for a moment once the window shows, so that the first real one is as quick as
     * any later one.
     */
    private void warmUp() {
        warmedUp = true;
        Notification hidden = notification("", "mdi2i-information-outline", Styles.ACCENT);
        hidden.setVisible(false);
        hidden.setManaged(false);
        notificationLayer.getChildren().add(hidden);
        PauseTransition done = new PauseTransition(Duration.seconds(2));
        done.setOnFinished(e -> notificationLayer.getChildren().remove(hidden));
        done.play();
    }

    /** The window that owns confirmations. */
    public void setOwner(Window owner) {
        this.owner = owner;
    }

    /** The layer to stack above the main window's content; it is transparent to the mouse where empty. */
    public Pane notificationLayer() {
        return notificationLayer;
    }

    @Override
    public CompletableFuture<Boolean> confirm(String title, String message, String confirmLabel) {
        ButtonType confirmButton = new ButtonType(confirmLabel, ButtonBar.ButtonData.OK_DONE);
        ButtonType cancelButton = new ButtonType(texts.get("dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, message, confirmButton, cancelButton);
        alert.setTitle(title);
        alert.setHeaderText(title);
        if (owner != null) {
            alert.initOwner(owner);
        }
        // The safe answer is the default: Enter on a destructive question must not destroy.
        ((Button) alert.getDialogPane().lookupButton(confirmButton)).setDefaultButton(false);
        ((Button) alert.getDialogPane().lookupButton(cancelButton)).setDefaultButton(true);
        alert.getDialogPane().lookupButton(confirmButton).getStyleClass().add(Styles.DANGER);
        CompletableFuture<Boolean> answer = new CompletableFuture<>();
        alert.setOnHidden(e -> answer.complete(alert.getResult() == confirmButton));
        alert.show();
        return answer;
    }

    @Override
    public CompletableFuture<Optional<Integer>> choose(String title, String message, List<String> answers) {
        List<ButtonType> buttons = new java.util.ArrayList<>();
        for (String answer : answers) {
            buttons.add(new ButtonType(answer, ButtonBar.ButtonData.OTHER));
        }
        ButtonType cancelButton = new ButtonType(texts.get("dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        buttons.add(cancelButton);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, message, buttons.toArray(ButtonType[]::new));
        alert.setTitle(title);
        alert.setHeaderText(title);
        if (owner != null) {
            alert.initOwner(owner);
        }
        ((Button) alert.getDialogPane().lookupButton(buttons.getFirst())).setDefaultButton(true);
        for (ButtonType button : buttons) {
            // Answers are short phrases: never cut to "Replace (the…".
            Button shown = (Button) alert.getDialogPane().lookupButton(button);
            ButtonBar.setButtonUniformSize(shown, false);
            shown.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        alert.getDialogPane().setPrefWidth(560);
        CompletableFuture<Optional<Integer>> answer = new CompletableFuture<>();
        alert.setOnHidden(e -> {
            int index = buttons.indexOf(alert.getResult());
            answer.complete(index < 0 || alert.getResult() == cancelButton ? Optional.empty() : Optional.of(index));
        });
        alert.show();
        return answer;
    }

    @Override
    public CompletableFuture<Boolean> confirmPlan(String title, String message, List<String> lines,
                                                  String confirmLabel) {
        ButtonType confirmButton = new ButtonType(confirmLabel, ButtonBar.ButtonData.OK_DONE);
        ButtonType cancelButton = new ButtonType(texts.get("dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, message, confirmButton, cancelButton);
        alert.setTitle(title);
        alert.setHeaderText(title);
        ListView<String> list = new ListView<>(FXCollections.observableArrayList(lines));
        list.setId("planList");
        list.setFixedCellSize(PLAN_ROW_HEIGHT); // so that the height below fits every line without a scroll bar
        list.setPrefSize(560, Math.min(360, PLAN_ROW_HEIGHT * lines.size() + 4));
        list.setFocusTraversable(false);
        alert.getDialogPane().setContent(new VBox(8, new Label(message), list));
        alert.setResizable(true);
        if (owner != null) {
            alert.initOwner(owner);
        }
        CompletableFuture<Boolean> answer = new CompletableFuture<>();
        alert.setOnHidden(e -> answer.complete(alert.getResult() == confirmButton));
        alert.show();
        return answer;
    }

    @Override
    public void showError(String message) {
        notify(message, "mdi2a-alert-circle-outline", Styles.DANGER);
    }

    @Override
    public void showInfo(String message) {
        notify(message, "mdi2i-information-outline", Styles.ACCENT);
    }

    @Override
    public CompletableFuture<Optional<Path>> chooseFile(FileChoice choice) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(choice.title());
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(choice.filterDescription(),
                choice.extensions().stream().map(ext -> "*." + ext).toList()));
        File file = chooser.showOpenDialog(owner);
        return CompletableFuture.completedFuture(Optional.ofNullable(file).map(File::toPath));
    }

    @Override
    public CompletableFuture<Optional<Path>> chooseSaveFile(String title, String suggestedName) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.setInitialFileName(suggestedName);
        File file = chooser.showSaveDialog(owner);
        return CompletableFuture.completedFuture(Optional.ofNullable(file).map(File::toPath));
    }

    @Override
    public CompletableFuture<ConflictResolution> resolveConflict(String title, String theirs, String yours) {
        return new ConflictDialog(texts, owner, title, theirs, yours).show();
    }

    private void notify(String message, String icon, String style) {
        if (notificationLayer.getScene() == null) {
            // No main window yet (start-up): an alert is the only place a person will see it.
            Alert alert = new Alert(Alert.AlertType.ERROR, message);
            alert.setHeaderText(null);
            alert.show();
            return;
        }
        Notification notification = notification(message, icon, style);
        notification.setOnClose(e -> notificationLayer.getChildren().remove(notification));
        if (notificationLayer.getChildren().size() >= MAX_NOTIFICATIONS) {
            notificationLayer.getChildren().removeFirst();
        }
        notificationLayer.getChildren().add(notification);
        PauseTransition timeout = new PauseTransition(NOTIFICATION_TIME);
        timeout.setOnFinished(e -> notificationLayer.getChildren().remove(notification));
        timeout.play();
    }

    private static Notification notification(String message, String icon, String style) {
        Notification notification = new Notification(message, new FontIcon(icon));
        notification.getStyleClass().addAll(style, Styles.ELEVATED_1);
        notification.setPrefWidth(380);
        notification.setMaxHeight(Region.USE_PREF_SIZE);
        notification.setAccessibleText(message);
        return notification;
    }
}
