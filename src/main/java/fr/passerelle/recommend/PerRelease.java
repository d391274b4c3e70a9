package fr.passerelle.recommend;

import java.util.function.LongFunction;

/**
 * A value read from the release once per release version and kept until the version changes (a new
 * release is served): the search index, the steps by code, the release's description, the released
 * transitions. One read at a time; readers of the current version never wait.
 */
final class PerRelease<T> {
    private record Held<T>(long version, T value) {}

    private final LongFunction<T> read;
    private volatile Held<T> held;

    PerRelease(LongFunction<T> read) {
        this.read = read;
    }

    /** The value for release {@code version}, read now if the one held is for another version. */
    T get(long version) {
        Held<T> h = held;
        if (h == null || h.version() != version) {
            synchronized (this) {
                h = held;
                if (h == null || h.version() != version) {
                    h = new Held<>(version, read.apply(version));
                    held = h;
                }
            }
        }
        return h.value();
    }
}
