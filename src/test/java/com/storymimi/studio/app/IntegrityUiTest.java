package com.storymimi.studio.app;

import com.storymimi.studio.model.Finding;
import com.storymimi.studio.model.FindingKind;
import com.storymimi.studio.ui.integrity.FindingRow;
import com.storymimi.studio.ui.integrity.IntegrityRow;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Drives the Integrity section in the real window over the demo backend (one finding of each kind). */
class IntegrityUiTest extends DemoWindowTest {

    @Start
    void start(Stage stage) throws Exception {
        startApp(stage);
    }

    @Test
    void ctrl4ScanFixOneFindingAndSeeItGone(FxRobot robot) throws Exception {
        waitUntil(() -> robot.lookup("#table").tryQuery().map(n -> n.isVisible()).orElse(false));

        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT4).release(KeyCode.CONTROL);
        waitUntil(() -> robot.lookup("#scanButton").tryQuery().map(n -> n.isVisible()).orElse(false));
        ListView<IntegrityRow> list = robot.lookup("#findingsList").queryListView();
        assertEquals("Scan the catalogue for broken links, unused files and broken scene order.",
                ((Label) list.getPlaceholder()).getText());

        robot.type(KeyCode.F5);
        waitUntil(() -> findings(list).size() == 6);
        Label summary = robot.lookup(".integrity-summary").queryAs(Label.class);
        assertEquals("Missing images and narrations 1 · Unused files 2 · Broken scene order 1 · "
                + "Wrong type or size 1 · Foreign links 1", summary.getText());
        assertTrue(robot.lookup(".finding-story").queryAllAs(Labeled.class).stream()
                        .anyMatch(l -> l.isVisible() && l.getText().equals("Story: The Owl Who Could Not Sleep")),
                "a finding names its story by title above its sentence");

        Finding renumber = findings(list).stream().map(FindingRow::finding)
                .filter(f -> f.kind() == FindingKind.BROKEN_SEQUENCE).findFirst().orElseThrow();
        Button renumberButton = robot.lookup(".fix-button").queryAllAs(Button.class).stream()
                .filter(b -> b.getText().equals("Renumber scenes")).findFirst().orElseThrow();
        robot.clickOn(renumberButton);

        waitUntil(() -> findings(list).size() == 5);
        assertTrue(findings(list).stream().noneMatch(row -> row.finding().equals(renumber)));
        assertEquals(List.of(renumber), backends.lastIntegrity.fixed);
        assertTrue(robot.lookup(".fix-button").queryAllAs(Button.class).stream()
                .noneMatch(b -> b.getText().equals("Renumber scenes")));
        assertTrue(summary.getText().startsWith("Missing images and narrations 1 · Unused files 2 · Wrong type"));
    }

    @Test
    void aFindingsStoryLineOpensTheStoryInTheEditor(FxRobot robot) throws Exception {
        waitUntil(() -> robot.lookup("#table").tryQuery().map(n -> n.isVisible()).orElse(false));
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT4).release(KeyCode.CONTROL);
        waitUntil(() -> robot.lookup("#scanButton").tryQuery().map(n -> n.isVisible()).orElse(false));
        ListView<IntegrityRow> list = robot.lookup("#findingsList").queryListView();
        robot.type(KeyCode.F5);
        waitUntil(() -> findings(list).size() == 6);

        Hyperlink owl = robot.lookup(".finding-story").queryAllAs(Labeled.class).stream()
                .filter(l -> l instanceof Hyperlink && l.isVisible()).map(Hyperlink.class::cast).findFirst()
                .orElseThrow();
        robot.clickOn(owl);

        waitUntil(() -> robot.lookup("#titleField").tryQuery().filter(n -> n.isVisible())
                .map(n -> ((TextField) n).getText().equals("The Owl Who Could Not Sleep")).orElse(false));
    }

    private static List<FindingRow> findings(ListView<IntegrityRow> list) {
        return list.getItems().stream().filter(FindingRow.class::isInstance).map(FindingRow.class::cast).toList();
    }
}
