package com.storymimi.studio.app;

import com.storymimi.studio.model.ConnectionProfile;
import com.storymimi.studio.model.Health;
import com.storymimi.studio.service.HealthService;
import com.storymimi.studio.service.UserService;
import com.storymimi.studio.ui.testing.InMemoryUserService;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Backends in memory with a little latency, for TestFX tests and the demo window. Each profile gets its own
 * users; the sandbox starts with a few so the table is not empty.
 */
public final class DemoBackendFactory implements BackendFactory {

    private final Duration latency;
    private final int demoUsers;
    public final List<String> opened = new ArrayList<>();
    public final List<String> closed = new ArrayList<>();

    public DemoBackendFactory(Duration latency, int demoUsers) {
        this.latency = latency;
        this.demoUsers = demoUsers;
    }

    @Override
    public synchronized Backend open(ConnectionProfile profile) throws Exception {
        Thread.sleep(latency.toMillis()); // opening takes a moment, like starting the sandbox does
        opened.add(profile.id());
        InMemoryUserService users = new InMemoryUserService(latency);
        seed(users);
        return new Backend() {
            @Override
            public UserService users() {
                return users;
            }

            @Override
            public HealthService health() {
                return () -> CompletableFuture.supplyAsync(
                        () -> new Health(true, Duration.ofMillis(3), Instant.now()),
                        CompletableFuture.delayedExecutor(3, TimeUnit.MILLISECONDS));
            }

            @Override
            public void close() {
                synchronized (DemoBackendFactory.this) {
                    closed.add(profile.id());
                }
            }
        };
    }

    private void seed(InMemoryUserService users) {
        String[][] people = {
                {"ana", "ana@example.com"}, {"bruno", "bruno@example.com"}, {"chloe", "chloe@storymimi.app"},
                {"dmitri", "dmitri@example.org"}, {"emma", "emma.w@example.com"}, {"farid", "farid@example.net"},
                {"grace", "grace@storymimi.app"}, {"hiro", "hiro@example.jp"}};
        for (int i = 0; i < demoUsers; i++) {
            String[] person = people[i % people.length];
            String suffix = i < people.length ? "" : String.valueOf(i / people.length);
            users.insert(person[0] + suffix, person[1].replace("@", suffix + "@"));
        }
    }
}
