package fr.passerelle.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.Fixtures;
import fr.passerelle.TestClock;
import fr.passerelle.TestNeo4j;
import fr.passerelle.catalog.Catalogue;
import fr.passerelle.collect.Collector;
import fr.passerelle.collect.Opposition;
import fr.passerelle.demo.DemoGenerator;
import fr.passerelle.graph.Database;
import fr.passerelle.ingest.DirectContributions;
import fr.passerelle.ingest.RawStep;
import fr.passerelle.ingest.RawTrajectory;
import fr.passerelle.lifecycle.Erasure;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Attacks on the history of releases: whoever keeps every release and diffs consecutive ones must
 * not learn the trajectory of the one person who changed in between. Every kind of single change
 * (erasure, contribution, withdrawal, opposition, replacement, purge) is followed by what the policy
 * allows (nothing) and by the release the longest delay forces with that change alone in it, where
 * only stable values protect. The same diffs are taken of releases drawn afresh each time (today's
 * behaviour before stable values), which must give the person away: the test can fail.
 */
class ReleaseHistoryTest {
    @TempDir
    Path dir;

    /** Single changes published one by one in the diff attack (each kind of change as often). */
    private static final int ROUNDS = Integer.getInteger("passerelle.history.rounds", 24);

    private static final List<String> TRANSITION_TABLES =
            List.of("transitions.csv", "region-transitions.csv", "period-transitions.csv", "since-transitions.csv");

    private static final String INSTITUTION_NEXT = InstitutionTables.PART + "/" + InstitutionTables.NEXT;

    /** The columns that hold released values (people first where a table has it); every other column names the row. */
    private static final List<String> VALUES = List.of(
            "people",
            "peopleIn",
            "peopleOut",
            "leaving",
            "cohort",
            "share",
            "shareLow",
            "shareHigh",
            "medianMonths",
            "lastHopMonths",
            "afterEndMonths",
            "lastHopAfterEndMonths",
            "outsideStudy",
            "rate",
            "rateLow",
            "rateHigh",
            // mobility.csv: the people in a job behind a region's rows.
            "working",
            // first-job-flows.csv: the first jobs behind a region's rows.
            "firstJobs",
            // reach.csv: the people observed that long, and everyone seen reaching the target.
            "observed",
            "reached");

    /** Released rows by table and identity (every column but the values), value = the row's values. */
    static Map<String, String> rows(Path release) throws Exception {
        Map<String, String> rows = new TreeMap<>();
        List<String> files = new ArrayList<>(Publisher.FILES);
        // The establishments' private part too: an establishment's key-holder keeps its releases as anyone does.
        InstitutionTables.FILES.forEach(f -> files.add(InstitutionTables.PART + "/" + f));
        for (String file : files) {
            if (!file.endsWith(".csv") || file.equals("meta.csv")) {
                continue;
            }
            try (CSVParser p = CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(Files.newBufferedReader(release.resolve(file)))) {
                List<String> header = p.getHeaderNames();
                for (CSVRecord r : p) {
                    List<String> id = new ArrayList<>();
                    for (int i = 0; i < header.size(); i++) {
                        if (!VALUES.contains(header.get(i))) {
                            id.add(r.get(i));
                        }
                    }
                    List<String> values = new ArrayList<>();
                    for (String v : VALUES) {
                        if (header.contains(v)) {
                            values.add(r.get(v));
                        }
                    }
                    rows.put(file + "|" + String.join("|", id), String.join("|", values));
                }
            }
        }
        return rows;
    }

    /** The transitions (from, to) that a row changed, appeared or vanished in between two releases shows. */
    static Set<String> changedTransitions(Map<String, String> before, Map<String, String> after) {
        Set<String> keys = new HashSet<>(before.keySet());
        keys.addAll(after.keySet());
        Set<String> shown = new HashSet<>();
        for (String key : keys) {
            if (java.util.Objects.equals(before.get(key), after.get(key))) {
                continue;
            }
            String[] id = key.split("\\|");
            if (TRANSITION_TABLES.contains(id[0])) {
                shown.add(id[1] + ">" + id[2]);
            } else if (id[0].equals(INSTITUTION_NEXT)) {
                // uai | step | next
                shown.add(id[2] + ">" + id[3]);
            } else if (id[0].equals("paths.csv")) {
                String[] steps = id[1].split(";");
                for (int i = 1; i < steps.length; i++) {
                    shown.add(steps[i - 1] + ">" + steps[i]);
                }
            }
        }
        return shown;
    }

