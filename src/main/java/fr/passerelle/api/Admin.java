package fr.passerelle.api;

import fr.passerelle.ingest.ImportReport;
import fr.passerelle.lifecycle.Erasure;
import fr.passerelle.publish.Releases;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The operations behind {@code /api/admin/*}: what the CLI's import, erase, purge and publish do,
 * on the server's own database.
 */
public interface Admin {
    /** Erases people of {@code source} with these ids (unknown ones still join the do-not-collect list). */
    List<Erasure.Receipt> erase(String source, List<String> ids);

    /** Erases records older than the retention limit. */
    List<Erasure.Receipt> purge();

    /**
     * A new release when the publication policy says one is due, or when {@code forcedBy} (the admin
     * key's name) forces it (logged); otherwise the newest release as it is.
     */
    Releases.Outcome publish(String forcedBy);

    /** When the last release went out and the rule for the next (what erasure receipts and health say). */
    Map<String, Object> schedule();

    /**
     * Where an uploaded body waits for its import: inside the server's home, owner-only, emptied at
     * start (a body left by a killed server holds source identifiers, not yet pseudonymised).
     */
    Path uploads();

    /** Imports a JSON Lines or CSV file (strict: nothing is written if a line is bad). */
    ImportReport importFile(Path file, boolean strict);
}
