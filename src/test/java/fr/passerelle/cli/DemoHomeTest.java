package fr.passerelle.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.Fixtures;
import fr.passerelle.app.DemoHome;
import fr.passerelle.app.Environment;
import fr.passerelle.app.Settings;
import fr.passerelle.ingest.RawStep;
import fr.passerelle.ingest.RawTrajectory;
import fr.passerelle.publish.Publication;
import fr.passerelle.publish.ReleaseApi;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo home the build prepares, and the API's store a server keeps between starts: what makes the first
 * {@code serve --demo} and every restart quick (README, Start-up). No secret travels in the template; the copy makes
 * its own and writes under its own key; the kept store is served again without a load, to readers with the new
 * password only.
 */
class DemoHomeTest {
    private static final int PEOPLE = 600;

    @Test
    void aCopiedDemoHomeServesTheSameReleaseUnderItsOwnSecrets(@TempDir Path dir) throws Exception {
        Path template = dir.resolve("demo-home");
        Settings defaults = Fixtures.settings(dir.resolve("unused"), null, null, null);
        DemoHome.build(template, defaults, PEOPLE, 42);

        // Nothing in it lets anyone in: no key file, no password, no account database, no server's mark.
        try (Stream<Path> files = Files.walk(template)) {
            List<String> secrets = files.map(p -> template.relativize(p).toString())
                    .filter(p -> p.startsWith("keys")
                            || p.endsWith(".password")
                            || p.endsWith("auth.ini")
                            || p.endsWith("reader.account")
                            || p.endsWith("server.json"))
                    .toList();
            assertEquals(List.of(), secrets, "what the template must not hold");
        }
        // Each store's accounts are gone (with their password hashes): the copy makes its own at its first start.
        assertTrue(fr.passerelle.graph.Neo4jConfig.hasNoAccounts(template.resolve("neo4j")));
        assertTrue(fr.passerelle.graph.Neo4jConfig.hasNoAccounts(
                template.resolve("api-store").resolve("1")));
        List<Path> analystStores;
        try (Stream<Path> stores = Files.list(template.resolve("analyst"))) {
            analystStores = stores.toList();
        }
        assertEquals(1, analystStores.size(), analystStores.toString());
        assertTrue(fr.passerelle.graph.Neo4jConfig.hasNoAccounts(analystStores.get(0)));

        // Made for other settings, or onto a home that exists: not copied, and said why.
        Settings otherK = defaults.withHome(dir.resolve("other"));
        otherK = new Settings(
                otherK.home(),
                otherK.neo4j(),
                new Settings.Privacy(null, 12, 20, otherK.privacy().regionLevel(), 60, null, null),
                null,
                otherK.publishing());
        assertTrue(
                DemoHome.copyIfNew(template, otherK, PEOPLE, 42).orElseThrow().contains("prepared for other settings"),
                "another k");
        assertTrue(DemoHome.copyIfNew(template, defaults.withHome(dir.resolve("other")), PEOPLE + 1, 42)
                .isPresent());

        Settings settings = Fixtures.settings(dir.resolve("home"), null, null, null);
        assertEquals(Optional.empty(), DemoHome.copyIfNew(template, settings, PEOPLE, 42));
        assertEquals(Optional.of(DemoHome.NOT_NEW), DemoHome.copyIfNew(template, settings, PEOPLE, 42));

        Map<String, String> served;
        try (Environment env = Environment.open(settings)) {
            assertEquals(PEOPLE, env.people());
            Publication first = env.releases().newest().orElseThrow();
            assertEquals(1, first.version());

            // The kept API store is served as the template left it (no load), with this home's passwords.
            try (ReleaseApi api = ReleaseApi.startKept(16L << 20, first, settings.apiStoreDir())) {
                assertTrue(api.servedFromKeptStore(), "no load on a copied home");
                served = counts(api);
            }
            try (ReleaseApi fresh = ReleaseApi.start(16L << 20, first)) {
                assertEquals(counts(fresh), served, "the kept store holds what a fresh load of the release holds");
            }
            try (ReleaseApi again = ReleaseApi.startKept(16L << 20, first, settings.apiStoreDir())) {
                assertTrue(again.servedFromKeptStore(), "a restart loads nothing either");
                assertEquals(served, counts(again));
            }

            // The home's own key claims the data at its first write: an import works...
            assertTrue(Files.isRegularFile(settings.home().resolve("keys").resolve("hmac.key")));
            var report = env.importer(100)
                    .importRecords(
                            List.of(new RawTrajectory(
                                    "test",
                                    "someone",
                                    List.of(new RawStep("education", "BAC-STMG", "2019-09", "2022-06", "FR-11")),
                                    "test")),
                            n -> {});
            assertEquals(1, report.added(), report.summary());
            assertEquals(PEOPLE + 1, env.people());
            // ... a key rotation re-keys what this home's own key made (the demo's records have no key left) ...
            var rotated = new fr.passerelle.lifecycle.KeyRotation(env.db(), 1000)
                    .rotate(env.key(), settings.home().resolve("keys").resolve("hmac.key"));
            assertEquals(1, rotated.persons(), rotated.toString());
            // ... and the demo cannot come back as other people under the new key.
            IllegalStateException twice =
                    assertThrows(IllegalStateException.class, () -> DemoCommand.load(env, PEOPLE, 42));
            assertTrue(twice.getMessage().contains("demo --rebuild"), twice.getMessage());
        }
        // A second home from the same template gets other passwords than the first.
        Settings second = Fixtures.settings(dir.resolve("home2"), null, null, null);
        assertEquals(Optional.empty(), DemoHome.copyIfNew(template, second, PEOPLE, 42));
        try (Environment env = Environment.open(second);
                ReleaseApi api =
                        ReleaseApi.startKept(16L << 20, env.releases().newest().orElseThrow(), second.apiStoreDir())) {
            assertEquals(PEOPLE, env.people());
            assertEquals(served, counts(api));
        }
        assertNotEquals(
                Files.readString(settings.home().resolve("keys").resolve("neo4j.password")),
                Files.readString(second.home().resolve("keys").resolve("neo4j.password")));
        assertNotEquals(
                Files.readString(settings.home().resolve("keys").resolve("hmac.key")),
                Files.readString(second.home().resolve("keys").resolve("hmac.key")));
        assertNotEquals(
                Files.readString(settings.apiStoreDir().resolve("1").resolve("admin.password")),
                Files.readString(second.apiStoreDir().resolve("1").resolve("admin.password")));
        assertFalse(Files.exists(dir.resolve("home.copying")));
        // The analysts' store comes with the copy and becomes its own: this home's password opens it, nothing is built.
        var analysts = fr.passerelle.analyst.AnalystNeo4j.start(
                Publication.newest(second.publishedDir()).orElseThrow(),
                new fr.passerelle.analyst.AnalystNeo4j.Settings(
                        second.analystDir(), "127.0.0.1", 0, 0, "this-homes-analyst", 16L << 20, null));
        try (var driver = org.neo4j.driver.GraphDatabase.driver(
                        analysts.boltUri(),
                        org.neo4j.driver.AuthTokens.basic(
                                fr.passerelle.analyst.AnalystNeo4j.USER, "this-homes-analyst"));
                var session = driver.session()) {
            assertTrue(session.run("MATCH (n) RETURN count(n) AS n")
                            .single()
                            .get("n")
                            .asLong()
                    > 0);
        } finally {
            analysts.close();
        }
        try (Stream<Path> stores = Files.list(second.analystDir())) {
            assertEquals(
                    List.of(analystStores.get(0).getFileName().toString()),
                    stores.map(p -> p.getFileName().toString()).toList(),
                    "the template's store, adopted");
        }
        // The kept stores and the reader's password are the owner's alone, as the keys.
        for (Path p : List.of(settings.apiStoreDir(), settings.apiStoreDir().resolve("1"))) {
            assertEquals(
                    "rwx------",
                    java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(p)),
                    p.toString());
        }
        assertEquals(
                "rw-------",
                java.nio.file.attribute.PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(settings.apiStoreDir().resolve("reader.password"))));
    }

    /** What the API's reader sees: nodes per label. */
    private static Map<String, String> counts(ReleaseApi api) {
        Map<String, String> counts = new java.util.TreeMap<>();
        for (var row : api.database().read("test/count-by-label", Map.of(), r -> r)) {
            counts.put(
                    row.get("label").asString(), Long.toString(row.get("nodes").asLong()));
        }
        assertFalse(counts.isEmpty());
        return counts;
    }
}
