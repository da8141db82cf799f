package com.storymimi.studio.app;

import com.storymimi.studio.ui.shell.Theme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SettingsStoreTest {

    @TempDir
    Path dir;

    @Test
    void aFirstStartHasNoThemeSoTheSystemPreferenceApplies() {
        Settings settings = new SettingsStore(dir.resolve("settings.json"), Runnable::run).load();

        assertNull(settings.theme());
        assertNull(settings.window());
        assertNull(settings.activeProfileId());
    }

    @Test
    void whatWasSavedIsReadBackByTheNextRun() {
        Path file = dir.resolve("settings.json");
        SettingsStore store = new SettingsStore(file, Runnable::run);
        store.load();

        store.update(s -> s.withTheme(Theme.DARK)).join();
        store.update(s -> s.withWindow(new Settings.WindowBounds(10, 20, 1300, 800, true))).join();
        store.update(s -> s.withActiveProfileId("prod")).join();

        Settings next = new SettingsStore(file, Runnable::run).load();
        assertEquals(Theme.DARK, next.theme());
        assertEquals(new Settings.WindowBounds(10, 20, 1300, 800, true), next.window());
        assertEquals("prod", next.activeProfileId());
    }

    @Test
    void theThemeIsStoredAsAWord() throws Exception {
        Path file = dir.resolve("settings.json");
        SettingsStore store = new SettingsStore(file, Runnable::run);
        store.load();

        store.update(s -> s.withTheme(Theme.LIGHT)).join();

        assertTrue(Files.readString(file).contains("\"theme\": \"light\""));
    }

    @Test
    void aCorruptFileGivesDefaultsIsKeptAsBakAndIsLogged() throws Exception {
        Path file = dir.resolve("settings.json");
        Files.writeString(file, "{ \"theme\": \"dark\", ");

        Settings settings;
        try (LogCapture log = new LogCapture(JsonFile.class)) {
            settings = new SettingsStore(file, Runnable::run).load();
            assertTrue(log.messages().stream().anyMatch(m -> m.startsWith("WARN") && m.contains("settings.json.bak")),
                    log.messages().toString());
        }

        assertEquals(Settings.defaults(), settings);
        assertEquals("{ \"theme\": \"dark\", ", Files.readString(dir.resolve("settings.json.bak")));
        assertTrue(Files.notExists(file));
    }
}
