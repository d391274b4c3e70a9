package fr.passerelle.api;

import fr.passerelle.ingest.ImportReport;
import fr.passerelle.lifecycle.Erasure;
import fr.passerelle.publish.Publication;
import java.nio.file.Path;
import java.util.List;

/**
 * The operations behind {@code /api/admin/*}: what the CLI's import, erase, purge and publish do,
 * on the server's own database.
 */
public interface Admin {
    /** Erases people of {@code source} with these ids (unknown ones still join the do-not-collect list). */
    List<Erasure.Receipt> erase(String source, List<String> ids);

    /** Erases records older than the retention limit. */
    List<Erasure.Receipt> purge();

    /** Builds (or reuses) the publication of the current graph and serves it to analysts. */
    Publication publish();

    /**
     * Where an uploaded body waits for its import: inside the server's home, owner-only, emptied at
     * start (a body left by a killed server holds source identifiers, not yet pseudonymised).
     */
    Path uploads();

    /** Imports a JSON Lines or CSV file (strict: nothing is written if a line is bad). */
    ImportReport importFile(Path file, boolean strict);
}
