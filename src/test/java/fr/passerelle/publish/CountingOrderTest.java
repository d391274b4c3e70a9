package fr.passerelle.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.catalog.StepKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The publication counts people in the order of their steps, batch by batch (for the caches, see
 * {@code Publisher.countInStepOrder}), while they are read in record-key order from several readers: every cell must
 * come out the same whatever the order, people, key sums, medians and contributions alike.
 */
class CountingOrderTest {
    private static final int STEPS = 30;

    @Test
    void everyCellIsTheSameWhateverTheOrderPeopleAreCountedIn() {
        SplittableRandom random = new SplittableRandom(11);
        List<ReleaseTables.Person> people = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            people.add(randomPerson(random, i));
        }
        TreeMap<String, String> asRead = snapshot(count(people));
        List<ReleaseTables.Person> reversed = new ArrayList<>(people);
        Collections.reverse(reversed);
        List<ReleaseTables.Person> shuffled = new ArrayList<>(people);
        Collections.shuffle(shuffled, new Random(3));
        List<ReleaseTables.Person> byStep = new ArrayList<>(people);
        byStep.sort(Comparator.comparing(ReleaseTables.Person::steps, Arrays::compare));
        // The comparison must have something to compare: thousands of cells, timed ones among them.
        assertTrue(asRead.size() > 2000, "cells: " + asRead.size());
        assertTrue(asRead.values().stream().anyMatch(v -> v.contains("median=") && !v.contains("median=null")));
        for (List<ReleaseTables.Person> order : List.of(reversed, shuffled, byStep)) {
            assertEquals(asRead, snapshot(count(order)));
        }
    }

    private static ReleaseTables count(List<ReleaseTables.Person> people) {
        StepKind[] kinds = new StepKind[STEPS];
        int[] domains = new int[STEPS];
        for (int s = 0; s < STEPS; s++) {
            kinds[s] = s < STEPS / 2 ? StepKind.EDUCATION : StepKind.JOB;
            domains[s] = s < STEPS / 2 ? -1 : s % 4;
        }
        ReleaseTables tables = new ReleaseTables(kinds, domains, 4);
        for (int p = 0; p < people.size(); p++) {
            tables.count(p, people.get(p));
        }
        return tables;
    }

    /** Every cell by a name that does not depend on counting order (paths by their steps, not their node). */
    private static TreeMap<String, String> snapshot(ReleaseTables tables) {
        TreeMap<String, String> out = new TreeMap<>();
        for (long key : tables.cells.sortedKeys()) {
            String name = ReleaseTables.table(key) == ReleaseTables.RECONVERSION_ROUTE
                    ? "route " + ReleaseTables.a(key) + " " + ReleaseTables.b(key) + " via "
                            + path(tables, ReleaseTables.c(key))
                    : Long.toString(key);
            out.put(name, describe(tables.get(key)));
        }
        for (int node = 1; node < tables.paths(); node++) {
            out.put(
                    "path " + path(tables, node),
                    describe(tables.pathPeople.get(node)) + " | " + describe(tables.pathLeaving.get(node)) + " | "
                            + describe(tables.pathLastHop.get(node)));
        }
        return out;
    }

    private static String path(ReleaseTables tables, int node) {
        StringBuilder steps = new StringBuilder();
        for (int n = node; n > 0; n = tables.parent(n)) {
            steps.insert(0, tables.lastStep(n) + ">");
        }
        return steps.toString();
    }

    private static String describe(ReleaseTables.Cell c) {
        return "people=" + c.people + " key=" + c.key + " timed=" + c.timed() + " median=" + c.median() + " gaps="
                + c.timedAfterEnd() + " gapMedian=" + c.medianAfterEnd() + " contributed=" + c.contributedPeople();
    }

    private static ReleaseTables.Person randomPerson(SplittableRandom random, int i) {
        int n = 1 + random.nextInt(6);
        int[] steps = new int[n];
        int[] starts = new int[n];
        int[] ends = new int[n];
        int[] regions = new int[n];
        int[] institutions = new int[n];
        int month = 2005 * 12 + random.nextInt(200);
        for (int j = 0; j < n; j++) {
            // Few steps, so that people share paths and cells; education first, as in life.
            steps[j] = j < n / 2 ? random.nextInt(STEPS / 2) : random.nextInt(STEPS);
            starts[j] = random.nextInt(10) == 0 ? -1 : month;
            int length = 6 + random.nextInt(30);
            ends[j] = random.nextBoolean() ? month + length : -1;
            month += length + random.nextInt(12);
            regions[j] = random.nextInt(15) - 2;
            institutions[j] = random.nextInt(8) - 3;
        }
        return new ReleaseTables.Person(
                random.nextLong(),
                random.nextInt(2),
                steps,
                starts,
                ends,
                Arrays.stream(regions).map(r -> Math.max(r, -1)).toArray(),
                2024 * 12 + random.nextInt(12),
                random.nextInt(5) == 0 ? random.nextInt(3) : -1,
                random.nextBoolean()
                        ? Arrays.stream(institutions).map(x -> Math.max(x, -1)).toArray()
                        : null);
    }
}