    static Set<String> transitions(List<RawStep> steps) {
        Set<String> t = new HashSet<>();
        for (int i = 1; i < steps.size(); i++) {
            t.add(steps.get(i - 1).code() + ">" + steps.get(i).code());
        }
        return t;
    }

    enum Change {
        ERASURE,
        CONTRIBUTION,
        WITHDRAWAL,
        OPPOSITION,
        REPLACEMENT,
        PURGE
    }

    /** Recovered and total transitions of the changed people, and transitions shown that were nobody's change. */
    record Score(int recovered, int total, int falsePositives) {
        double share() {
            return total == 0 ? 0 : recovered / (double) total;
        }
    }

    @Test
    void aSingleChangeCannotBeReadOffTheDiffOfTwoReleases() throws Exception {
        Database db = TestNeo4j.reset();
        TestClock clock = new TestClock();
        List<RawTrajectory> people = new ArrayList<>();
        new DemoGenerator(Catalogue.bundled()).generate(3000, 11).forEach(people::add);
        // People collected from public profile pages (one per opposition round), so that an opposition by URL finds
        // them.
        List<String> profiles = new ArrayList<>();
        for (int i = 0; i < (ROUNDS + Change.values().length - 1) / Change.values().length; i++) {
            profiles.add("https://profiles.example.org/p/person-" + i);
        }
        for (int i = 0; i < profiles.size(); i++) {
            people.add(new RawTrajectory(
                    Collector.source(URI.create(profiles.get(i))),
                    profiles.get(i),
                    people.get(100 + i).steps(),
                    "test"));
        }
        Fixtures.importer(db, 2000).importRecords(people, n -> {});
        Releases stable = Fixtures.releases(db, dir, clock);
        Publisher fresh = Fixtures.publisher(db);
        Erasure erasure = new Erasure(db, Fixtures.KEY, clock);
        DirectContributions contributions = new DirectContributions(db, Fixtures.importer(db, 100), erasure, clock);

        assertEquals(
                PublicationPolicy.Reason.FIRST, stable.publish(null).decision().reason());
        Map<String, String> beforeRows = rows(stable.newest().orElseThrow().dir());
        Map<String, String> freshBeforeRows =
                rows(fresh.publish(dir.resolve("fresh")).dir());

        Random random = new Random(24);
        Score stableScore = new Score(0, 0, 0);
        Score freshScore = new Score(0, 0, 0);
        int target = 200;
        for (int round = 0; round < ROUNDS; round++) {
            Change change = Change.values()[round % Change.values().length];
            RawTrajectory person = people.get(target);
            target += 1 + random.nextInt(200);
            Set<String> theirs = switch (change) {
                case ERASURE -> {
                    erasure.erase(person.source(), List.of(person.id()), Erasure.Reason.ERASURE);
                    yield transitions(person.steps());
                }
                case CONTRIBUTION -> {
                    contributions.contribute(
                            "app1", person.steps(), "2026-11", clock.instant().toString());
                    yield transitions(person.steps());
                }
                case WITHDRAWAL -> {
                    Fixtures.importer(db, 100)
                            .importRecords(
                                    List.of(new RawTrajectory(person.source(), person.id(), List.of(), "test", true)),
                                    n -> {});
                    yield transitions(person.steps());
                }
                case OPPOSITION -> {
                    RawTrajectory profiled = people.get(people.size() - 1 - round / Change.values().length);
                    assertTrue(
                            new Opposition(erasure, clock).oppose(profiled.id()).isPresent());
                    yield transitions(profiled.steps());
                }
                case REPLACEMENT -> {
                    List<RawStep> changed = new ArrayList<>(person.steps());
                    RawStep last = changed.remove(changed.size() - 1);
                    RawStep other = people.get(target + 7).steps().get(0);
                    changed.add(new RawStep(other.kind(), other.code(), last.start(), null, last.region()));
                    Fixtures.importer(db, 100)
                            .importRecords(
                                    List.of(new RawTrajectory(person.source(), person.id(), changed, "test")), n -> {});
                    Set<String> both = transitions(person.steps());
                    both.addAll(transitions(changed));
                    // Only what differs is this person's change to find.
                    Set<String> kept = transitions(person.steps());
                    kept.retainAll(transitions(changed));
                    both.removeAll(kept);
                    yield both;
                }
                case PURGE -> {
                    db.writeOne(
                            "test/age-person",
                            Map.of(
                                    "pid",
                                    Fixtures.KEY.pseudonym(person.source(), person.id()),
                                    "collectedAt",
                                    "2020-01-15"));
                    assertEquals(1, erasure.purge(24).size());
                    yield transitions(person.steps());
                }
            };
            // What the policy allows for one change: nothing.
            Releases.Outcome quiet = stable.publish(null);
            assertFalse(quiet.published(), change + ": one change alone is not a release");
            assertEquals(PublicationPolicy.Reason.WAITING, quiet.decision().reason());
            // The longest delay forces a release with this one change in it.
            clock.advance(Duration.ofDays(31));
            Releases.Outcome forced = stable.publish(null);
            assertTrue(forced.published(), change.toString());
            assertEquals(
                    PublicationPolicy.Reason.LONGEST_DELAY, forced.decision().reason());
            Path after = forced.release().dir();
            Path freshAfter = fresh.publish(dir.resolve("fresh")).dir();

            // Each release's rows are read once: this round's "after" is the next round's "before".
            Map<String, String> afterRows = rows(after);
            Map<String, String> freshAfterRows = rows(freshAfter);
            Set<String> shown = changedTransitions(beforeRows, afterRows);
            Set<String> shownFresh = changedTransitions(freshBeforeRows, freshAfterRows);
            stableScore = add(stableScore, theirs, shown);
            freshScore = add(freshScore, theirs, shownFresh);
            beforeRows = afterRows;
            freshBeforeRows = freshAfterRows;
        }
        System.out.printf(
                "release history attack, " + ROUNDS
                        + " single changes of 6 kinds on " + people.size()
                        + " people: stable values %d of %d transitions"
                        + " recovered (%.3f), %d shown that were nobody's; drawn afresh %d of %d (%.3f), %d nobody's%n",
                stableScore.recovered(),
                stableScore.total(),
                stableScore.share(),
                stableScore.falsePositives(),
                freshScore.recovered(),
                freshScore.total(),
                freshScore.share(),
                freshScore.falsePositives());
        assertTrue(
                freshScore.share() > 0.15,
                "drawn afresh, the diff must give the person away, or this test could not fail: " + freshScore);
        assertTrue(stableScore.share() <= 0.15, "stable values: " + stableScore);
    }

