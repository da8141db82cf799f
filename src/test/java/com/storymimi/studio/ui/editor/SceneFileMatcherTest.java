package com.storymimi.studio.ui.editor;

import com.storymimi.studio.model.MediaKind;
import com.storymimi.studio.ui.editor.SceneFileMatcher.Match;
import com.storymimi.studio.ui.editor.SceneFileMatcher.Miss;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SceneFileMatcherTest {

    @ParameterizedTest(name = "{0} -> scene {1} {2}")
    @CsvSource({
            "1.png, 1, IMAGE",
            "02.mp3, 2, AUDIO",
            "scene-3.png, 3, IMAGE",
            "Scene_04.wav, 4, AUDIO",
            "story 5 narration.mp3, 5, AUDIO",
            "SCENE 12.JPEG, 12, IMAGE",
            "0007.jpg, 7, IMAGE",
            "owl-2024-scene-3.png, 3, IMAGE",
            "scene.10.webp, 10, IMAGE",
            "narration-8.Flac, 8, AUDIO",
            "0.png, 0, IMAGE"
    })
    void aNumberInTheNameNamesTheSceneAndTheExtensionTheKind(String name, int scene, MediaKind kind) {
        Match match = SceneFileMatcher.match(Path.of("/drop", name));

        assertTrue(match.matched(), name);
        assertEquals(scene, match.sceneNumber());
        assertEquals(kind, match.kind());
        assertNull(match.miss());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "notes.txt, NOT_MEDIA",
            "3.pdf, NOT_MEDIA",
            ".DS_Store, NOT_MEDIA",
            "README, NOT_MEDIA",
            "cover.png, NO_NUMBER",
            "owl-2024-3.png, AMBIGUOUS_NUMBER",
            "2 of 5.mp3, AMBIGUOUS_NUMBER",
            "20240311123.png, AMBIGUOUS_NUMBER"
    })
    void namesWithoutOneClearNumberOrNotMediaAreLeftUnmatched(String name, Miss miss) {
        Match match = SceneFileMatcher.match(Path.of(name));

        assertFalse(match.matched(), name);
        assertEquals(miss, match.miss());
    }

    @Test
    void aNameWithoutNumberStillSaysWhatKindItIs() {
        assertEquals(MediaKind.AUDIO, SceneFileMatcher.match(Path.of("intro.wav")).kind());
    }

    @Test
    void theKindIsReadFromTheExtensionInAnyCaseSoThatTheCheckCanExplainARefusal() {
        assertEquals(MediaKind.IMAGE, SceneFileMatcher.kindOf("WebP").orElseThrow());
        assertEquals(MediaKind.AUDIO, SceneFileMatcher.kindOf("OGG").orElseThrow());
        assertTrue(SceneFileMatcher.kindOf("docx").isEmpty());
    }

    @Test
    void matchAllKeepsTheOrderOfTheDrop() {
        List<Match> matches = SceneFileMatcher.matchAll(List.of(Path.of("3.png"), Path.of("x.txt"), Path.of("1.mp3")));

        assertEquals(List.of(Path.of("3.png"), Path.of("x.txt"), Path.of("1.mp3")),
                matches.stream().map(Match::file).toList());
        assertEquals(List.of(3, 0, 1), matches.stream().map(Match::sceneNumber).toList());
    }
}
