package fr.passerelle.demo;

import fr.passerelle.catalog.Catalogue;
import fr.passerelle.catalog.CatalogueStep;
import fr.passerelle.catalog.StepKind;
import fr.passerelle.ingest.RawStep;
import fr.passerelle.ingest.RawTrajectory;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Generates people who start in a lycée track (or a CAP), walk the weighted flows of
 * {@code demo-flows.csv} through studies, jobs and sometimes a retraining, with plausible durations,
 * cohorts (baccalauréat 2004-2022), regions weighted by population and the occasional move.
 *
 * <p>Each person has a field affinity (the domain of their last specialised programme) that makes
 * flows into that field 2.5 times likelier: as in real data, where people went before says something
 * about where they go next beyond their current step, which is what "people like you" measures.
 */
public final class DemoGenerator {
    /** Nothing is observed after this month (October 2026). */
    static final int OBSERVED_UNTIL = 2026 * 12 + 9;

    private static final String[] REGIONS = {
        "11", "84", "75", "76", "32", "44", "93", "52", "53", "28", "27", "24", "94", "04", "01", "02", "03", "06"
    };
    private static final double[] REGION_WEIGHTS = {
        18.3, 12.0, 9.0, 8.9, 8.9, 8.2, 7.6, 5.7, 5.0, 4.9, 4.1, 3.8, 0.5, 1.3, 0.6, 0.5, 0.4, 0.4
    };

    private final Catalogue catalogue;
    private final Map<String, Flow[]> flows;
    private final fr.passerelle.market.Establishments establishments;

    private record Flow(String to, double weight) {}

    public DemoGenerator(Catalogue catalogue) {
        this(catalogue, fr.passerelle.market.Establishments.NONE);
    }

    /**
     * A generator that also places CAP, bac pro and BTS steps in real lycées and apprentice centres of the
     * step's region, and licences, BUT and masters in real universities ({@code establishments}, read from the
     * official files; none, no establishment). The choice is drawn from the person's id, not from the
     * trajectory's random stream: the same seed gives the same trajectories with or without establishments.
     */
    public DemoGenerator(Catalogue catalogue, fr.passerelle.market.Establishments establishments) {
        this.catalogue = catalogue;
        this.flows = readFlows(catalogue);
        this.establishments = establishments;
    }

