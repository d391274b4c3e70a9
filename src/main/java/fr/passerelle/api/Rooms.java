package fr.passerelle.api;

import io.github.bucket4j.Bucket;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Room passes for a class on phones: pupils behind one school address would otherwise share that address's rate
 * limit (1,200 a minute for the whole room). A trainer's page asks for a pass ({@code POST /api/rooms}); the QR code
 * carries it; each phone sends it as {@code X-Passerelle-Room} and the room gets a budget of its own, {@link #FACTOR}
 * times an address's, for {@link #LASTS}. A stranger gains little: an address opens at most {@link #PER_ADDRESS} rooms
 * an hour, and every answer is the same released figure anyone can read. Passes live in memory only: a restart ends
 * them (the phones fall back to their address's limit).
 */
final class Rooms {
    static final Duration LASTS = Duration.ofHours(4);
    static final int FACTOR = 10;
    static final int PER_ADDRESS = 3;
    static final String HEADER = "X-Passerelle-Room";

    private final Map<String, Instant> passes = new ConcurrentHashMap<>();
    private final Map<String, Bucket> opened = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    Rooms(Clock clock) {
        this.clock = clock;
    }

    /** A new pass for {@code address}, or a 429 naming the wait when it opened {@link #PER_ADDRESS} this hour. */
    Room open(String address, int perMinute) {
        // An address whose hour has passed holds nothing: forgotten, so that strangers' addresses do not pile up.
        opened.entrySet()
                .removeIf(e -> !e.getKey().equals(address) && e.getValue().getAvailableTokens() >= PER_ADDRESS);
        Bucket bucket = opened.computeIfAbsent(
                address,
                a -> Bucket.builder()
                        .addLimit(l -> l.capacity(PER_ADDRESS).refillGreedy(PER_ADDRESS, Duration.ofHours(1)))
                        .build());
        var probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = Math.max(
                    1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds());
            throw new ApiError(429, "too many rooms", "roomsPerHour", PER_ADDRESS, "retryAfterSeconds", seconds);
        }
        Instant now = clock.instant();
        passes.values().removeIf(expiry -> !expiry.isAfter(now));
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        String pass = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant expires = now.plus(LASTS);
        passes.put(pass, expires);
        return new Room(pass, expires.toString(), perMinute * FACTOR, LASTS.toHours());
    }

    /** True for a pass this server gave and that has not expired. */
    boolean valid(String pass) {
        if (pass == null) {
            return false;
        }
        Instant expiry = passes.get(pass.strip());
        return expiry != null && expiry.isAfter(clock.instant());
    }

    /** A room's pass, when it ends, the room's requests per minute and its hours. */
    record Room(String room, String expires, int perMinute, long hours) {}
}
