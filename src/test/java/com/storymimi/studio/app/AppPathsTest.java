package com.storymimi.studio.app;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AppPathsTest {

    private static final Path HOME = Path.of("/home/ana");

    @Test
    void linuxFollowsXdgDefaults() {
        AppPaths paths = AppPaths.resolve(null, Map.of(), "Linux", HOME);

        assertEquals(Path.of("/home/ana/.config/storymimi-studio"), paths.configDir());
        assertEquals(Path.of("/home/ana/.local/share/storymimi-studio"), paths.dataDir());
        assertEquals(Path.of("/home/ana/.local/state/storymimi-studio/logs"), paths.logDir());
    }

    @Test
    void linuxHonoursAbsoluteXdgVariablesAndIgnoresRelativeOnes() {
        AppPaths paths = AppPaths.resolve(null,
                Map.of("XDG_CONFIG_HOME", "/cfg", "XDG_DATA_HOME", "relative/data"), "Linux", HOME);

        assertEquals(Path.of("/cfg/storymimi-studio"), paths.configDir());
        assertEquals(Path.of("/home/ana/.local/share/storymimi-studio"), paths.dataDir());
    }

    @Test
    void oneHomeFolderHoldsEverything() {
        AppPaths paths = AppPaths.resolve("/tmp/sm", Map.of("XDG_CONFIG_HOME", "/cfg"), "Linux", HOME);

        assertEquals(Path.of("/tmp/sm/config"), paths.configDir());
        assertEquals(Path.of("/tmp/sm/data"), paths.dataDir());
        assertEquals(Path.of("/tmp/sm/logs"), paths.logDir());
        assertEquals(Path.of("/tmp/sm/config/profiles.json"), paths.profilesFile());
    }

    @Test
    void macAndWindowsUseTheirOwnFolders() {
        assertEquals(Path.of("/home/ana/Library/Application Support/StoryMimi Studio"),
                AppPaths.resolve(null, Map.of(), "Mac OS X", HOME).configDir());
        assertEquals(Path.of("/home/ana/Library/Logs/StoryMimi Studio"),
                AppPaths.resolve(null, Map.of(), "Mac OS X", HOME).logDir());
        assertEquals(Path.of("/appdata/StoryMimi Studio"),
                AppPaths.resolve(null, Map.of("APPDATA", "/appdata"), "Windows 11", HOME).configDir());
    }
}
