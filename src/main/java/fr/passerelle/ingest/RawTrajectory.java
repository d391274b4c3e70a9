package fr.passerelle.ingest;

import java.util.List;

/**
 * A trajectory as read, before validation; {@code origin} says where it came from ("file:line").
 * The source identifier {@code id} lives only here, on its way into the pseudonym. A {@code withdrawn}
 * record (a profile made private, deleted or noindex) carries no steps: it asks for erasure.
 */
public record RawTrajectory(String source, String id, List<RawStep> steps, String origin, boolean withdrawn) {
    public RawTrajectory(String source, String id, List<RawStep> steps, String origin) {
        this(source, id, steps, origin, false);
    }
}
