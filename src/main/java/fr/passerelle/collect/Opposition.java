package fr.passerelle.collect;

import fr.passerelle.lifecycle.Erasure;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A person's objection by the URL of their public profile (GDPR Art. 21): the pseudonym the collector
 * would use for it is computed, whatever is held under it is erased, and it joins the do-not-collect
 * list, so the profile is never fetched again. The URL itself is never stored (only its keyed
 * pseudonym), and the answer is the same whether anything was held or not: the page is no oracle of
 * who is in the data.
 */
public final class Opposition {
    /** What the person gets: a receipt number to quote, and when. Nothing about what was held. */
    public record Receipt(boolean received, String receipt, String at, String effect) {}

    private final Erasure erasure;
    private final Clock clock;

    public Opposition(Erasure erasure, Clock clock) {
        this.erasure = erasure;
        this.clock = clock;
    }

    /** What {@link #oppose} takes, for a caller to say so. */
    public static final String EXPECTED = "the address of a public profile page, starting with http:// or https://";

    /** The receipt; empty when {@code url} is not the http(s) address of a page ({@link #EXPECTED}). */
    public Optional<Receipt> oppose(String url) {
        String id = ProfileUrl.canonical(url);
        String source = id == null ? null : Collector.source(URI.create(id));
        if (id == null || source == null) {
            return Optional.empty();
        }
        erasure.erase(source, List.of(id), Erasure.Reason.ERASURE);
        return Optional.of(new Receipt(
                true,
                UUID.randomUUID().toString(),
                clock.instant().toString(),
                "Nothing collected from this page is kept, and it will never be collected again; published figures follow at the next "
                        + "release (releases go out in batches, within 30 days at the latest by default: one change published alone "
                        + "would single its person out)."));
    }
}
