package fr.passerelle.api;

import fr.passerelle.catalog.Catalogue;
import fr.passerelle.catalog.CatalogueStep;
import fr.passerelle.catalog.StepKind;
import fr.passerelle.catalog.Uai;
import fr.passerelle.ingest.RawStep;
import fr.passerelle.ingest.RawTrajectory;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The population of the establishments' differencing attack ({@link InstitutionApiTest}): per programme, two
 * establishments with 11 to 14 leavers to each of four next steps, and a planted person alone at a third.
 * Drawn from a fixed seed ({@code -Dpasserelle.attack.seed} replays another).
 */
final class Collusion {
    static final int ORIGINS = 32;
    static final int ESTABLISHMENTS = ORIGINS * 3;

    record Origin(String code, List<String> destinations, List<String> colluders, String alone, String truth) {}

    private static List<Origin> origins;
    private static List<RawTrajectory> people;

    private Collusion() {}

    static synchronized List<Origin> origins() {
        draw();
        return origins;
    }

    static synchronized List<RawTrajectory> population() {
        draw();
        return people;
    }

    private static void draw() {
        if (origins != null) {
            return;
        }
        Catalogue catalogue = Catalogue.bundled();
        List<String> codes = catalogue.steps().stream()
                .filter(s -> s.kind() == StepKind.EDUCATION && !s.code().startsWith("UNMAPPED-"))
                .map(CatalogueStep::code)
                .sorted()
                .limit(ORIGINS)
                .toList();
        // Sorted: the catalogue's own order is not the same from one JVM to the next, and the draw must be.
        List<String> all = catalogue.steps().stream()
                .map(CatalogueStep::code)
                .filter(c -> !c.startsWith("UNMAPPED-"))
                .sorted()
                .toList();
        SplittableRandom random = new SplittableRandom(Long.getLong("passerelle.attack.seed", 2026));
        List<Origin> drawn = new ArrayList<>();
        List<RawTrajectory> trajectories = new ArrayList<>();
        int uai = 0;
        for (String origin : codes) {
            List<String> dest = new ArrayList<>();
            while (dest.size() < 4) {
                String d = all.get(random.nextInt(all.size()));
                if (!d.equals(origin) && !dest.contains(d)) {
                    dest.add(d);
                }
            }
            List<String> teaching = new ArrayList<>();
            for (int e = 0; e < 2; e++) {
                String establishment = Uai.withCheckLetter(String.format("0369%03d", uai++));
                teaching.add(establishment);
                for (String d : dest) {
                    int n = 11 + random.nextInt(4);
                    for (int i = 0; i < n; i++) {
                        trajectories.add(two("base-" + establishment + "-" + d + "-" + i, origin, establishment, d));
                    }
                }
            }
            String alone = Uai.withCheckLetter(String.format("0369%03d", uai++));
            String y = dest.get(random.nextInt(4));
            trajectories.add(two("planted-" + origin, origin, alone, y));
            drawn.add(new Origin(origin, List.copyOf(dest), List.copyOf(teaching), alone, y));
        }
        origins = List.copyOf(drawn);
        people = List.copyOf(trajectories);
    }

    private static RawTrajectory two(String id, String origin, String uai, String next) {
        String kindNext = Catalogue.bundled().find(next).orElseThrow().kind().code();
        return new RawTrajectory(
                "attack",
                id,
                List.of(
                        new RawStep("education", origin, "2012-09", "2015-06", "Bretagne", uai),
                        new RawStep(kindNext, next, "2015-09", null, "Bretagne")),
                "test");
    }

    /** The candidate with the highest score, ties broken at random. */
    static String best(
            List<String> candidates, java.util.function.ToLongFunction<String> score, SplittableRandom ties) {
        long top = Long.MIN_VALUE;
        List<String> best = new ArrayList<>();
        for (String c : candidates) {
            long s = score.applyAsLong(c);
            if (s > top) {
                top = s;
                best.clear();
            }
            if (s == top) {
                best.add(c);
            }
        }
        return best.get(ties.nextInt(best.size()));
    }
}
