package com.storymimi.studio.ui.common;

import java.nio.file.Path;
import java.util.Locale;

/** File names the app suggests and completes when it saves something a person named (a bundle, a sheet). */
public final class FileNames {

    private FileNames() {
    }

    /** A file name from a title: letters, digits, spaces and dashes kept, the rest dropped; {@code fallback} if none. */
    public static String fromTitle(String title, String fallback) {
        String name = title.replaceAll("[^\\p{L}\\p{N} _-]", "").strip().replaceAll("\\s+", " ");
        return name.isEmpty() ? fallback : name.length() > 80 ? name.substring(0, 80).strip() : name;
    }

    /** {@code target}, with {@code .extension} added unless its name already ends with it (any case). */
    public static Path withExtension(Path target, String extension) {
        String name = target.getFileName().toString();
        return name.toLowerCase(Locale.ROOT).endsWith("." + extension) ? target
                : target.resolveSibling(name + "." + extension);
    }
}
