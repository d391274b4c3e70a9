package fr.passerelle.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.Fixtures;
import fr.passerelle.TestNeo4j;
import fr.passerelle.graph.Database;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.exceptions.AuthenticationException;
import org.neo4j.driver.exceptions.ClientException;

/**
 * The API's Neo4j instances are kept running from one release to the next (planning everything again on a new one
 * was most of a test run): what one holds after it was given back and loaded again must be exactly the next release,
 * read-only, open to the new account only; and an instance whose load failed must never answer.
 */
class ReleaseInstancesTest {
    /** A page cache no other test asks for: the instances given back here wait for this class only. */
    private static final long PAGE_CACHE = 24L << 20;

    @Test
    void aReusedInstanceHoldsTheNextReleaseAloneReadOnlyAndForItsNewAccountOnly(@TempDir Path dir) throws IOException {
        // The demo release has establishments (the private part); the next one has none.
        Publication first = Fixtures.demoPublication();
        Publication second = smallRelease(dir);

        ReleaseInstance instance = ReleaseInstances.take(PAGE_CACHE);
        instance.load(first, "reader", "first-password", true);
        String uri = instance.boltUri();
        Map<String, Long> firstContents = contents(uri, "first-password");
        ReleaseInstances.giveBack(instance);

        ReleaseInstance again = ReleaseInstances.take(PAGE_CACHE);
        ReleaseInstance fresh = null;
        try {
            assertEquals(uri, again.boltUri(), "the instance given back is the one taken next");
            again.load(second, "reader", "second-password", true);
            fresh = ReleaseInstances.take(PAGE_CACHE);
            assertNotEquals(uri, fresh.boltUri());
            fresh.load(second, "reader", "fresh-password", true);

            Map<String, Long> reused = contents(uri, "second-password");
            assertEquals(
                    contents(fresh.boltUri(), "fresh-password"), reused, "the reused instance holds the release alone");
            assertNotEquals(firstContents, reused);
            assertTrue(
                    firstContents.keySet().stream().anyMatch(k -> k.startsWith("label:Institution")),
                    firstContents.toString());
            assertTrue(reused.keySet().stream().noneMatch(k -> k.startsWith("label:Institution")), reused.toString());

            // The previous holder's password opens nothing any more.
            assertThrows(AuthenticationException.class, () -> Database.driver(uri, "reader", "first-password"));
            try (Driver reader = Database.driver(uri, "reader", "second-password")) {
                // Refused by the read-only database itself, whatever the account may do.
                Fixtures.assertEveryWriteRefused(reader, "WriteOnReadOnlyAccessDatabase");
                // Its LOAD CSV folder is empty while it serves: the release's copies went after the load.
                try (Session session = reader.session(SessionConfig.forDatabase("neo4j"))) {
                    assertThrows(
                            ClientException.class,
                            () -> session.run("LOAD CSV FROM 'file:///steps.csv' AS row RETURN row LIMIT 1")
                                    .consume());
                }
            }
        } finally {
            ReleaseInstances.stop(again);
            if (fresh != null) {
                ReleaseInstances.stop(fresh);
            }
        }
    }

    @Test
    void aReleaseThatFailsToLoadIsNeverServed(@TempDir Path dir) throws IOException {
        Publication good = smallRelease(dir);
        Path copy = dir.resolve("broken");
        Files.createDirectories(copy);
        try (var files = Files.list(good.dir())) {
            for (Path f : files.toList()) {
                if (Files.isRegularFile(f)) {
                    Files.copy(f, copy.resolve(f.getFileName()));
                }
            }
        }
        // The same step twice: the steps' constraint stops the load halfway.
        List<String> steps = Files.readAllLines(copy.resolve("steps.csv"), StandardCharsets.UTF_8);
        Files.writeString(
                copy.resolve("steps.csv"), steps.get(1) + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        Publication broken = Publication.read(copy);

        assertThrows(RuntimeException.class, () -> ReleaseApi.start(PAGE_CACHE, broken));
        try (ReleaseApi api = ReleaseApi.start(PAGE_CACHE, good)) {
            ReleaseInstance loaded = ReleaseInstances.take(PAGE_CACHE);
            try {
                loaded.load(good, "reader", "check-password", true);
                // Exactly what a new instance holds: nothing of the failed load, nothing twice.
                assertEquals(
                        contents(loaded.boltUri(), "check-password"),
                        contents(api.database().driver()));
            } finally {
                ReleaseInstances.stop(loaded);
            }
        }
    }

    /** 30 people from a bac to a BTS: one transition, no establishment. */
    private static Publication smallRelease(Path dir) {
        Database db = TestNeo4j.reset();
        Fixtures.importer(db, 100)
                .importFiles(
                        List.of(Fixtures.write(
                                dir,
                                "small.jsonl",
                                Fixtures.people(
                                        "small", 30, "education:BAC-STMG:2019-09", "education:BTS-MCO:2021-09"))),
                        false,
                        n -> {});
        return Fixtures.publisher(db).publish(dir.resolve("published"));
    }

    private static Map<String, Long> contents(String uri, String password) {
        try (Driver driver = Database.driver(uri, "reader", password)) {
            return contents(driver);
        }
    }

    /** How many nodes of each label and relationships of each type, and the steps' people summed. */
    private static Map<String, Long> contents(Driver driver) {
        Map<String, Long> counts = new TreeMap<>();
        try (Session session = driver.session(SessionConfig.forDatabase("neo4j"))) {
            session.run("MATCH (n) UNWIND labels(n) AS l RETURN l, count(*) AS n")
                    .forEachRemaining(r -> counts.put(
                            "label:" + r.get("l").asString(), r.get("n").asLong()));
            session.run("MATCH ()-[r]->() RETURN type(r) AS t, count(*) AS n")
                    .forEachRemaining(r -> counts.put(
                            "type:" + r.get("t").asString(), r.get("n").asLong()));
            counts.put(
                    "stepPeople",
                    session.run("MATCH (s:Step) RETURN coalesce(sum(s.people), 0) AS n")
                            .single()
                            .get("n")
                            .asLong());
        }
        return counts;
    }
}