    private static Score add(Score s, Set<String> theirs, Set<String> shown) {
        Set<String> hit = new HashSet<>(shown);
        hit.retainAll(theirs);
        Set<String> other = new HashSet<>(shown);
        other.removeAll(theirs);
        return new Score(s.recovered() + hit.size(), s.total() + theirs.size(), s.falsePositives() + other.size());
    }

    /**
     * An establishment's key-holder keeps each release of its own figures and diffs them: when one of its
     * leavers is erased, which of the programme's next steps moved must not say where that leaver went.
     * Planted: one programme of one establishment whose 60 leavers went to three next steps, 20 each, so that
     * every cell is released; one leaver erased per release (two per next step), each release forced
     * alone by the longest delay. Drawn afresh each time, the one cell that moved names the next step.
     */
    @Test
    void anEstablishmentDiffingItsOwnFiguresCannotTellWhereAnErasedLeaverWent() throws Exception {
        Database db = TestNeo4j.reset();
        TestClock clock = new TestClock();
        List<RawTrajectory> people = new ArrayList<>();
        new DemoGenerator(Catalogue.bundled()).generate(100, 14).forEach(people::add);
        String uai = fr.passerelle.catalog.Uai.withCheckLetter("0359999");
        String programme = "BTS-MCO";
        List<String> destinations = List.of("D1301", "M1607", "LIC-PRO-COMMERCE");
        List<List<RawTrajectory>> leavers = new ArrayList<>();
        for (String next : destinations) {
            List<RawTrajectory> those = new ArrayList<>();
            String kind = Catalogue.bundled().find(next).orElseThrow().kind().code();
            for (int i = 0; i < 20; i++) {
                those.add(new RawTrajectory(
                        "attack",
                        "leaver-" + next + "-" + i,
                        List.of(
                                new RawStep("education", programme, "2018-09", "2020-06", "Bretagne", uai),
                                new RawStep(kind, next, "2020-09", null, "Bretagne")),
                        "test"));
            }
            leavers.add(those);
            people.addAll(those);
        }
        Fixtures.importer(db, 2000).importRecords(people, n -> {});
        Releases stable = Fixtures.releases(db, dir, clock);
        Publisher fresh = Fixtures.publisher(db);
        Erasure erasure = new Erasure(db, Fixtures.KEY, clock);
        stable.publish(null);
        Map<String, String> before = rows(stable.newest().orElseThrow().dir());
        Map<String, String> freshBefore =
                rows(fresh.publish(dir.resolve("fresh")).dir());
        for (String next : destinations) {
            assertTrue(
                    before.containsKey(INSTITUTION_NEXT + "|" + uai + "|" + programme + "|" + next),
                    "the planted next step " + next + " is released to the establishment: "
                            + before.keySet().stream()
                                    .filter(k -> k.startsWith(INSTITUTION_NEXT))
                                    .toList());
        }
        int rounds = 6;
        int singledOut = 0;
        int singledOutFresh = 0;
        for (int round = 0; round < rounds; round++) {
            int d = round % destinations.size();
            RawTrajectory leaver = leavers.get(d).get(round / destinations.size());
            erasure.erase(leaver.source(), List.of(leaver.id()), Erasure.Reason.ERASURE);
            clock.advance(Duration.ofDays(31));
            Releases.Outcome forced = stable.publish(null);
            assertEquals(
                    PublicationPolicy.Reason.LONGEST_DELAY, forced.decision().reason());
            Map<String, String> after = rows(forced.release().dir());
            Map<String, String> freshAfter =
                    rows(fresh.publish(dir.resolve("fresh")).dir());
            String went = programme + ">" + destinations.get(d);
            singledOut += movedNextSteps(before, after, uai).equals(Set.of(went)) ? 1 : 0;
            singledOutFresh += movedNextSteps(freshBefore, freshAfter, uai).equals(Set.of(went)) ? 1 : 0;
            before = after;
            freshBefore = freshAfter;
        }
        System.out.printf(
                "establishment's own history, %d erased leavers of one programme: next step singled out by the diff"
                        + " %d times with stable values, %d drawn afresh%n",
                rounds, singledOut, singledOutFresh);
        assertTrue(
                singledOutFresh > rounds / 2,
                "drawn afresh, the diff must name the next step, or this test could not fail: " + singledOutFresh);
        assertTrue(singledOut <= rounds * 0.15, "stable values: " + singledOut + " of " + rounds + " singled out");
    }

