package com.storymimi.studio.service;

import com.storymimi.studio.model.Health;

import java.util.concurrent.CompletableFuture;

/** A cheap round trip to the backend, for the status bar. Never fails: an unreachable backend is a result. */
public interface HealthService {

    CompletableFuture<Health> check();
}
