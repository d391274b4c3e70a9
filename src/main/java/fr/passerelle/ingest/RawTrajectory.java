package fr.passerelle.ingest;

import java.util.List;

/**
 * A trajectory as read, before validation; {@code origin} says where it came from ("file:line").
 * The source identifier {@code id} lives only here, on its way into the pseudonym.
 */
public record RawTrajectory(String source, String id, List<RawStep> steps, String origin) {
}
