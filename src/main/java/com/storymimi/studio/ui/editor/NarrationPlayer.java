package com.storymimi.studio.ui.editor;

import com.storymimi.studio.ui.common.Texts;
import com.storymimi.studio.ui.common.ViewTasks;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.media.Media;
import javafx.scene.media.MediaPlayer;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.concurrent.CompletionException;

/**
 * The narration player of the editor and the Storage preview (View side: it owns a {@link MediaPlayer}). One player per file: loading
 * another file or {@link #dispose()} releases the previous one, as the AtlantaFX music player sample does. The
 * player is built off the FX thread (it reads the file and builds a native pipeline); one that arrives after another file was asked for is
 * released unused.
 */
public final class NarrationPlayer {

    private static final Logger LOG = LoggerFactory.getLogger(NarrationPlayer.class);

    private final Texts texts;
    private final ViewTasks tasks;
    private final Button playButton;
    private final FontIcon playIcon;
    private final Label timeLabel;
    private final Slider seekSlider;
    private final Label problemLabel;
    private final ReadOnlyObjectWrapper<MediaPlayer.Status> status = new ReadOnlyObjectWrapper<>(this, "status");
    private MediaPlayer player;
    private boolean seeking;
    private long loads;

    public NarrationPlayer(Texts texts, ViewTasks tasks, Button playButton, FontIcon playIcon, Label timeLabel,
                           Slider seekSlider, Label problemLabel) {
        this.texts = texts;
        this.tasks = tasks;
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
        long load = ++loads;
        problemLabel.setText("");
        seekSlider.setValue(0);
        timeLabel.setText("");
        playButton.setDisable(true);
        if (file == null) {
            return;
        }
        // toUri() asks the file system: in the background too
        tasks.supply(() -> new MediaPlayer(new Media(file.toUri().toString()))).whenComplete((created, error) -> {
            if (load != loads) {
                if (created != null) {
                    created.dispose(); // another file was asked for meanwhile
                }
            } else if (error != null) {
                failed(error instanceof CompletionException ? error.getCause() : error);
            } else {
                use(created);
            }
        });
    }

    private void use(MediaPlayer created) {
        player = created;
        created.setOnReady(() -> ready(created));
        created.setOnError(() -> failed(created.getError()));
        created.setOnEndOfMedia(() -> {
            created.stop();
            created.seek(Duration.ZERO);
        });
        created.statusProperty().addListener((obs, old, now) -> {
            if (created == player) { // a player let go of may still report its disposal
                showStatus(now);
            }
        });
        created.currentTimeProperty().addListener((obs, old, now) -> {
            if (created == player) {
                showTime(created);
            }
        });
        // It may have got ready or failed on the way here, before the handlers were set.
        if (created.getError() != null) {
            failed(created.getError());
        } else if (created.getStatus() == MediaPlayer.Status.READY) {
            showStatus(created.getStatus());
            ready(created);
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

    private void failed(Throwable error) {
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

    /** Stops playing where it is (another player takes over); Play goes on from there. */
    public void pause() {
        if (player != null && player.getStatus() == MediaPlayer.Status.PLAYING) {
            player.pause();
        }
    }

    /** The player's state, e.g. for a test that cannot hear: READY once loaded, PLAYING while it plays. */
    public ReadOnlyObjectProperty<MediaPlayer.Status> statusProperty() {
        return status.getReadOnlyProperty();
    }

    public void dispose() {
        loads++;
        if (player != null) {
            MediaPlayer released = player;
            player = null; // first: its last status and time reports are ignored
            released.dispose(); // on the FX thread, where its status property and the toolkit's pulses live
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
