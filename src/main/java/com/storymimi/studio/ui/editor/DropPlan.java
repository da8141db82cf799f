package com.storymimi.studio.ui.editor;

import com.storymimi.studio.model.MediaKind;
import com.storymimi.studio.model.Scene;
import com.storymimi.studio.ui.common.Texts;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a drop of many files on the scene strip will do, decided before anything is uploaded: per file the
 * scene and kind it goes to (new or replacing what the scene has), or why it is skipped or refused.
 * Pure: the refusals come from the media service's checks, run before the plan is made.
 */
public record DropPlan(List<Entry> entries) {

    /** What happens to one file. */
    public enum Verdict { NEW, REPLACE, NO_SUCH_SCENE, DUPLICATE, REFUSED, UNMATCHED }

    /**
     * @param scene  the target scene for NEW and REPLACE (null otherwise)
     * @param reason the refusal sentence (REFUSED), the file that already goes there (DUPLICATE), else null
     * @param size   the file's size in bytes, for upload progress (0 when unknown)
     */
    public record Entry(SceneFileMatcher.Match match, Verdict verdict, Scene scene, String reason, long size) {

        public Path file() {
            return match.file();
        }

        public boolean uploads() {
            return verdict == Verdict.NEW || verdict == Verdict.REPLACE;
        }
    }

    public DropPlan {
        entries = List.copyOf(entries);
    }

    /**
     * @param refusals the check's sentence per refused file (files without an entry passed their check)
     * @param sizes    file sizes in bytes (missing: 0)
     */
    public static DropPlan of(List<SceneFileMatcher.Match> matches, List<Scene> scenes, Map<Path, String> refusals,
                              Map<Path, Long> sizes) {
        Map<Integer, Scene> byNumber = new HashMap<>();
        scenes.forEach(s -> byNumber.put(s.sequence(), s));
        Map<String, Path> taken = new HashMap<>();
        List<Entry> entries = new ArrayList<>();
        for (SceneFileMatcher.Match m : matches) {
            long size = sizes.getOrDefault(m.file(), 0L);
            Scene scene = m.matched() ? byNumber.get(m.sceneNumber()) : null;
            if (!m.matched()) {
                entries.add(new Entry(m, Verdict.UNMATCHED, null, null, size));
            } else if (scene == null) {
                entries.add(new Entry(m, Verdict.NO_SUCH_SCENE, null, null, size));
            } else if (refusals.containsKey(m.file())) {
                entries.add(new Entry(m, Verdict.REFUSED, null, refusals.get(m.file()), size));
            } else {
                Path first = taken.putIfAbsent(m.sceneNumber() + "/" + m.kind(), m.file());
                if (first != null) {
                    entries.add(new Entry(m, Verdict.DUPLICATE, null, String.valueOf(first.getFileName()), size));
                } else {
                    boolean has = (m.kind() == MediaKind.IMAGE ? scene.imageUrl() : scene.audioUrl()) != null;
                    entries.add(new Entry(m, has ? Verdict.REPLACE : Verdict.NEW, scene, null, size));
                }
            }
        }
        return new DropPlan(entries);
    }

    public List<Entry> uploads() {
        return entries.stream().filter(Entry::uploads).toList();
    }

    public long count(Verdict verdict) {
        return entries.stream().filter(e -> e.verdict() == verdict).count();
    }

    /** The files neither uploaded nor refused: no such scene, a second file for the same place, or no number. */
    public long skipped() {
        return count(Verdict.NO_SUCH_SCENE) + count(Verdict.DUPLICATE) + count(Verdict.UNMATCHED);
    }

    /** One line per file for the confirmation, in the order they were dropped. */
    public List<String> lines(Texts texts) {
        Objects.requireNonNull(texts, "texts");
        return entries.stream().map(e -> line(texts, e)).toList();
    }

    private static String line(Texts texts, Entry e) {
        String name = String.valueOf(e.file().getFileName());
        SceneFileMatcher.Match m = e.match();
        String kind = m.kind() == null ? "" : texts.get("editor.drop.kind." + m.kind().name());
        return switch (e.verdict()) {
            case NEW -> texts.get("editor.drop.line.new", name, m.sceneNumber(), kind);
            case REPLACE -> texts.get("editor.drop.line.replace", name, m.sceneNumber(), kind);
            case NO_SUCH_SCENE -> texts.get("editor.drop.line.noScene", name, m.sceneNumber());
            case DUPLICATE -> texts.get("editor.drop.line.duplicate", name, m.sceneNumber(), kind, e.reason());
            case REFUSED -> texts.get("editor.drop.line.refused", name, e.reason());
            case UNMATCHED -> texts.get("editor.drop.line." + switch (m.miss()) {
                case NOT_MEDIA -> "notMedia";
                case NO_NUMBER -> "noNumber";
                case AMBIGUOUS_NUMBER -> "ambiguous";
            }, name);
        };
    }
}
