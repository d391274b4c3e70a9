package fr.passerelle.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.passerelle.Fixtures;
import fr.passerelle.TestClock;
import fr.passerelle.TestNeo4j;
import fr.passerelle.catalog.Catalogue;
import fr.passerelle.catalog.CatalogueStep;
import fr.passerelle.catalog.StepKind;
import fr.passerelle.demo.DemoGenerator;
import fr.passerelle.graph.Database;
import fr.passerelle.ingest.DirectContributions;
import fr.passerelle.ingest.RawStep;
import fr.passerelle.ingest.RawTrajectory;
import fr.passerelle.lifecycle.Erasure;
import fr.passerelle.publish.PublicationPolicy;
import fr.passerelle.publish.ReleaseApi;
import fr.passerelle.publish.Releases;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An app floods the contributions with invented people on transitions it suspects, to learn from
 * the next release whether anybody really made them (a certain membership test: released only when
 * at least k, so ten invented people plus one real one would show). Through HTTP, with one key: it
 * must find no more of the transitions real people made than of those nobody made; nor must two
 * colluding keys (with the dominance rule alone, leaving out the largest key's people, they found 16 of 16).
 */
class SybilTest {
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    record Suspect(String from, String to, int real) {}

    @Test
    void floodingContributionsLearnsNothingWithOneKeyOrSeveral() throws Exception {
        Database db = TestNeo4j.reset();
        TestClock clock = new TestClock();
        Catalogue catalogue = Catalogue.bundled();
        List<RawTrajectory> people = new ArrayList<>();
        new DemoGenerator(catalogue).generate(2000, 5).forEach(people::add);
        Set<String> made = new HashSet<>();
        for (RawTrajectory t : people) {
            for (int i = 1; i < t.steps().size(); i++) {
                made.add(t.steps().get(i - 1).code() + ">" + t.steps().get(i).code());
            }
        }
        // 32 suspected transitions from common steps to jobs nobody in the demo went to from there: 16 that 1..4
        // planted real people made, 16 that nobody made.
        List<String> froms = List.of("BAC-STMG", "BTS-MCO", "BAC-G-MATHS-PC", "LIC-SV");
        List<String> jobs = catalogue.steps().stream()
                .filter(s -> s.kind() == StepKind.JOB && !s.code().startsWith("UNMAPPED-"))
                .map(CatalogueStep::code)
                .sorted()
                .toList();
        List<Suspect> suspects = new ArrayList<>();
        int j = 0;
        for (int i = 0; i < 32; i++) {
            String from = froms.get(i % froms.size());
            while (made.contains(from + ">" + jobs.get(j))) {
                j++;
            }
            suspects.add(new Suspect(from, jobs.get(j++), i < 16 ? 1 + i % 4 : 0));
        }
        int planted = 0;
        for (Suspect s : suspects) {
            for (int r = 0; r < s.real(); r++) {
                people.add(new RawTrajectory("real", "planted-" + planted++, steps(s), "test"));
            }
        }
        Fixtures.importer(db, 2000).importRecords(people, n -> {});
        ReleaseApi release = Fixtures.release(db, dir);
        Releases releases = Fixtures.releases(db, dir, clock);
        ApiKeys keys = ApiKeys.load(dir.resolve("keys").resolve("api-keys.csv"));
        String app1 = keys.create("app1", ApiKeys.Role.READER, clock);
        String app2 = keys.create("app2", ApiKeys.Role.READER, clock);
        DirectContributions contributions =
                new DirectContributions(db, Fixtures.importer(db, 10), new Erasure(db, Fixtures.KEY, clock), clock, 20);
        Javalin app = ApiServer.create(
                        Fixtures.services(release),
                        ApiServer.Options.defaults()
                                .withAccess(null, keys, false, 0)
                                .withSelfService(null, contributions),
                        new ArrayList<>())
                .start("127.0.0.1", 0);
        try {
            String base = "http://127.0.0.1:" + app.port();
            // One key, ten invented people on each of the 32 suspects: 320 posts, 20 a day.
            int refused = flood(base, app1, suspects, 10, clock);
            assertEquals(15, refused, "the quota turns the key away after 20 a day, once a day for 16 days");
            Releases.Outcome o = releases.publish(null);
            assertEquals(PublicationPolicy.Reason.ENOUGH_CHANGES, o.decision().reason());
            release.switchTo(o.release());
            int[] oneKey = visible(base, suspects);
            // Two colluding keys, ten more each, on the same suspects.
            flood(base, app2, suspects, 10, clock);
            clock.advance(Duration.ofDays(1));
            release.switchTo(releases.publish(null).release());
            int[] twoKeys = visible(base, suspects);
            System.out.printf(
                    "sybil: one key, 10 invented people on each of 32 suspected transitions: %d of 16 made by 1-4 real people "
                            + "shown, %d of 16 made by nobody; two colluding keys (20 each): %d of 16, %d of 16%n",
                    oneKey[0], oneKey[1], twoKeys[0], twoKeys[1]);
            assertTrue(
                    oneKey[0] <= oneKey[1], "one key learns who made a transition: " + oneKey[0] + " > " + oneKey[1]);
            assertEquals(0, oneKey[1], "one key cannot put an invented transition into the public figures");
            assertTrue(
                    twoKeys[0] <= twoKeys[1],
                    "colluding keys learn who made a transition: " + twoKeys[0] + " > " + twoKeys[1]);
            assertEquals(0, twoKeys[1], "colluding keys cannot put an invented transition into the public figures");
            JsonNode register = JSON.readTree(HTTP.send(
                            HttpRequest.newBuilder(URI.create(base + "/api/privacy"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body());
            JsonNode byApp = register.get("contributions").get("byApp");
            assertTrue(byApp.get("app1").asLong() >= 300, "the register shows what each app contributed: " + byApp);
            assertFalse(byApp.has("planted"), byApp.toString());
        } finally {
            app.stop();
            release.close();
        }
    }

    private static List<RawStep> steps(Suspect s) {
        return List.of(
                new RawStep("education", s.from(), "2015-09", null, null),
                new RawStep("job", s.to(), "2018-09", null, null));
    }

    /** Posts {@code each} invented people per suspect; on a 429 waits for the next day (the test's clock). */
    private static int refused(HttpResponse<String> r) {
        return r.statusCode() == 429 ? 1 : 0;
    }

    private static int flood(String base, String key, List<Suspect> suspects, int each, TestClock clock)
            throws Exception {
        int refused = 0;
        for (Suspect s : suspects) {
            for (int i = 0; i < each; i++) {
                String body = "{\"steps\": [{\"kind\": \"education\", \"code\": \"" + s.from()
                        + "\", \"start\": \"2015-09\"}, {\"kind\": \"job\", \"code\": \"" + s.to()
                        + "\", \"start\": \"2018-09\"}], \"consent\": {\"purposeVersion\": \"2026-11\", \"consentedAt\": \""
                        + clock.instant() + "\"}}";
                HttpResponse<String> r = post(base, key, body);
                if (refused(r) == 1) {
                    assertTrue(r.headers().firstValue("Retry-After").isPresent(), r.body());
                    refused++;
                    clock.advance(Duration.ofDays(1));
                    r = post(
                            base,
                            key,
                            body.replaceAll(
                                    "\"consentedAt\": \"[^\"]+\"", "\"consentedAt\": \"" + clock.instant() + "\""));
                }
                assertEquals(201, r.statusCode(), r.body());
            }
        }
        return refused;
    }

    /** How many suspects made by real people, and by nobody, the release shows as a destination. */
    private static int[] visible(String base, List<Suspect> suspects) throws Exception {
        int[] shown = new int[2];
        for (Suspect s : suspects) {
            JsonNode next = JSON.readTree(HTTP.send(
                            HttpRequest.newBuilder(URI.create(base + "/api/steps/" + s.from() + "/next"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body());
            for (JsonNode n : next.get("next")) {
                if (n.get("step").get("id").asText().equals(s.to())) {
                    shown[s.real() > 0 ? 0 : 1]++;
                }
            }
        }
        return shown;
    }

    private static HttpResponse<String> post(String base, String key, String body) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(base + "/api/contributions"))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + key)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
