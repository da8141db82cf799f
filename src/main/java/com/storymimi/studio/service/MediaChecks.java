package com.storymimi.studio.service;

import com.storymimi.studio.model.MediaKind;
import com.storymimi.studio.service.ServiceException.Reason;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Decides from a file's first bytes whether a scene can take it. Storage checks only the Content-Type header a
 * client sends, never the bytes, so this is the real gate. Blocking file I/O: call it off the FX thread.
 * Every refusal is a {@link ServiceException} INVALID whose message is one sentence an editor can act on.
 */
public final class MediaChecks {

    private static final int HEADER_BYTES = 16;
    private static final int MAX_WAV_CHUNKS = 64;
    private static final double MIB = 1024.0 * 1024.0;

    private MediaChecks() {
    }

    /** The file's format when a scene may take it as {@code kind}; otherwise INVALID (or NOT_FOUND: no such file). */
    public static MediaFormat inspect(Path file, MediaKind kind) {
        String name = String.valueOf(file.getFileName());
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            long size = channel.size();
            if (size == 0) {
                throw invalid(name + " is empty");
            }
            ByteBuffer header = read(channel, 0, HEADER_BYTES);
            MediaFormat format = recognise(name, header, kind);
            if (format.kind() != kind) {
                throw invalid(name + " is " + describe(format) + ", not " + (kind == MediaKind.IMAGE ? "an image" : "audio")
                        + ": use " + accepted(kind));
            }
            if (format == MediaFormat.WAV) {
                checkWavEncoding(name, channel);
            }
            if (size > kind.maxBytes()) {
                throw invalid(String.format(Locale.ROOT, "%s is %.1f MB; %s may be at most %d MB", name, size / MIB,
                        kind == MediaKind.IMAGE ? "images" : "audio files", Math.round(kind.maxBytes() / MIB)));
            }
            return format;
        } catch (NoSuchFileException missing) {
            throw new ServiceException(Reason.NOT_FOUND, name + " does not exist (any more)", missing);
        } catch (IOException e) {
            throw new ServiceException(Reason.FAILED, name + " could not be read: " + e.getMessage(), e);
        }
    }

    private static MediaFormat recognise(String name, ByteBuffer h, MediaKind kind) {
        if (startsWith(h, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return MediaFormat.PNG;
        }
        if (startsWith(h, 0, 0xFF, 0xD8, 0xFF)) {
            return MediaFormat.JPEG;
        }
        if (startsWith(h, 0, 'R', 'I', 'F', 'F') && startsWith(h, 8, 'W', 'A', 'V', 'E')) {
            return MediaFormat.WAV;
        }
        if (startsWith(h, 0, 'I', 'D', '3') || isMp3FrameHeader(h)) {
            return MediaFormat.MP3;
        }
        String unsupported = unsupportedName(h);
        if (unsupported != null) {
            throw invalid(unsupported + " is not supported: use " + accepted(kind));
        }
        throw invalid(name + " is not " + (kind == MediaKind.IMAGE ? "a PNG or JPEG image" : "an MP3 or WAV file")
                + " (its content was checked, not its name)");
    }

    /** MPEG audio layer III frame: 11 sync bits, a valid version, layer III, a valid bitrate and sample rate. */
    private static boolean isMp3FrameHeader(ByteBuffer h) {
        if (h.limit() < 4) {
            return false;
        }
        int b1 = h.get(1) & 0xFF;
        int b2 = h.get(2) & 0xFF;
        boolean sync = (h.get(0) & 0xFF) == 0xFF && (b1 & 0xE0) == 0xE0;
        boolean version = ((b1 >> 3) & 0b11) != 0b01;
        boolean layer3 = ((b1 >> 1) & 0b11) == 0b01;
        boolean bitrate = (b2 >> 4) != 0b1111;
        boolean sampleRate = ((b2 >> 2) & 0b11) != 0b11;
        return sync && version && layer3 && bitrate && sampleRate;
    }

    private static String unsupportedName(ByteBuffer h) {
        if (startsWith(h, 0, 'R', 'I', 'F', 'F') && startsWith(h, 8, 'W', 'E', 'B', 'P')) {
            return "WebP";
        }
        if (startsWith(h, 0, 'G', 'I', 'F', '8')) {
            return "GIF";
        }
        if (startsWith(h, 0, 'B', 'M')) {
            return "BMP";
        }
        if (startsWith(h, 0, 'O', 'g', 'g', 'S')) {
            return "Ogg audio";
        }
        if (startsWith(h, 0, 'f', 'L', 'a', 'C')) {
            return "FLAC";
        }
        if (startsWith(h, 4, 'f', 't', 'y', 'p')) {
            return "MP4/M4A/HEIC";
        }
        return null;
    }

    /**
     * JavaFX Media plays WAV only as 8- or 16-bit PCM; anything else would upload fine and then stay silent in the
     * editor and the apps, so it is refused here. Walks the RIFF chunks to {@code fmt }.
     */
    private static void checkWavEncoding(String name, SeekableByteChannel channel) throws IOException {
        long position = 12;
        for (int chunk = 0; chunk < MAX_WAV_CHUNKS && position + 8 <= channel.size(); chunk++) {
            ByteBuffer chunkHeader = read(channel, position, 8).order(ByteOrder.LITTLE_ENDIAN);
            long chunkSize = Integer.toUnsignedLong(chunkHeader.getInt(4));
            if (startsWith(chunkHeader, 0, 'f', 'm', 't', ' ')) {
                ByteBuffer fmt = read(channel, position + 8, 16).order(ByteOrder.LITTLE_ENDIAN);
                if (fmt.limit() < 16) {
                    break;
                }
                int encoding = fmt.getShort(0) & 0xFFFF;
                int bits = fmt.getShort(14) & 0xFFFF;
                if (encoding != 1 && encoding != 0xFFFE) {
                    throw invalid(String.format(Locale.ROOT, "%s is a compressed WAV (format 0x%04X), which the "
                            + "player cannot play: use 16-bit PCM WAV or MP3", name, encoding));
                }
                if (bits != 8 && bits != 16) {
                    throw invalid(name + " is a " + bits + "-bit WAV, which the player cannot play: "
                            + "convert it to 16-bit PCM WAV or MP3");
                }
                return;
            }
            position += 8 + chunkSize + (chunkSize & 1); // chunks are padded to an even length
        }
        throw invalid(name + " is a WAV file without a readable format header");
    }

    private static String describe(MediaFormat format) {
        return switch (format) {
            case PNG -> "a PNG image";
            case JPEG -> "a JPEG image";
            case MP3 -> "MP3 audio";
            case WAV -> "WAV audio";
        };
    }

    private static String accepted(MediaKind kind) {
        return kind == MediaKind.IMAGE ? "PNG or JPEG" : "MP3 or WAV";
    }

    private static ByteBuffer read(SeekableByteChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        channel.position(position);
        while (buffer.hasRemaining() && channel.read(buffer) > 0) {
            // keep reading: a channel may return fewer bytes than asked
        }
        return buffer.flip();
    }

    private static boolean startsWith(ByteBuffer buffer, int offset, int... expected) {
        if (buffer.limit() < offset + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((buffer.get(offset + i) & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private static ServiceException invalid(String message) {
        return new ServiceException(Reason.INVALID, message);
    }
}
