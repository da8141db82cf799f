package com.storymimi.studio.ui.testing;

import com.storymimi.studio.ui.editor.DraftStore;
import com.storymimi.studio.ui.editor.SceneTextDraft;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * A {@link DraftStore} in memory that keeps a log of what happened in which order ("save:…", "remove:…"), so
 * a test can show the draft was written before the server was asked and removed after it confirmed.
 */
public final class RecordingDrafts implements DraftStore {

    public final Map<UUID, SceneTextDraft> drafts = new LinkedHashMap<>();
    public final List<String> log;

    public RecordingDrafts(List<String> sharedLog) {
        this.log = sharedLog;
    }

    public RecordingDrafts() {
        this(new ArrayList<>());
    }

    @Override
    public synchronized CompletableFuture<Void> save(SceneTextDraft draft) {
        drafts.put(draft.sceneId(), draft);
        log.add("draft:" + draft.text());
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public synchronized CompletableFuture<List<SceneTextDraft>> forStory(UUID storyId) {
        return CompletableFuture.completedFuture(
                drafts.values().stream().filter(d -> d.storyId().equals(storyId)).toList());
    }

    @Override
    public synchronized CompletableFuture<Void> remove(UUID sceneId) {
        SceneTextDraft gone = drafts.remove(sceneId);
        log.add("removed:" + (gone == null ? "nothing" : gone.text()));
        return CompletableFuture.completedFuture(null);
    }
}
