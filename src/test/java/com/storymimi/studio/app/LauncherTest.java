package com.storymimi.studio.app;

import org.junit.jupiter.api.Test;

import java.nio.file.FileSystemException;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LauncherTest {

    @Test
    void serveTakesThePortGivenOrSupabasesDefault() {
        assertEquals(54321, Launcher.servePort(new String[] {"--serve"}));
        assertEquals(0, Launcher.servePort(new String[] {"--serve", "--port", "0"}));
    }

    @Test
    void aBadPortIsExplained() {
        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class,
                () -> Launcher.servePort(new String[] {"--serve", "--port", "many"}));
        assertEquals("--port needs a number from 0 to 65535, not many", failure.getMessage());
    }

    @Test
    void serveCanRaiseTheSandboxUploadLimit() {
        assertEquals(OptionalInt.of(256), Launcher.serveMaxObjectMb(new String[] {"--serve", "--max-object-mb", "256"}));
        assertEquals(OptionalInt.empty(), Launcher.serveMaxObjectMb(new String[] {"--serve", "--port", "0"}));
        assertThrows(IllegalArgumentException.class,
                () -> Launcher.serveMaxObjectMb(new String[] {"--serve", "--max-object-mb", "0"}));
    }

    @Test
    void anUnwritableHomeSaysWhatToDo() {
        String message = Launcher.startFailureMessage(
                new FileSystemException("/home/ana/.config/storymimi-studio: Not a directory"));

        assertTrue(message.startsWith("StoryMimi Studio could not start: it cannot write its folders"), message);
        assertTrue(message.contains("-Dstorymimi.home"), message);
    }

    @Test
    void noDisplaySaysToStartFromADesktop() {
        String message = Launcher.startFailureMessage(new UnsupportedOperationException("Unable to open DISPLAY"));

        assertEquals("StoryMimi Studio could not open its window (Unable to open DISPLAY). "
                + "Start it from a desktop session.", message);
    }
}
