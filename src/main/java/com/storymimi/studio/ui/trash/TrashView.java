package com.storymimi.studio.ui.trash;

import com.storymimi.studio.model.TrashItem;
import com.storymimi.studio.model.TrashKind;
import com.storymimi.studio.ui.common.SectionViews;
import com.storymimi.studio.ui.common.Texts;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Binds the Trash section to its view model: a multi-select table, restore, delete for good, retention. */
public final class TrashView {

    /** The retention choices in days; 0 is "forever". */
    private static final List<Integer> RETENTIONS = List.of(7, 30, 90, 365, 0);
    private static final KeyCombination REFRESH = new KeyCodeCombination(KeyCode.F5);
    private static final KeyCombination RESTORE = new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN);

    private final TrashViewModel viewModel;
    private final Texts texts;
    private final DateTimeFormatter whenFormat;
    private final Map<KeyCombination, Runnable> shortcuts = Map.of(REFRESH, this::refresh, RESTORE, this::restore);

    @FXML private VBox root;
    @FXML private TableView<TrashItem> table;
    @FXML private TableColumn<TrashItem, TrashItem> nameColumn;
    @FXML private TableColumn<TrashItem, String> detailsColumn;
    @FXML private TableColumn<TrashItem, String> byColumn;
    @FXML private TableColumn<TrashItem, Instant> whenColumn;
    @FXML private Label placeholder;
    @FXML private Label messageLabel;
    @FXML private Label errorLabel;
    @FXML private ProgressBar busyBar;
    @FXML private ComboBox<Integer> retentionChoice;
    @FXML private Button refreshButton;
    @FXML private Button restoreButton;
    @FXML private Button deleteForeverButton;
    @FXML private Button emptyButton;

    public TrashView(TrashViewModel viewModel, Texts texts, ZoneId zone) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        this.texts = Objects.requireNonNull(texts, "texts");
        this.whenFormat = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(texts.locale()).withZone(zone);
    }

    @FXML
    private void initialize() {
        bindTable();
        bindRetention();
        restoreButton.disableProperty().bind(viewModel.restoreCommand().executableProperty().not());
        deleteForeverButton.disableProperty().bind(viewModel.deleteForeverCommand().executableProperty().not());
        emptyButton.disableProperty().bind(viewModel.emptyCommand().executableProperty().not());
        busyBar.visibleProperty().bind(viewModel.busyBinding());
        SectionViews.showWhenNotEmpty(messageLabel, viewModel.messageProperty());
        SectionViews.showWhenNotEmpty(errorLabel, viewModel.errorProperty());
        SectionViews.shortcutsWhileShown(root, shortcuts); // only while shown: sections share keys
    }

    private void bindTable() {
        table.setItems(viewModel.rows());
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<TrashItem>) change ->
                viewModel.select(List.copyOf(table.getSelectionModel().getSelectedItems())));
        nameColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        nameColumn.setCellFactory(column -> new TableCell<>() {
            @Override
            protected void updateItem(TrashItem item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                setText(viewModel.name(item));
                setGraphic(new FontIcon(icon(item.kind())));
                setAccessibleText(viewModel.describe(item));
            }
        });
        detailsColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(viewModel.details(c.getValue())));
        byColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().deletedByEmail() == null
                ? texts.get("trash.by.unknown") : c.getValue().deletedByEmail()));
        whenColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().deletedAt()));
        whenColumn.setCellFactory(column -> new TableCell<>() {
            @Override
            protected void updateItem(Instant when, boolean empty) {
                super.updateItem(when, empty);
                setText(empty || when == null ? null : whenFormat.format(when));
            }
        });
        placeholder.textProperty().bind(Bindings.when(viewModel.loadCommand().runningProperty())
                .then(texts.get("trash.loading")).otherwise(texts.get("trash.isEmpty")));
        table.addEventHandler(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.DELETE) {
                viewModel.deleteForeverCommand().execute();
                event.consume();
            }
        });
    }

    private static String icon(TrashKind kind) {
        return switch (kind) {
            case USER -> "mdi2a-account-outline";
            case STORY -> "mdi2b-book-open-page-variant-outline";
            case SCENE -> "mdi2i-image-text";
            case IMAGE -> "mdi2i-image-plus";
            case AUDIO -> "mdi2m-music-note";
        };
    }

    private void bindRetention() {
        retentionChoice.getItems().setAll(RETENTIONS);
        if (!RETENTIONS.contains(viewModel.retentionDaysProperty().get())) {
            retentionChoice.getItems().add(viewModel.retentionDaysProperty().get());
        }
        retentionChoice.setCellFactory(list -> new RetentionCell());
        retentionChoice.setButtonCell(new RetentionCell());
        retentionChoice.setValue(viewModel.retentionDaysProperty().get());
        retentionChoice.valueProperty().addListener((obs, old, days) -> {
            if (days != null) {
                viewModel.retentionDaysProperty().set(days);
            }
        });
    }

    private final class RetentionCell extends ListCell<Integer> {
        @Override
        protected void updateItem(Integer days, boolean empty) {
            super.updateItem(days, empty);
            setText(empty || days == null ? null
                    : days == 0 ? texts.get("trash.retention.forever") : texts.get("trash.retention.days", days));
        }
    }

    @FXML
    private void refresh() {
        viewModel.refresh();
    }

    @FXML
    private void restore() {
        viewModel.restoreCommand().execute();
    }

    @FXML
    private void deleteForever() {
        viewModel.deleteForeverCommand().execute();
    }

    @FXML
    private void emptyTrash() {
        viewModel.emptyCommand().execute();
    }
}
