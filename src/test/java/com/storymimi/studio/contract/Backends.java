package com.storymimi.studio.contract;

import java.util.function.Supplier;
import java.util.stream.Stream;

/** The backends every contract case runs against: the sandbox always, real PostgREST when configured. */
final class Backends {

    private Backends() {
    }

    /** Lazy, so that a skipped real backend costs nothing and the sandbox starts only when a case runs. */
    record Lazy(String name, Supplier<Backend> backend) {
        Backend get() {
            return backend.get();
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Lazy> all() {
        return Stream.of(new Lazy("sandbox", SandboxBackend::get), new Lazy("real-postgrest", RealPostgrestBackend::get));
    }
}