    /** The establishment's next steps whose released people changed, appeared or vanished between two releases. */
    private static Set<String> movedNextSteps(Map<String, String> before, Map<String, String> after, String uai) {
        Set<String> keys = new HashSet<>(before.keySet());
        keys.addAll(after.keySet());
        Set<String> moved = new HashSet<>();
        for (String key : keys) {
            if (!key.startsWith(INSTITUTION_NEXT + "|" + uai + "|")) {
                continue;
            }
            String was = before.get(key) == null ? null : before.get(key).split("\\|")[0];
            String now = after.get(key) == null ? null : after.get(key).split("\\|")[0];
            if (!java.util.Objects.equals(was, now)) {
                String[] id = key.split("\\|");
                moved.add(id[2] + ">" + id[3]);
            }
        }
        return moved;
    }

    /**
     * A batch of min-changes erasures with a target among them: given the target's first step, the
     * attacker who picks the next step whose transition fell most between the releases does no better
     * than one who picks the most common released next step.
     */
    @Test
    void aBatchHidesEachOfItsPeople() throws Exception {
        Database db = TestNeo4j.reset();
        TestClock clock = new TestClock();
        List<RawTrajectory> people = new ArrayList<>();
        new DemoGenerator(Catalogue.bundled()).generate(3000, 12).forEach(people::add);
        Fixtures.importer(db, 2000).importRecords(people, n -> {});
        Releases releases = Fixtures.releases(db, dir, clock);
        releases.publish(null);
        Erasure erasure = new Erasure(db, Fixtures.KEY, clock);
        Random random = new Random(7);
        int diffRight = 0;
        int guessRight = 0;
        int targets = 0;
        Set<Integer> gone = new HashSet<>();
        for (int batch = 0; batch < 4; batch++) {
            Map<String, String> before = rows(releases.newest().orElseThrow().dir());
            List<RawTrajectory> erased = new ArrayList<>();
            while (erased.size() < Settings50.MIN_CHANGES) {
                int i = random.nextInt(people.size());
                if (gone.add(i) && people.get(i).steps().size() >= 2) {
                    erased.add(people.get(i));
                }
            }
            for (RawTrajectory p : erased) {
                erasure.erase(p.source(), List.of(p.id()), Erasure.Reason.ERASURE);
            }
            Releases.Outcome o = releases.publish(null);
            assertEquals(PublicationPolicy.Reason.ENOUGH_CHANGES, o.decision().reason());
            Map<String, String> after = rows(o.release().dir());
            // The released transitions of the earlier release by their first step, read once per batch.
            Map<String, List<Map.Entry<String, String>>> transitionsFrom = new HashMap<>();
            for (Map.Entry<String, String> row : before.entrySet()) {
                String[] id = row.getKey().split("\\|");
                if (id[0].equals("transitions.csv")) {
                    transitionsFrom
                            .computeIfAbsent(id[1], f -> new ArrayList<>())
                            .add(row);
                }
            }
            // Every erased person in turn is the target; the attacker knows their first step.
            for (RawTrajectory target : erased) {
                String first = target.steps().get(0).code();
                String next = target.steps().get(1).code();
                String byDiff = null;
                long mostFallen = 0;
                String common = null;
                long mostPeople = -1;
                for (Map.Entry<String, String> row : transitionsFrom.getOrDefault(first, List.of())) {
                    String[] id = row.getKey().split("\\|");
                    long was = Long.parseLong(row.getValue().split("\\|")[0]);
                    String now = after.get(row.getKey());
                    long fell = was - (now == null ? 0 : Long.parseLong(now.split("\\|")[0]));
                    if (fell > mostFallen) {
                        mostFallen = fell;
                        byDiff = id[2];
                    }
                    if (was > mostPeople) {
                        mostPeople = was;
                        common = id[2];
                    }
                }
                // With nothing fallen, the diff says nothing: the attacker falls back on the common guess.
                diffRight += next.equals(byDiff != null ? byDiff : common) ? 1 : 0;
                guessRight += next.equals(common) ? 1 : 0;
                targets++;
            }
        }
        double diff = diffRight / (double) targets;
        double guess = guessRight / (double) targets;
        System.out.printf(
                "batch of %d erasures, %d targets: next step right from the diff %.3f, from the most common released next step %.3f%n",
                Settings50.MIN_CHANGES, targets, diff, guess);
        assertTrue(diff <= guess + 0.05, "the diff of a batch singles people out: " + diff + " against " + guess);
    }

