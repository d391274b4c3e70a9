package fr.passerelle.publish;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * How a job stands against what an education step prepares for (France Compétences' "métier visé"):
 * one of its target ROME codes, another job of a target's professional field (the code's first three
 * characters), of a target's grand domain (its letter), or of another domain (an unmapped job included).
 * Built once per publication from the steps' target lists; asked once per counted outcome.
 */
final class FitTargets {
    /** The situations of the fit table, in the order of its {@code c} coordinate. */
    static final List<String> SITUATIONS =
            List.of("target", "sameField", "sameDomain", "otherDomain", "study", "other");

    static final int TARGET = 0;
    static final int SAME_FIELD = 1;
    static final int SAME_DOMAIN = 2;
    static final int OTHER_DOMAIN = 3;
    static final int STUDY = 4;
    static final int OTHER = 5;

    private final String[] codes;
    private final Set<String>[] targets;
    private final Set<String>[] fields;
    private final Set<String>[] domains;
    /**
     * Each (step, job) pair's situation once worked out (-1 not yet): asked for every counted outcome, the code
     * comparisons and their pattern were a tenth of the publication's counting at 1M people.
     * One publication, one thread: not shared between threads.
     */
    private final byte[][] known;

    @SuppressWarnings("unchecked")
    FitTargets(List<String> stepCodes, List<List<String>> targetCodes) {
        int n = stepCodes.size();
        codes = stepCodes.toArray(String[]::new);
        targets = new Set[n];
        fields = new Set[n];
        domains = new Set[n];
        known = new byte[n][];
        for (int s = 0; s < n; s++) {
            List<String> list = targetCodes.get(s);
            if (list == null || list.isEmpty()) {
                continue;
            }
            targets[s] = Set.copyOf(list);
            Set<String> f = new HashSet<>();
            Set<String> d = new HashSet<>();
            for (String code : list) {
                f.add(code.substring(0, 3));
                d.add(code.substring(0, 1));
            }
            fields[s] = f;
            domains[s] = d;
        }
    }

    /** No step has target jobs: nothing to count. */
    static FitTargets none() {
        return new FitTargets(List.of(), List.of());
    }

    boolean has(int step) {
        return step < targets.length && targets[step] != null;
    }

    /** The situation of holding job step {@code job} after step {@code from} (which has targets). */
    int ofJob(int from, int job) {
        byte[] row = known[from];
        if (row == null) {
            row = new byte[codes.length];
            java.util.Arrays.fill(row, (byte) -1);
            known[from] = row;
        }
        if (row[job] < 0) {
            row[job] = (byte) situation(from, job);
        }
        return row[job];
    }

    private int situation(int from, int job) {
        String code = codes[job];
        if (targets[from].contains(code)) {
            return TARGET;
        }
        if (!fr.passerelle.catalog.RomeCode.is(code)) {
            return OTHER_DOMAIN;
        }
        if (fields[from].contains(code.substring(0, 3))) {
            return SAME_FIELD;
        }
        return domains[from].contains(code.substring(0, 1)) ? SAME_DOMAIN : OTHER_DOMAIN;
    }
}
