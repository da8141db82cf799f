package com.storymimi.studio.service;

import com.storymimi.studio.model.Finding;
import com.storymimi.studio.model.IntegrityFix;
import com.storymimi.studio.model.MediaKind;
import com.storymimi.studio.model.MediaRef;
import com.storymimi.studio.service.MediaRules.ObjectMeta;
import com.storymimi.studio.service.MediaUrls.Verdict;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The doctor's judgements that need no server: numbering, media rules, URL classes. */
class IntegrityRulesTest {

    private static final UUID STORY = UUID.fromString("00000000-0000-0000-0000-0000000000aa");
    private final MediaUrls urls = new MediaUrls(URI.create("http://127.0.0.1:54321/storage/v1/object/public/x/y"));

    @Test
    void aDuplicateSequenceIsBrokenAndNamed() {
        // cannot be planted through the API (UNIQUE(story_id, sequence)); a backend without the constraint could have it
        Finding finding = SequenceCheck.check(List.of(scene(1), scene(2), scene(2))).orElseThrow();

        assertTrue(finding.description().contains("used more than once: 2"), finding.description());
        assertEquals(new IntegrityFix.Renumber(STORY), finding.fix());
    }

    @Test
    void scenesNumberedOneToNAreFine() {
        assertEquals(Optional.empty(), SequenceCheck.check(List.of(scene(1), scene(2), scene(3))));
    }

    @Test
    void aStoryStartingAtTwoIsBroken() {
        assertTrue(SequenceCheck.check(List.of(scene(2), scene(3))).isPresent());
    }

    @Test
    void mediaRulesCheckTypeIgnoringParametersAndCaseAndThenSize() {
        assertEquals(Optional.empty(), MediaRules.problem(MediaKind.IMAGE, new ObjectMeta("Image/PNG; q=1", 10L)));
        assertTrue(MediaRules.problem(MediaKind.AUDIO, new ObjectMeta("image/png", 10L)).orElseThrow()
                .contains("audio must be MP3 or WAV"));
        assertTrue(MediaRules.problem(MediaKind.AUDIO, new ObjectMeta("audio/wav", MediaKind.AUDIO.maxBytes() + 1))
                .orElseThrow().contains("at most 50 MB"));
        assertEquals(Optional.empty(), MediaRules.problem(MediaKind.IMAGE, new ObjectMeta(null, null)),
                "without metadata nothing is claimed");
    }

    @Test
    void urlsAreOursForeignByHostOrNotStorageAtAll() {
        String ours = "http://127.0.0.1:54321/storage/v1/object/public/story-images/a/b.png";
        assertEquals(new Verdict.Ours(new MediaRef("story-images", "a/b.png"), Optional.empty()),
                urls.classify(MediaKind.IMAGE, ours));
        Verdict otherHost = urls.classify(MediaKind.IMAGE, ours.replace("127.0.0.1:54321", "cdn.example.com"));
        assertEquals(Optional.of("http://cdn.example.com:80"), assertInstanceOf(Verdict.Ours.class, otherHost).otherServer());
        assertInstanceOf(Verdict.Foreign.class, urls.classify(MediaKind.AUDIO, ours), "an image bucket URL as audio");
        assertInstanceOf(Verdict.Foreign.class, urls.classify(MediaKind.IMAGE, "https://example.com/b.png"));
        assertInstanceOf(Verdict.Foreign.class, urls.classify(MediaKind.IMAGE, "not a url"));
        assertInstanceOf(Verdict.Foreign.class, urls.classify(MediaKind.IMAGE, "/storage/v1/object/public/story-images/a/b.png"),
                "a relative URL cannot be loaded by the story apps");
    }

    private static SceneLinks scene(int sequence) {
        return new SceneLinks(UUID.randomUUID(), STORY, sequence, null, null, Instant.EPOCH);
    }
}
