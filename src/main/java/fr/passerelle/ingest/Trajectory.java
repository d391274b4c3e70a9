package fr.passerelle.ingest;

import fr.passerelle.person.Visit;
import java.util.List;

/**
 * A trajectory ready to store: a pseudonym, the source's name, the minimised steps and a digest of
 * them (re-importing an identical trajectory changes nothing).
 */
public record Trajectory(String pid, String source, List<Visit> visits, String digest, boolean withdrawn) {
    public Trajectory(String pid, String source, List<Visit> visits, String digest) {
        this(pid, source, visits, digest, false);
    }
}
