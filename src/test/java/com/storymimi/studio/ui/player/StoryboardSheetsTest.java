package com.storymimi.studio.ui.player;

import com.storymimi.studio.model.MediaKind;
import com.storymimi.studio.model.Scene;
import com.storymimi.studio.model.Story;
import com.storymimi.studio.model.StoryDetail;
import com.storymimi.studio.model.StoryStatus;
import com.storymimi.studio.service.MediaService;
import com.storymimi.studio.service.ServiceException;
import com.storymimi.studio.service.StoryService;
import com.storymimi.studio.ui.common.UserMessages;
import com.storymimi.studio.ui.testing.ManualDelays;
import com.storymimi.studio.ui.testing.RecordingDialogs;
import com.storymimi.studio.ui.testing.TestTexts;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class StoryboardSheetsTest {

    private static final UUID STORY = UUID.randomUUID();
    private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");

    private final StoryService stories = mock(StoryService.class);
    private final MediaService media = mock(MediaService.class);
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private final List<StoryboardSheet> drawn = new ArrayList<>();
    private final List<Path> targets = new ArrayList<>();
    private CompletableFuture<Void> rendering = CompletableFuture.completedFuture(null);
    private final StoryboardContext context = new StoryboardContext(stories, media,
            new UserMessages(TestTexts.create()), TestTexts.create(), Runnable::run, new ManualDelays(),
            Clock.fixed(Instant.parse("2026-12-08T09:30:00Z"), ZoneOffset.UTC));
    private final StoryboardSheets sheets = new StoryboardSheets(context, dialogs, (sheet, target) -> {
        drawn.add(sheet);
        targets.add(target);
        return rendering;
    });

    private static Scene scene(int sequence, String text, String image, String audio) {
        return new Scene(UUID.randomUUID(), STORY, sequence, text, image, audio, AT, AT);
    }

    private void story(Scene... scenes) {
        Story story = new Story(STORY, null, "The Owl's Night?", "an owl", StoryStatus.COMPLETED, AT, AT);
        when(stories.detail(STORY)).thenReturn(CompletableFuture.completedFuture(
                Optional.of(new StoryDetail(story, List.of(scenes)))));
    }

    @Test
    void everySceneInOrderWithItsImageAndWhatIsMissingNamed() {
        Scene first = scene(1, "Once", "http://x/storage/v1/object/public/scene-images/s/1.png", "http://x/a/1.mp3");
        Scene broken = scene(2, "Then", "http://x/storage/v1/object/public/scene-images/s/2.png", "http://x/a/2.mp3");
        Scene bare = scene(4, "The end", null, null);
        story(first, broken, bare);
        when(media.localCopy(any(), any())).thenAnswer(call -> ((Scene) call.getArgument(0)).sequence() == 2
                ? CompletableFuture.failedFuture(new ServiceException(ServiceException.Reason.NOT_FOUND, "no object"))
                : CompletableFuture.completedFuture(Path.of("/cache/1.png")));
        dialogs.choosingFile(Path.of("/home/ed/Owl sheet"));

        sheets.save(STORY, "The Owl's Night?").join();

        assertEquals(List.of("The Owls Night.png"), dialogs.suggestedNames, "a file name from the title");
        assertEquals(List.of(Path.of("/home/ed/Owl sheet.png")), targets, "the extension added");
        StoryboardSheet sheet = drawn.getFirst();
        assertEquals("The Owl's Night?", sheet.title());
        assertEquals("Completed · 3 scenes · " + java.time.format.DateTimeFormatter.ofLocalizedDateTime(
                java.time.format.FormatStyle.MEDIUM).withZone(ZoneOffset.UTC).format(Instant.parse(
                "2026-12-08T09:30:00Z")), sheet.about());
        assertEquals(List.of(1, 2, 4), sheet.scenes().stream().map(StoryboardSheet.Entry::sequence).toList());
        assertEquals(Optional.of(Path.of("/cache/1.png")), sheet.scenes().get(0).image());
        assertEquals(Optional.empty(), sheet.scenes().get(1).image(), "a broken image is drawn as missing");
        assertEquals(List.of(true, true, false), sheet.scenes().stream().map(StoryboardSheet.Entry::narrated).toList());
        assertEquals(List.of("The image of scene 2 cannot be loaded.",
                "Scene 4 follows scene 2: the scenes between are missing.", "Scene 4 has no image.",
                "Scene 4 has no narration: it stays for its reading time."), sheet.problems(), "in scene order");
        assertEquals(List.of("Saved the storyboard sheet (3 scenes) to Owl sheet.png."), dialogs.infos);
        assertFalse(sheets.runningProperty().get());
    }

    @Test
    void cancellingTheChooserMakesNothing() {
        story(scene(1, "Once", null, null));
        sheets.save(STORY, "Owl").join();
        assertTrue(drawn.isEmpty());
        assertTrue(dialogs.infos.isEmpty() && dialogs.errors.isEmpty());
    }

    @Test
    void aFileThatCannotBeWrittenSaysSoInOneSentence() {
        story(scene(1, "Once", null, null));
        rendering = CompletableFuture.failedFuture(new UncheckedIOException(new IOException("No space left on device")));
        dialogs.choosingFile(Path.of("/media/full/owl.png"));
        sheets.save(STORY, "Owl").join();
        assertEquals(List.of("The storyboard sheet could not be written to owl.png: choose another folder, or free"
                + " some space, and try again."), dialogs.errors);
        assertTrue(dialogs.infos.isEmpty());
        assertFalse(sheets.runningProperty().get(), "another try is possible");
    }

    @Test
    void aStoryDeletedMeanwhileSaysSo() {
        when(stories.detail(STORY)).thenReturn(CompletableFuture.completedFuture(Optional.empty()));
        dialogs.choosingFile(Path.of("/tmp/owl.png"));
        sheets.save(STORY, "Owl").join();
        assertEquals(List.of("This story is no longer there."), dialogs.errors);
        assertTrue(drawn.isEmpty());
    }
}
