package com.storymimi.studio.ui.shell;

import com.storymimi.studio.ui.common.Texts;
import com.storymimi.studio.ui.palette.PaletteAction;

import java.util.List;

/** The main window's commands as the command palette lists them, each with the shortcut that also runs it. */
public final class ShellActions {

    private ShellActions() {
    }

    /** @param editProfiles opens the profile editor (a dialog, so the view supplies it) */
    public static List<PaletteAction> of(MainWindowViewModel window, Texts texts, Runnable editProfiles) {
        return List.of(
                new PaletteAction(texts.get("palette.action.newStory"), "Ctrl+N", window::newStory),
                new PaletteAction(texts.get("palette.action.newUser"), "Ctrl+N", window::newUser),
                goTo(window, texts, "goUsers", Section.USERS),
                goTo(window, texts, "goStories", Section.STORIES),
                goTo(window, texts, "goStorage", Section.STORAGE),
                goTo(window, texts, "goIntegrity", Section.INTEGRITY),
                goTo(window, texts, "goTrash", Section.TRASH),
                new PaletteAction(texts.get("palette.action.undo"), "Ctrl+Z", window::undo),
                new PaletteAction(texts.get("palette.action.redo"), "Ctrl+Shift+Z", window::redo),
                new PaletteAction(texts.get("palette.action.scanIntegrity"), "", window::scanIntegrity),
                new PaletteAction(texts.get("palette.action.toggleTheme"), "Ctrl+Shift+L", window::toggleTheme),
                new PaletteAction(texts.get("palette.action.editProfiles"), "", editProfiles));
    }

    private static PaletteAction goTo(MainWindowViewModel window, Texts texts, String key, Section section) {
        return new PaletteAction(texts.get("palette.action." + key), "Ctrl+" + (section.ordinal() + 1),
                () -> window.sectionProperty().set(section));
    }
}