    private static Map<String, Flow[]> readFlows(Catalogue catalogue) {
        Map<String, List<Flow>> lists = new HashMap<>();
        try (InputStream in = DemoGenerator.class.getResourceAsStream("/import/demo-flows.csv")) {
            CSVFormat format = fr.passerelle.files.Csv.WITH_HEADER;
            for (CSVRecord row : format.parse(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String from = row.get("from");
                String to = row.get("to");
                if (!from.equals("START") && catalogue.find(from).isEmpty()
                        || catalogue.find(to).isEmpty()) {
                    throw new IllegalStateException(
                            "demo-flows.csv:" + row.getParser().getCurrentLineNumber() + ": step not in the catalogue: "
                                    + from + " -> " + to);
                }
                lists.computeIfAbsent(from, k -> new ArrayList<>())
                        .add(new Flow(to, Double.parseDouble(row.get("weight"))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Flow[]> result = new HashMap<>();
        lists.forEach((k, v) -> result.put(k, v.toArray(Flow[]::new)));
        return result;
    }

    /** {@code people} trajectories from source "demo", ids demo-0 ... demo-(n-1), the same for the same seed. */
    public Iterable<RawTrajectory> generate(int people, long seed) {
        if (people < 0) {
            throw new IllegalArgumentException("people must be >= 0");
        }
        return () -> new Iterator<>() {
            private final SplittableRandom random = new SplittableRandom(seed);
            private int next;

            @Override
            public boolean hasNext() {
                return next < people;
            }

            @Override
            public RawTrajectory next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                int i = next++;
                return person("demo-" + i, random.split());
            }
        };
    }

    RawTrajectory person(String id, SplittableRandom random) {
        int bacYear = 2004 + random.nextInt(19);
        String region = REGIONS[pick(REGION_WEIGHTS, random)];
        CatalogueStep step = step(pickFlow("START", null, random));
        int start = (bacYear - Math.max(1, step.typicalMonths() / 12)) * 12 + 8;
        String affinity = step.domain().isEmpty() ? null : step.domain();
        List<RawStep> steps = new ArrayList<>();
        while (true) {
            int duration = duration(step, random);
            int end = start + duration - 1;
            boolean ongoing = end >= OBSERVED_UNTIL;
            boolean settles = step.kind() == StepKind.JOB && random.nextDouble() < 0.3;
            boolean last = ongoing || settles || steps.size() >= 7 || !flows.containsKey(step.code());
            steps.add(new RawStep(step.kind().code(), step.code(), month(start), last ? null : month(end), region));
            if (last) {
                break;
            }
            CatalogueStep nextStep = step(pickFlow(step.code(), affinity, random));
            start = end + 1 + gap(step, nextStep, end, random);
            if (start >= OBSERVED_UNTIL) {
                break;
            }
            if (step.kind() == StepKind.EDUCATION && random.nextDouble() < 0.12 || random.nextDouble() < 0.04) {
                region = REGIONS[pick(REGION_WEIGHTS, random)];
            }
            if (nextStep.kind() == StepKind.EDUCATION && !nextStep.domain().isEmpty()) {
                affinity = nextStep.domain();
            }
            step = nextStep;
        }
        return new RawTrajectory("demo", id, establishments.all().isEmpty() ? steps : placed(id, steps), "demo:" + id);
    }

    /** The steps with an establishment where one of the right kind exists in the step's region. */
    private List<RawStep> placed(String id, List<RawStep> steps) {
        List<RawStep> placed = new ArrayList<>(steps.size());
        for (int i = 0; i < steps.size(); i++) {
            RawStep s = steps.get(i);
            SplittableRandom draw = new SplittableRandom(id.hashCode() * 31L + i);
            String code = s.code();
            fr.passerelle.market.Establishments.Kind kind = null;
            if (code.startsWith("CAP-") || code.startsWith("BAC-PRO-")) {
                kind = draw.nextDouble() < 0.3
                        ? fr.passerelle.market.Establishments.Kind.APPRENTICE_CENTRE
                        : fr.passerelle.market.Establishments.Kind.LYCEE;
            } else if (code.startsWith("BTS-")) {
                kind = fr.passerelle.market.Establishments.Kind.LYCEE;
            } else if (code.startsWith("LIC-") || code.startsWith("MASTER-") || code.startsWith("BUT-")) {
                kind = fr.passerelle.market.Establishments.Kind.UNIVERSITY;
            }
            List<fr.passerelle.market.Establishments.Establishment> there =
                    kind == null || s.region() == null ? List.of() : inRegion(s.region(), kind);
            if (there.isEmpty()) {
                placed.add(s);
                continue;
            }
            // Cubed: a few large establishments take most people and a long tail has a handful each, as in life.
            double u = draw.nextDouble();
            String uai = there.get((int) (there.size() * u * u * u)).uai();
            placed.add(new RawStep(s.kind(), s.code(), s.start(), s.end(), s.region(), uai));
        }
        return placed;
    }

    private final Map<String, List<fr.passerelle.market.Establishments.Establishment>> byRegionAndKind =
            new java.util.concurrent.ConcurrentHashMap<>();

    private List<fr.passerelle.market.Establishments.Establishment> inRegion(
            String region, fr.passerelle.market.Establishments.Kind kind) {
        String code = REGIONS_BY_NAME.computeIfAbsent(
                region,
                r -> fr.passerelle.catalog.Regions.bundled().normalise(r).orElse(""));
        return byRegionAndKind.computeIfAbsent(code + "/" + kind, k -> establishments.in(code, kind));
    }

    private static final Map<String, String> REGIONS_BY_NAME = new java.util.concurrent.ConcurrentHashMap<>();

    private int duration(CatalogueStep step, SplittableRandom random) {
        return switch (step.kind()) {
            case EDUCATION ->
                random.nextDouble() < 0.08
                        ? Math.max(3, step.typicalMonths() / 2)
                        : step.typicalMonths() - 2 + random.nextInt(3);
            case JOB -> 3 + (int) Math.min(180, -Math.log(1 - random.nextDouble()) * 30);
            case OTHER -> Math.max(1, step.typicalMonths() - 3 + random.nextInt(7));
        };
    }

    /** Months between the end of one step and the start of the next: studies resume in September. */
    private static int gap(CatalogueStep from, CatalogueStep to, int end, SplittableRandom random) {
        if (to.kind() == StepKind.EDUCATION && to.typicalMonths() >= 12) {
            int toSeptember = Math.floorMod(8 - (end + 1) % 12, 12);
            return toSeptember;
        }
        if (from.kind() == StepKind.EDUCATION) {
            return 1 + random.nextInt(6);
        }
        return random.nextInt(4);
    }

    private String pickFlow(String from, String affinity, SplittableRandom random) {
        Flow[] options = flows.get(from);
        double[] weights = new double[options.length];
        for (int i = 0; i < options.length; i++) {
            String domain = step(options[i].to()).domain();
            weights[i] = options[i].weight() * (affinity != null && affinity.equals(domain) ? 2.5 : 1.0);
        }
        return options[pick(weights, random)].to();
    }

    private static int pick(double[] weights, SplittableRandom random) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double x = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    private CatalogueStep step(String code) {
        return catalogue.find(code).orElseThrow();
    }

    private static String month(int m) {
        return String.format("%04d-%02d", m / 12, m % 12 + 1);
    }
}