    /** The policy's default batch. */
    static final class Settings50 {
        static final int MIN_CHANGES = fr.passerelle.app.Settings.Publishing.DEFAULT_MIN_CHANGES;
    }

    /**
     * After the longest delay the release is the one built without the erased people, up to stable
     * values: every value within the stability band and the noise of the fresh one, the erased
     * person's own rare path gone.
     */
    @Test
    void afterTheLongestDelayTheReleaseIsOneWithoutTheErased() throws Exception {
        Database db = TestNeo4j.reset();
        TestClock clock = new TestClock();
        List<RawTrajectory> people = new ArrayList<>();
        new DemoGenerator(Catalogue.bundled()).generate(2000, 13).forEach(people::add);
        RawTrajectory rare = new RawTrajectory(
                "attack",
                "rare",
                List.of(
                        new RawStep("education", "BAC-STMG", "2012-09", null, "Bretagne"),
                        new RawStep("education", "BTS-MCO", "2014-09", null, "Bretagne"),
                        new RawStep("job", "D1301", "2016-09", null, "Bretagne"),
                        new RawStep("job", "M1607", "2019-09", null, "Bretagne"),
                        new RawStep("job", "K2111", "2021-09", null, "Bretagne")),
                "test");
        List<RawTrajectory> many = new ArrayList<>(people);
        // Fourteen copies make the rare 5-step path released whatever its noise; erasing four must withhold it.
        for (int i = 0; i < 14; i++) {
            many.add(new RawTrajectory("attack", "rare-" + i, rare.steps(), "test"));
        }
        Fixtures.importer(db, 2000).importRecords(many, n -> {});
        Releases releases = Fixtures.releases(db, dir, clock);
        Path first = releases.publish(null).release().dir();
        String rarePath = "paths.csv|BAC-STMG;BTS-MCO;D1301;M1607;K2111";
        assertTrue(rows(first).containsKey(rarePath), "the rare path is released with its 14 people");
        Erasure erasure = new Erasure(db, Fixtures.KEY, clock);
        erasure.erase("attack", List.of("rare-0", "rare-1", "rare-2", "rare-3"), Erasure.Reason.ERASURE);
        for (int i = 0; i < 3; i++) {
            RawTrajectory p = people.get(300 + 50 * i);
            erasure.erase(p.source(), List.of(p.id()), Erasure.Reason.ERASURE);
        }
        assertFalse(releases.publish(null).published());
        clock.advance(Duration.ofDays(30));
        Path later = releases.publish(null).release().dir();
        Map<String, String> stable = rows(later);
        Map<String, String> never =
                rows(Fixtures.publisher(db).publish(dir.resolve("without")).dir());
        assertFalse(stable.containsKey(rarePath), "10 people left on the rare path: withheld at once");
        int within = Integer.getInteger(
                "passerelle.stableWithin", fr.passerelle.app.Settings.Publishing.DEFAULT_STABLE_WITHIN);
        int band = within - 1 + 2 * Fixtures.NOISE.maxNoise();
        Map<String, Integer> compared = new HashMap<>();
        for (Map.Entry<String, String> row : stable.entrySet()) {
            String other = never.get(row.getKey());
            String[] values = row.getValue().split("\\|");
            if (values.length == 0 || values[0].isEmpty() || !values[0].matches("\\d+")) {
                continue;
            }
            long value = Long.parseLong(values[0]);
            if (other == null) {
                // Only a value near k may be shown on one side and not the other (noise, or the band).
                assertTrue(value <= 11 + band, row.getKey() + " = " + value + " is released only with stable values");
                continue;
            }
            long fresh = Long.parseLong(other.split("\\|")[0]);
            assertTrue(Math.abs(value - fresh) <= band, row.getKey() + ": " + value + " against " + fresh);
            compared.merge(row.getKey().split("\\|")[0], 1, Integer::sum);
        }
        for (String key : never.keySet()) {
            if (!stable.containsKey(key)) {
                long fresh = Long.parseLong(
                        never.get(key).split("\\|")[0].isEmpty()
                                ? "0"
                                : never.get(key).split("\\|")[0]);
                assertTrue(fresh <= 11 + band, key + " = " + fresh + " is missing from the stable release");
            }
        }
        assertTrue(compared.getOrDefault("transitions.csv", 0) > 100, compared.toString());
    }
}
