package com.storymimi.studio.ui.testing;

import com.storymimi.studio.service.ServiceException;
import com.storymimi.studio.service.ServiceException.Reason;
import com.storymimi.studio.service.bundle.BundleService;
import com.storymimi.studio.service.bundle.BundleStory;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** Bundles for the in-memory demo backend, which has no files to bundle: every call says so. */
public final class NoBundles implements BundleService {

    private static CompletableFuture<Report> unavailable() {
        return CompletableFuture.failedFuture(new ServiceException(Reason.UNAVAILABLE, "the demo backend has no bundles"));
    }

    @Override
    public CompletableFuture<Report> export(List<UUID> storyIds, Path target, Consumer<Progress> progress) {
        return unavailable();
    }

    @Override
    public CompletableFuture<List<BundleStory>> contents(Path bundle) {
        return CompletableFuture.failedFuture(new ServiceException(Reason.UNAVAILABLE, "the demo backend has no bundles"));
    }

    @Override
    public CompletableFuture<Report> importBundle(Path bundle, OnExisting onExisting, Consumer<Progress> progress) {
        return unavailable();
    }

    @Override
    public CompletableFuture<Report> publish(List<UUID> storyIds, BundleService target, OnExisting onExisting,
                                             Consumer<Progress> progress) {
        return unavailable();
    }
}
