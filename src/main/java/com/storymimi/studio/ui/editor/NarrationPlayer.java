package com.storymimi.studio.ui.editor;

import com.storymimi.studio.ui.common.Texts;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.media.Media;
import javafx.scene.media.MediaException;
import javafx.scene.media.MediaPlayer;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;

/**
 * The narration player of the editor and the Storage preview (View side: it owns a {@link MediaPlayer}). One player per file: loading
 * another file or {@link #dispose()} releases the previous one, as the AtlantaFX music player sample does.
 */
public final class NarrationPlayer {

    private static final Logger LOG = LoggerFactory.getLogger(NarrationPlayer.class);

    private final Texts texts;
    private final Button playButton;
    private final FontIcon playIcon;
    private final Label timeLabel;
    private final Slider seekSlider;
    private final Label problemLabel;
    private final ReadOnlyObjectWrapper<MediaPlayer.Status> status = new ReadOnlyObjectWrapper<>(this, "status");
    private MediaPlayer player;
    private boolean seeking;

    public NarrationPlayer(Texts texts, Button playButton, FontIcon playIcon, Label timeLabel, Slider seekSlider,
                    Label problemLabel) {
        this.texts = texts;
        this.playButton = playButton;
        this.playIcon = playIcon;
        this.timeLabel = timeLabel;
        this.seekSlider = seekSlider;
        this.problemLabel = problemLabel;
        seekSlider.valueChangingProperty().addListener((obs, was, changing) -> {
            seeking = changing;
            if (!changing) {
                seek();
            }
        });
        seekSlider.setOnMouseReleased(e -> seek());
        load(null);
    }

    /** Plays this file from now on (null: nothing to play). */
    public void load(Path file) {
        dispose();
        problemLabel.setText("");
        seekSlider.setValue(0);
        timeLabel.setText("");
        playButton.setDisable(true);
        if (file == null) {
            return;
        }
        try {
            MediaPlayer created = new MediaPlayer(new Media(file.toUri().toString()));
            player = created;
            created.setOnReady(() -> ready(created));
            created.setOnError(() -> failed(created.getError()));
            created.setOnEndOfMedia(() -> {
                created.stop();
                created.seek(Duration.ZERO);
            });
            created.statusProperty().addListener((obs, old, now) -> showStatus(now));
            created.currentTimeProperty().addListener((obs, old, now) -> showTime(created));
        } catch (MediaException | UnsupportedOperationException e) {
            failed(e);
        }
    }

    private void ready(MediaPlayer ready) {
        if (ready != player) {
            return;
        }
        playButton.setDisable(false);
        seekSlider.setMax(Math.max(0.1, ready.getTotalDuration().toSeconds()));
        showTime(ready);
    }

    private void failed(Exception error) {
        LOG.warn("the narration cannot be played", error);
        playButton.setDisable(true);
        status.set(MediaPlayer.Status.HALTED);
        problemLabel.setText(texts.get("editor.player.failed"));
    }

    private void showStatus(MediaPlayer.Status now) {
        status.set(now);
        boolean playing = now == MediaPlayer.Status.PLAYING;
        playIcon.setIconLiteral(playing ? "mdi2p-pause" : "mdi2p-play");
        playButton.setAccessibleText(texts.get(playing ? "editor.player.pause" : "editor.player.play"));
    }

    private void showTime(MediaPlayer shown) {
        Duration now = shown.getCurrentTime();
        Duration total = shown.getTotalDuration();
        if (!seeking) {
            seekSlider.setValue(now.toSeconds());
        }
        timeLabel.setText(texts.get("editor.player.time", clock(now), clock(total)));
    }

    private void seek() {
        if (player != null) {
            player.seek(Duration.seconds(seekSlider.getValue()));
        }
    }

    public void togglePlay() {
        if (player == null) {
            return;
        }
        if (player.getStatus() == MediaPlayer.Status.PLAYING) {
            player.pause();
        } else {
            player.play();
        }
    }

    /** The player's state, e.g. for a test that cannot hear: READY once loaded, PLAYING while it plays. */
    public ReadOnlyObjectProperty<MediaPlayer.Status> statusProperty() {
        return status.getReadOnlyProperty();
    }

    public void dispose() {
        if (player != null) {
            player.dispose();
            player = null;
        }
        status.set(null);
        playIcon.setIconLiteral("mdi2p-play");
    }

    private static String clock(Duration duration) {
        if (duration == null || duration.isUnknown() || duration.isIndefinite()) {
            return "--:--";
        }
        long seconds = Math.round(Math.floor(duration.toSeconds()));
        return String.format("%02d:%02d", seconds / 60, seconds % 60);
    }
}
