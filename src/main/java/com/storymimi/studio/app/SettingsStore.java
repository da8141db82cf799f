package com.storymimi.studio.app;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import com.storymimi.studio.ui.shell.Theme;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/** The app's settings in {@code settings.json}: read once at start, written in the background on every change. */
public final class SettingsStore {

    private final JsonFile file;
    private final Executor io;
    private final AtomicReference<Settings> current = new AtomicReference<>();

    /** @param io runs the writes one after the other (a single-threaded executor keeps them in order) */
    public SettingsStore(Path path, Executor io) {
        Gson gson = new GsonBuilder().setPrettyPrinting()
                .registerTypeAdapter(Theme.class, new ThemeAdapter().nullSafe())
                .create();
        this.file = new JsonFile(path, gson, false);
        this.io = io;
    }

    /** Reads the file (on the calling thread: this happens once, before the window shows). */
    public Settings load() {
        Settings loaded = file.<Settings>read(Settings.class).orElseGet(Settings::defaults);
        current.set(loaded);
        return loaded;
    }

    public Settings current() {
        Settings settings = current.get();
        return settings != null ? settings : load();
    }

    /** Changes the settings in memory at once and writes them in the background. */
    public CompletableFuture<Void> update(UnaryOperator<Settings> change) {
        current.updateAndGet(settings -> change.apply(settings == null ? Settings.defaults() : settings));
        return CompletableFuture.runAsync(() -> {
            try {
                file.write(current.get()); // the newest state, which includes this change
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file.path(), e);
            }
        }, io);
    }

    /** Themes are written as "light"/"dark", without reflection on the enum (it lives in another package). */
    private static final class ThemeAdapter extends TypeAdapter<Theme> {
        @Override
        public void write(JsonWriter out, Theme theme) throws IOException {
            out.value(theme.name().toLowerCase(Locale.ROOT));
        }

        @Override
        public Theme read(JsonReader in) throws IOException {
            if (in.peek() == JsonToken.NULL) {
                in.nextNull();
                return null;
            }
            String value = in.nextString();
            try {
                return Theme.valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return null; // an unknown theme falls back to the system preference
            }
        }
    }
}
