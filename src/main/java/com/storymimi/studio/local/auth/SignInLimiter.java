package com.storymimi.studio.local.auth;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Password guessing stops here: at most {@link #FAILURES_PER_EMAIL} failed sign-ins per e-mail and
 * {@link #FAILURES_PER_ADDRESS} per client address within {@link #WINDOW}; past either, every password sign-in for
 * that e-mail or from that address is GoTrue's 429 {@code over_request_rate_limit} until the window has moved on,
 * the right password included (else the limit would tell a guesser when they were right). Only failures count: an
 * editor who signs in many times a day, or a test suite, is never held back. In memory: a restart forgets.
 */
final class SignInLimiter {

    static final int FAILURES_PER_EMAIL = 10;
    static final int FAILURES_PER_ADDRESS = 30;
    static final Duration WINDOW = Duration.ofMinutes(5);

    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    SignInLimiter(Clock clock) {
        this.clock = clock;
    }

    /** Throws the 429 when the e-mail or the address is over its limit. */
    void check(String email, InetAddress address) {
        if (count(emailKey(email)) >= FAILURES_PER_EMAIL || count(addressKey(address)) >= FAILURES_PER_ADDRESS) {
            throw new AuthException(429, "over_request_rate_limit", "Request rate limit reached");
        }
    }

    void failed(String email, InetAddress address) {
        Instant now = clock.instant();
        for (String key : new String[] {emailKey(email), addressKey(address)}) {
            Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
            synchronized (times) {
                times.addLast(now);
            }
        }
    }

    private int count(String key) {
        Deque<Instant> times = failures.get(key);
        if (times == null) {
            return 0;
        }
        Instant since = clock.instant().minus(WINDOW);
        synchronized (times) {
            while (!times.isEmpty() && times.peekFirst().isBefore(since)) {
                times.removeFirst();
            }
            return times.size();
        }
    }

    private static String emailKey(String email) {
        return "email:" + email.strip().toLowerCase(Locale.ROOT);
    }

    private static String addressKey(InetAddress address) {
        return "address:" + (address == null ? "unknown" : address.getHostAddress());
    }
}
