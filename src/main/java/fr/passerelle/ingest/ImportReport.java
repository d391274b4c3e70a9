package fr.passerelle.ingest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What an import did: counts, skipped records with their reasons, dropped fields. */
public final class ImportReport {
    private static final int MAX_PROBLEMS_KEPT = 10_000;

    long records;
    long added;
    long replaced;
    long unchanged;
    long visits;
    long droppedRegions;
    /** Establishment codes given but not kept: not a valid UAI, or on a step that is not education. */
    long droppedInstitutions;

    long doNotCollect;
    long withdrawn;
    long absentErased;
    long problemCount;
    boolean rejected;
    Duration elapsed = Duration.ZERO;
    final Map<String, Long> droppedFields = new TreeMap<>();
    final List<InputProblem> problems = new ArrayList<>();

    private String phases;

    /** Where the time went, for reports of runs with distinct phases. */
    public void phases(String text) {
        phases = text;
    }

    /** Sets the elapsed time of a run that began at {@code start}. */
    public void finishedAt(java.time.Instant end, java.time.Instant start) {
        elapsed = Duration.between(start, end);
    }

    synchronized void problem(InputProblem problem) {
        problemCount++;
        if (problems.size() < MAX_PROBLEMS_KEPT) {
            problems.add(problem);
        }
    }

    synchronized void droppedField(String name) {
        droppedFields.merge(name, 1L, Long::sum);
    }

    public long records() {
        return records;
    }

    public long added() {
        return added;
    }

    public long replaced() {
        return replaced;
    }

    public long unchanged() {
        return unchanged;
    }

    public long visits() {
        return visits;
    }

    public long skipped() {
        return problemCount;
    }

    public boolean rejected() {
        return rejected;
    }

    public Duration elapsed() {
        return elapsed;
    }

    /** Records skipped because the person is on the do-not-collect list. */
    public long doNotCollect() {
        return doNotCollect;
    }

    /** Withdrawn records (private, deleted, noindex): erased if held, added to the do-not-collect list. */
    public long withdrawn() {
        return withdrawn;
    }

    /** People of a refreshed source absent from the new files, erased. */
    public long absentErased() {
        return absentErased;
    }

    public long droppedRegions() {
        return droppedRegions;
    }

    public long droppedInstitutions() {
        return droppedInstitutions;
    }

    public Map<String, Long> droppedFields() {
        return Map.copyOf(droppedFields);
    }

    public List<InputProblem> problems() {
        return List.copyOf(problems);
    }

    /** The report as printed at the end of an import. */
    public String summary() {
        StringBuilder out = new StringBuilder();
        if (rejected) {
            out.append("REJECTED (--strict): ").append(problemCount).append(" problem(s); nothing was written.\n");
        }
        out.append(String.format(
                "people read: %d; new: %d; replaced: %d; unchanged: %d; skipped: %d%n",
                records, added, replaced, unchanged, problemCount));
        out.append(String.format(
                "steps stored: %d; regions not recognised (dropped): %d; time: %.1f s%n",
                visits, droppedRegions, elapsed.toMillis() / 1000.0));
        if (droppedInstitutions > 0) {
            out.append(String.format(
                    "establishment codes not kept (not a valid UAI, or not on an education step): %d%n",
                    droppedInstitutions));
        }
        if (doNotCollect + withdrawn + absentErased > 0) {
            out.append(String.format(
                    "on the do-not-collect list (skipped): %d; withdrawn (erased, now on the list): %d; "
                            + "absent from the refreshed source (erased): %d%n",
                    doNotCollect, withdrawn, absentErased));
        }
        if (phases != null) {
            out.append("phases: ").append(phases).append('\n');
        }
        if (!droppedFields.isEmpty()) {
            out.append("fields dropped at read time (not stored): ");
            droppedFields.forEach(
                    (name, count) -> out.append(name).append(" ×").append(count).append("  "));
            out.append('\n');
        }
        problems.forEach(p -> out.append(p).append('\n'));
        if (problemCount > problems.size()) {
            out.append("... and ").append(problemCount - problems.size()).append(" more problem(s)\n");
        }
        return out.toString();
    }
}
