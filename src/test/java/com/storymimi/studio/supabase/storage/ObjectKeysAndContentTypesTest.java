package com.storymimi.studio.supabase.storage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Key encoding per segment, key and bucket rules, and media types from magic bytes. */
class ObjectKeysAndContentTypesTest {

    @TempDir
    Path dir;

    @Test
    void eachSegmentIsEncodedAndSlashesStay() {
        assertEquals("a/b%20c/d%2Be%3Ff%26g%3Dh%3Bi%3Aj%2Ck%24l%40m.png",
                ObjectKeys.encode("a/b c/d+e?f&g=h;i:j,k$l@m.png"));
        assertEquals("story/My%20File%20%281%29.png", ObjectKeys.encode("story/My File (1).png"));
    }

    @Test
    void keysStorageRefusesAreRejected() {
        for (String bad : new String[] {"", "über.png", "a%b", "a#b", "a\"b", "a\\b", "a[b]", "a{b}", "a<b>", "a|b",
                "a~b", "/a", "a/", "a//b", "./a", "a/../b"}) {
            assertThrows(IllegalArgumentException.class, () -> ObjectKeys.requireValidKey(bad), bad);
        }
        assertEquals("a/b-c_d!.*'() &$=@;:+,?.png", ObjectKeys.requireValidKey("a/b-c_d!.*'() &$=@;:+,?.png"));
    }

    @Test
    void bucketNamesFollowTheKeySetWithoutSlash() {
        assertEquals("story-images", ObjectKeys.requireValidBucket("story-images"));
        for (String bad : new String[] {"", "a/b", " a", "a ", "..", "ü", "x".repeat(101)}) {
            assertThrows(IllegalArgumentException.class, () -> ObjectKeys.requireValidBucket(bad), bad);
        }
    }

    @Test
    void magicBytesNameTheType() throws Exception {
        assertEquals("image/png", type(0x89, 'P', 'N', 'G', 0x0D, 0x0A));
        assertEquals("image/jpeg", type(0xFF, 0xD8, 0xFF, 0xE0));
        assertEquals("audio/mpeg", type('I', 'D', '3', 4, 0));
        assertEquals("audio/mpeg", type(0xFF, 0xFB, 0x90, 0x64));
        assertEquals("audio/mpeg", type(0xFF, 0xF3, 0x90));
        assertEquals("audio/wav", type('R', 'I', 'F', 'F', 1, 2, 3, 4, 'W', 'A', 'V', 'E'));
        assertEquals("application/octet-stream", type('R', 'I', 'F', 'F', 1, 2, 3, 4, 'A', 'V', 'I', ' '));
        assertEquals("application/octet-stream", type('h', 'e', 'l', 'l', 'o'));
        assertEquals("application/octet-stream", type());
    }

    private String type(int... bytes) throws Exception {
        byte[] head = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            head[i] = (byte) bytes[i];
        }
        Path file = Files.write(Files.createTempFile(dir, "f", ".bin"), head);
        assertEquals(ContentTypes.detect(head), ContentTypes.detect(file));
        return ContentTypes.detect(file);
    }
}
