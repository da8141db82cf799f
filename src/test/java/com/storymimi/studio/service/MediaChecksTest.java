package com.storymimi.studio.service;

import com.storymimi.studio.model.MediaKind;
import com.storymimi.studio.service.ServiceException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Files are judged by their bytes, not their names; every refusal says what to do. */
class MediaChecksTest {

    @TempDir
    Path dir;

    @Test
    void imagesArePngOrJpegWhateverTheirName() throws Exception {
        assertEquals(MediaFormat.PNG, MediaChecks.inspect(MediaFiles.png(dir, "picture.jpg"), MediaKind.IMAGE));
        assertEquals(MediaFormat.JPEG, MediaChecks.inspect(MediaFiles.jpeg(dir, "photo"), MediaKind.IMAGE));
    }

    @Test
    void audioIsMp3WithOrWithoutTagOr8And16BitWav() throws Exception {
        assertEquals(MediaFormat.MP3, MediaChecks.inspect(MediaFiles.mp3WithId3(dir, "a.mp3"), MediaKind.AUDIO));
        assertEquals(MediaFormat.MP3, MediaChecks.inspect(MediaFiles.mp3FrameOnly(dir, "b.mp3"), MediaKind.AUDIO));
        assertEquals(MediaFormat.WAV, MediaChecks.inspect(MediaFiles.wav(dir, "c.wav", 16, false), MediaKind.AUDIO));
        assertEquals(MediaFormat.WAV, MediaChecks.inspect(MediaFiles.wav(dir, "d.wav", 8, true), MediaKind.AUDIO),
                "the fmt chunk is found behind a LIST chunk");
    }

    @Test
    void webpAndGifAreRefusedWithWhatToUseInstead() throws Exception {
        assertRefused("WebP is not supported: use PNG or JPEG", MediaFiles.webp(dir, "a.webp"), MediaKind.IMAGE);
        assertRefused("GIF is not supported: use PNG or JPEG", MediaFiles.gif(dir, "a.png"), MediaKind.IMAGE);
    }

    @Test
    void a24BitWavIsRefusedBecauseThePlayerCannotPlayIt() throws Exception {
        assertRefused("deep.wav is a 24-bit WAV, which the player cannot play: convert it to 16-bit PCM WAV or MP3",
                MediaFiles.wav(dir, "deep.wav", 24, false), MediaKind.AUDIO);
    }

    @Test
    void aFileOfTheOtherKindIsRefused() throws Exception {
        assertRefused("cover.png is a PNG image, not audio: use MP3 or WAV", MediaFiles.png(dir, "cover.png"),
                MediaKind.AUDIO);
        assertRefused("song.mp3 is MP3 audio, not an image: use PNG or JPEG", MediaFiles.mp3WithId3(dir, "song.mp3"),
                MediaKind.IMAGE);
    }

    @Test
    void unknownEmptyAndMissingFilesAreRefused() throws Exception {
        assertRefused("notes.png is not a PNG or JPEG image (its content was checked, not its name)",
                MediaFiles.text(dir, "notes.png"), MediaKind.IMAGE);
        assertRefused("empty.mp3 is empty", MediaFiles.write(dir, "empty.mp3", new byte[0]), MediaKind.AUDIO);
        ServiceException missing = assertThrows(ServiceException.class,
                () -> MediaChecks.inspect(dir.resolve("gone.png"), MediaKind.IMAGE));
        assertEquals(Reason.NOT_FOUND, missing.reason());
    }

    @Test
    void aFileOverTheBucketLimitIsRefusedWithItsSize() throws Exception {
        Path big = MediaFiles.bigPng(dir, "big.png", Math.round(12.3 * 1024 * 1024));
        Path justFits = MediaFiles.bigPng(dir, "fits.png", MediaKind.IMAGE.maxBytes());

        assertRefused("big.png is 12.3 MB; images may be at most 10 MB", big, MediaKind.IMAGE);
        assertEquals(MediaFormat.PNG, MediaChecks.inspect(justFits, MediaKind.IMAGE));
    }

    private static void assertRefused(String message, Path file, MediaKind kind) {
        ServiceException refused = assertThrows(ServiceException.class, () -> MediaChecks.inspect(file, kind));
        assertEquals(Reason.INVALID, refused.reason());
        assertEquals(message, refused.getMessage());
    }
}
