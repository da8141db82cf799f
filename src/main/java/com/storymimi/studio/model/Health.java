package com.storymimi.studio.model;

import java.time.Duration;
import java.time.Instant;

/** The outcome of one connection check: reachable or not, how long it took, when it was made. */
public record Health(boolean reachable, Duration latency, Instant checkedAt) {
}
