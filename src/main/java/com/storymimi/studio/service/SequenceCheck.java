package com.storymimi.studio.service;

import com.storymimi.studio.model.Finding;
import com.storymimi.studio.model.FindingKind;
import com.storymimi.studio.model.IntegrityFix;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Whether a story's scenes are numbered exactly 1..n. */
final class SequenceCheck {

    private static final int SHOWN = 12;

    private SequenceCheck() {
    }

    /** @param scenes one story's scenes in their current order (sequence, then created_at) */
    static Optional<Finding> check(List<SceneLinks> scenes) {
        boolean broken = false;
        for (int i = 0; i < scenes.size(); i++) {
            broken |= scenes.get(i).sequence() != i + 1;
        }
        if (!broken) {
            return Optional.empty();
        }
        var story = scenes.getFirst().storyId();
        String numbers = scenes.stream().limit(SHOWN).map(scene -> String.valueOf(scene.sequence()))
                .collect(Collectors.joining(", ")) + (scenes.size() > SHOWN ? ", …" : "");
        Set<Integer> seen = new HashSet<>();
        List<Integer> twice = scenes.stream().map(SceneLinks::sequence).filter(sequence -> !seen.add(sequence))
                .distinct().toList();
        String duplicates = twice.isEmpty() ? "" : " (used more than once: " + twice.stream().limit(SHOWN)
                .map(String::valueOf).collect(Collectors.joining(", ")) + ")";
        String description = "Its " + scenes.size() + " scenes are numbered " + numbers
                + duplicates + " instead of 1.." + scenes.size() + ".";
        return Optional.of(new Finding(FindingKind.BROKEN_SEQUENCE, story, null, null, description,
                new IntegrityFix.Renumber(story)));
    }
}
