package fr.passerelle.api;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who is calling and what they may do: {@code Authorization: Bearer <key>} (or {@code X-Api-Key})
 * is looked up among the hashed keys; admin routes need an admin key (401 without a key, 403 with a
 * reader key); other routes need a reader key only when the server requires one. Each caller has a
 * token bucket: the key's name, or for anonymous calls the connection's address (never a header the
 * client could change at will), or a room pass the server gave ({@link Rooms}: a class on phones).
 */
final class AccessControl {
    private final ApiKeys keys;
    private final boolean readerKeyRequired;
    private final int perMinute;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final Rooms rooms;

    AccessControl(ApiKeys keys, boolean readerKeyRequired, int perMinute, Rooms rooms) {
        this.keys = keys;
        this.readerKeyRequired = readerKeyRequired;
        this.perMinute = perMinute;
        this.rooms = rooms;
    }

    boolean roomIsOpen(String pass) {
        return rooms.valid(pass);
    }

    /** A room pass for the caller's address ({@code POST /api/rooms}). */
    Rooms.Room openRoom(Context ctx) {
        return rooms.open(ctx.req().getRemoteAddr(), perMinute);
    }

    void check(Context ctx, ApiKeys.Role needed) {
        // The admin key's name goes with what it does (a forced publication is logged with it).
        authorize(ctx, needed, needed == ApiKeys.Role.ADMIN || readerKeyRequired)
                .ifPresent(key -> ctx.attribute("apiKeyName", key.name()));
    }

    /**
     * An establishment's private figures: its own institution key only (401 without a key, 403 with any other
     * key, an admin's included: the administrators list establishments, they do not read their figures); a
     * code that is no UAI is a 400 once the key is known, so that the refusal says nothing to a stranger.
     */
    void checkInstitution(Context ctx, String asked) {
        // An establishment that chose to publish its figures is read by anyone, under the rate limit.
        java.util.Optional<String> open =
                fr.passerelle.catalog.Uai.normalise(asked).filter(keys.openEstablishments()::isOpen);
        if (open.isPresent()) {
            limit(ctx);
            return;
        }
        ApiKeys.Key key = authorize(ctx, ApiKeys.Role.INSTITUTION, true).orElseThrow();
        ctx.attribute("apiKeyName", key.name());
        String uai = fr.passerelle.catalog.Uai.normalise(asked)
                .orElseThrow(() -> new ApiError(
                        400,
                        "not a UAI",
                        "uai",
                        asked,
                        "expected",
                        "seven digits and their check letter, as 0490970N",
                        "yours",
                        key.institutions()));
        if (!key.institutions().contains(uai)) {
            throw new ApiError(
                    403, "this key does not read this establishment", "uai", uai, "yours", key.institutions());
        }
    }

    /** A key is needed whatever the server's setting (an app says who it is); the rate limit applies. */
    void checkKeyed(Context ctx, ApiKeys.Role needed) {
        ctx.attribute("apiKeyName", authorize(ctx, needed, true).orElseThrow().name());
    }

    /** The rate limit alone (routes open to anyone, like an objection): per key when one is given, else per address. */
    void limit(Context ctx) {
        consume(ctx, keys.find(presentedKey(ctx)));
    }

    private Optional<ApiKeys.Key> authorize(Context ctx, ApiKeys.Role needed, boolean keyNeeded) {
        String presented = presentedKey(ctx);
        Optional<ApiKeys.Key> key = keys.find(presented);
        if (presented != null && key.isEmpty()) {
            throw new ApiError(401, "unknown API key", "header", "Authorization: Bearer <key>");
        }
        if (keyNeeded && key.isEmpty()) {
            throw new ApiError(
                    401,
                    "an API key is needed",
                    "header",
                    "Authorization: Bearer <key>",
                    "role",
                    needed.name().toLowerCase(java.util.Locale.ROOT));
        }
        if (key.isPresent() && !key.get().role().allows(needed)) {
            throw new ApiError(
                    403,
                    "this key's role cannot do this",
                    "role",
                    key.get().role().name().toLowerCase(java.util.Locale.ROOT),
                    "needed",
                    needed.name().toLowerCase(java.util.Locale.ROOT));
        }
        consume(ctx, key);
        return key;
    }

    /**
     * One request from this caller: the key's name, or for anonymous calls the connection's address.
     * A key may carry its own limit (an app serving a whole classroom); otherwise the server's.
     */
    private void consume(Context ctx, Optional<ApiKeys.Key> key) {
        // A class on phones with a room pass shares the room's budget (an invalid or expired pass: the address's).
        String room = key.isEmpty() ? ctx.header(Rooms.HEADER) : null;
        boolean inRoom = rooms.valid(room);
        String caller = key.map(k -> "key:" + k.name())
                .orElseGet(() ->
                        inRoom ? "room:" + room.strip() : "ip:" + ctx.req().getRemoteAddr());
        int limitPerMinute = key.map(ApiKeys.Key::perMinute)
                .filter(n -> n > 0)
                .orElse(inRoom ? perMinute * Rooms.FACTOR : perMinute);
        if (limitPerMinute > 0) {
            ConsumptionProbe probe = buckets.computeIfAbsent(
                            caller + "/" + limitPerMinute,
                            c -> Bucket.builder()
                                    .addLimit(limit -> limit.capacity(limitPerMinute)
                                            .refillGreedy(limitPerMinute, Duration.ofMinutes(1)))
                                    .build())
                    .tryConsumeAndReturnRemaining(1);
            ctx.header("X-RateLimit-Remaining", Long.toString(probe.getRemainingTokens()));
            if (!probe.isConsumed()) {
                long seconds = Math.max(
                        1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds());
                ctx.header("Retry-After", Long.toString(seconds));
                throw new ApiError(
                        429, "too many requests", "limitPerMinute", limitPerMinute, "retryAfterSeconds", seconds);
            }
        }
    }

    private static String presentedKey(Context ctx) {
        String auth = ctx.header("Authorization");
        if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return auth.substring(7).strip();
        }
        String header = ctx.header("X-Api-Key");
        return header == null || header.isBlank() ? null : header.strip();
    }
}
