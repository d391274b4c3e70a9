package fr.passerelle.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import fr.passerelle.Fixtures;
import fr.passerelle.demo.DemoGenerator;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rebuild writes the new store beside the live one and swaps them by renames; a process killed
 * between the renames leaves a home that still opens, with the old store or the new one, never none.
 */
class RebuildTest {
    @Test
    void aRebuildKilledDuringItsSwapLeavesAHomeThatOpens(@TempDir Path home) throws Exception {
        Fixtures.writeKeys(home);
        Settings settings = Fixtures.settings(home, null, null, null);
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        try (Environment env = Environment.open(settings)) {
            env.rebuild(
                    (loader, work) -> loader.prepare(
                            new DemoGenerator(fr.passerelle.catalog.Catalogue.bundled()).generate(300, 3),
                            env.doNotCollect(),
                            work),
                    quiet);
            assertEquals(300, env.people());
        }
        Path live = settings.databaseDir();
        Path old = live.resolveSibling("neo4j.old");
        Path staging = live.resolveSibling("neo4j.rebuild");

        // Killed after the live store moved aside, before the new one came in (and a half-written new one left).
        Files.move(live, old);
        Files.createDirectories(staging.resolve("data"));
        try (Environment env = Environment.open(settings)) {
            assertEquals(300, env.people(), "the old store came back");
        }
        assertFalse(Files.exists(old) || Files.exists(staging), "nothing left beside the store");

        // Killed after both renames, before the old store was deleted.
        Files.createDirectories(old.resolve("data"));
        try (Environment env = Environment.open(settings)) {
            assertEquals(300, env.people(), "the new store is kept");
        }
        assertFalse(Files.exists(old), "the old store is gone");
    }
}
