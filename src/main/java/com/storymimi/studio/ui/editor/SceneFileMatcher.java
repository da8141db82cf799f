package com.storymimi.studio.ui.editor;

import com.storymimi.studio.model.MediaKind;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads from a file's name which scene it is for and whether it is an image or a narration: {@code 1.png},
 * {@code 02.mp3}, {@code scene-3.png}, {@code Scene_04.wav}, {@code story 5 narration.mp3}. Pure: no disk.
 * A name with several numbers is matched only when one of them follows the word "scene" (e.g.
 * {@code owl-2024-scene-3.png}); otherwise it is ambiguous and left unmatched rather than guessed.
 */
public final class SceneFileMatcher {

    /** Extensions taken as images or audio. Wide on purpose: the content check then says why a WebP is refused. */
    static final Set<String> IMAGE_EXTENSIONS =
            Set.of("png", "jpg", "jpeg", "webp", "gif", "bmp", "tif", "tiff", "heic", "avif", "svg");
    static final Set<String> AUDIO_EXTENSIONS =
            Set.of("mp3", "wav", "ogg", "oga", "flac", "m4a", "aac", "aiff", "opus", "wma");

    private static final Pattern NUMBER = Pattern.compile("\\d+");
    private static final Pattern AFTER_SCENE = Pattern.compile("scene[\\s_.-]*(\\d+)", Pattern.CASE_INSENSITIVE);
    private static final int MAX_DIGITS = 6; // "20240311.png" is a date, not scene twenty million

    /** Why a file could not be matched to a scene. */
    public enum Miss { NOT_MEDIA, NO_NUMBER, AMBIGUOUS_NUMBER }

    /** One file: either its scene number and kind, or why not. */
    public record Match(Path file, int sceneNumber, MediaKind kind, Miss miss) {

        public boolean matched() {
            return miss == null;
        }
    }

    private SceneFileMatcher() {
    }

    /** Matches each file on its own; the order of the input is kept. */
    public static List<Match> matchAll(List<Path> files) {
        List<Match> matches = new ArrayList<>(files.size());
        files.forEach(f -> matches.add(match(f)));
        return matches;
    }

    public static Match match(Path file) {
        String name = String.valueOf(file.getFileName());
        int dot = name.lastIndexOf('.');
        Optional<MediaKind> kind = dot <= 0 ? Optional.empty() : kindOf(name.substring(dot + 1));
        if (kind.isEmpty()) {
            return new Match(file, 0, null, Miss.NOT_MEDIA);
        }
        String stem = name.substring(0, dot);
        Matcher afterScene = AFTER_SCENE.matcher(stem);
        if (afterScene.find()) {
            return numbered(file, afterScene.group(1), kind.get());
        }
        List<String> numbers = NUMBER.matcher(stem).results().map(m -> m.group()).toList();
        if (numbers.isEmpty()) {
            return new Match(file, 0, kind.get(), Miss.NO_NUMBER);
        }
        if (numbers.size() > 1) {
            return new Match(file, 0, kind.get(), Miss.AMBIGUOUS_NUMBER);
        }
        return numbered(file, numbers.getFirst(), kind.get());
    }

    private static Match numbered(Path file, String digits, MediaKind kind) {
        String significant = digits.replaceFirst("^0+(?=\\d)", "");
        if (significant.length() > MAX_DIGITS) {
            return new Match(file, 0, kind, Miss.AMBIGUOUS_NUMBER);
        }
        return new Match(file, Integer.parseInt(significant), kind, null);
    }

    /** IMAGE or AUDIO by extension (any case); empty for anything else. */
    public static Optional<MediaKind> kindOf(String extension) {
        String ext = extension.toLowerCase(Locale.ROOT);
        if (IMAGE_EXTENSIONS.contains(ext)) {
            return Optional.of(MediaKind.IMAGE);
        }
        return AUDIO_EXTENSIONS.contains(ext) ? Optional.of(MediaKind.AUDIO) : Optional.empty();
    }
}
