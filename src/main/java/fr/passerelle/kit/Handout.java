package fr.passerelle.kit;

import fr.passerelle.privacy.Share;
import fr.passerelle.recommend.Bridges;
import fr.passerelle.recommend.Evidence;
import fr.passerelle.recommend.FoundRoutes;
import fr.passerelle.recommend.NextSteps;
import fr.passerelle.recommend.Outcomes;
import fr.passerelle.recommend.Reconversions;
import fr.passerelle.recommend.Services;
import fr.passerelle.recommend.StepDetail;
import fr.passerelle.recommend.StepRef;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The figures of one step's handout, in the room's words (French; "moins de 11 personnes", never "k"), each read from
 * one answer of the release exactly as the API gives it: nothing is added up or subtracted here, a bar's length is its
 * share, or its count over the figure's biggest count.
 */
final class Handout {
    private final Services services;

    Handout(Services services) {
        this.services = services;
    }

    /** Where people went after the step, with the step's openness in words. */
    Figure next(StepDetail step) {
        NextSteps next = services.steps().next(step.id());
        List<Figure.Bar> bars = new ArrayList<>();
        next.next()
                .forEach(n -> bars.add(new Figure.Bar(
                        n.step().label(),
                        n.share() == null
                                ? fraction(n.people(), next.peopleLeaving())
                                : n.share().value(),
                        shareAndPeople(n.share(), n.people()),
                        "shown")));
        if (next.hiddenPeople() != null) {
            bars.add(new Figure.Bar(
                    "Autres destinations (chacune suivie par moins de 11 personnes)",
                    fraction(next.hiddenPeople(), next.peopleLeaving()),
                    "n = " + people(next.hiddenPeople()),
                    "hidden"));
        }
        List<String> notes = new ArrayList<>();
        if (bars.isEmpty()) {
            notes.add("Aucune suite ne peut être montrée : moins de 11 personnes derrière chacune.");
        }
        if (step.openness() != null && step.openness().reading() != null) {
            notes.add(openness(step.openness().reading(), step.openness().effectiveNextSteps()));
        }
        String subtitle = next.peopleLeaving() == null
                ? "Trop peu de personnes ont quitté cette étape pour le dire."
                : people(next.peopleLeaving()) + " personnes sont passées par cette étape puis en ont changé.";
        return new Figure(
                step.id() + "-next",
                "Et après « " + step.label() + " » ?",
                subtitle,
                List.of(new Figure.Group(null, bars)),
                notes,
                footer(next.evidence(), next.peopleLeaving()));
    }

    /** What became of the step's people 6, 12 and 24 months after its end. */
    Figure outcomes(StepDetail step) {
        Outcomes outcomes = services.outcomes().outcomes(step.id(), List.of(6, 12, 24));
        List<Figure.Group> groups = new ArrayList<>();
        Long shown = null;
        for (Outcomes.AtMonths at : outcomes.outcomes()) {
            if (at.people() == null) {
                continue;
            }
            shown = shown == null ? at.people() : Math.max(shown, at.people());
            List<Figure.Bar> bars = new ArrayList<>();
            at.situations()
                    .forEach(s -> bars.add(new Figure.Bar(
                            s.situation().equals("job") ? "Emploi · " + s.label() : situation(s.situation(), s.label()),
                            s.share() == null
                                    ? fraction(s.people(), at.people())
                                    : s.share().value(),
                            shareAndPeople(s.share(), s.people()),
                            s.situation().equals("job") ? "shown" : s.situation())));
            if (at.hiddenPeople() != null) {
                bars.add(new Figure.Bar(
                        "Situations trop rares pour être détaillées",
                        fraction(at.hiddenPeople(), at.people()),
                        "n = " + people(at.hiddenPeople()),
                        "hidden"));
            }
            groups.add(new Figure.Group(
                    at.months() + " mois après la fin (" + people(at.people()) + " personnes suivies aussi longtemps)",
                    bars));
        }
        List<String> notes = new ArrayList<>();
        if (groups.isEmpty()) {
            notes.add("Pas assez de personnes suivies après la fin de cette étape pour le dire (moins de 11).");
        }
        notes.add("« Autre situation » : ni emploi ni études connus (recherche d'emploi, inactivité ou information"
                + " manquante).");
        return new Figure(
                step.id() + "-outcomes",
                "Que sont devenues les personnes de « " + step.label() + " » ?",
                "Leur situation quelques mois après la fin de l'étape.",
                groups,
                notes,
                footer(outcomes.evidence(), shown));
    }

    /** The programme's promise (its certification's target jobs) against its people 12 and 24 months on; null without targets. */
    Figure fit(StepDetail step) {
        List<fr.passerelle.recommend.Fit> fits =
                List.of(services.fit().fit(step.id(), 12), services.fit().fit(step.id(), 24));
        fr.passerelle.recommend.Fit first = fits.get(0);
        if (first.targets().isEmpty()) {
            return null;
        }
        List<Figure.Group> groups = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        notes.add("Métiers visés : "
                + String.join(
                        ", ",
                        first.targets().stream()
                                .map(t -> t.label() == null ? t.code() : t.label())
                                .toList())
                + " (" + first.targetSource() + ").");
        Long shown = null;
        for (fr.passerelle.recommend.Fit fit : fits) {
            if (fit.people() == null) {
                continue;
            }
            shown = shown == null ? fit.people() : Math.max(shown, fit.people());
            List<Figure.Bar> bars = new ArrayList<>();
            fit.situations()
                    .forEach(s -> bars.add(new Figure.Bar(
                            s.label(),
                            s.share() == null
                                    ? fraction(s.people(), fit.people())
                                    : s.share().value(),
                            shareAndPeople(s.share(), s.people()),
                            switch (s.situation()) {
                                case "target" -> "target";
                                case "study", "other" -> s.situation();
                                default -> "shown";
                            })));
            groups.add(new Figure.Group(
                    fit.months() + " mois après la fin (" + people(fit.people()) + " personnes)", bars));
            if (fit.fitRate() != null) {
                notes.add("À " + fit.months() + " mois, dans le métier visé : "
                        + percent(fit.fitRate().value())
                        + " des " + people(fit.peopleOutsideStudy()) + " personnes qui ne sont plus en études (entre "
                        + percent(fit.fitRate().low()) + " et "
                        + percent(fit.fitRate().high()) + ").");
            }
        }
        if (groups.isEmpty()) {
            notes.add("Pas assez de personnes suivies après la fin de cette étape pour le dire (moins de 11).");
        }
        return new Figure(
                step.id() + "-fit",
                "Vérité des prix : « " + step.label() + " »",
                "Ce que la formation promet, et ce que sont devenues ses personnes.",
                groups,
                notes,
                footer(first.evidence(), shown));
    }

    /** From a job: the other fields people moved to, and through which steps; null for a programme. */
    Figure reconversions(StepDetail step) {
        if (!"job".equals(step.kind())) {
            return null;
        }
        Reconversions answer = services.fields().reconversions(step.id(), 3, 8);
        long biggest = answer.changes().stream()
                .mapToLong(Reconversions.Change::people)
                .max()
                .orElse(1);
        List<Figure.Bar> bars = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Reconversions.Change change : answer.changes()) {
            bars.add(new Figure.Bar(
                    "Vers " + change.toDomainLabel(),
                    fraction(change.people(), biggest),
                    "n = " + people(change.people()),
                    "shown"));
            List<String> ways = new ArrayList<>();
            change.via()
                    .forEach(v -> ways.add((v.bridge().isEmpty()
                                    ? "directement"
                                    : "par « "
                                            + String.join(
                                                    " » puis « ",
                                                    v.bridge().stream()
                                                            .map(StepRef::label)
                                                            .toList())
                                            + " »")
                            + " (n = " + people(v.people()) + ")"));
            if (!ways.isEmpty()) {
                notes.add(change.toDomainLabel() + " : " + String.join(" ; ", ways) + ".");
            }
        }
        if (bars.isEmpty()) {
            notes.add("Aucune reconversion ne peut être montrée : moins de 11 personnes derrière chacune.");
        }
        return new Figure(
                step.id() + "-reconversions",
                "Depuis « " + step.label() + " », vers quels autres domaines ?",
                "Les personnes qui ont ensuite exercé un métier d'un autre domaine, et par où elles sont passées.",
                List.of(new Figure.Group(null, bars)),
                notes,
                footer(answer.evidence(), step.people()));
    }

    /** The steps people of {@code step} went through toward a domain. */
    Figure bridges(StepDetail step, String domain) {
        Bridges answer = services.fields().bridges(step.id(), domain, null, 6);
        double best = answer.bridges().stream()
                .mapToDouble(Bridges.Bridge::score)
                .max()
                .orElse(1);
        List<Figure.Bar> bars = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Bridges.Bridge b : answer.bridges()) {
            bars.add(new Figure.Bar(
                    b.step().label(), b.score() / best, "n = " + people(b.peopleFromToBridge()), "shown"));
            // Two groups of people, never one becoming the other: said in words (a trainer read "26 -> 478" as growth).
            notes.add("« " + b.step().label() + " » : " + people(b.peopleFromToBridge()) + " personnes y sont allées"
                    + " depuis « " + step.label() + " » ; " + people(b.peopleBridgeToTarget())
                    + " personnes (toutes origines) en sont parties vers " + answer.toDomainLabel() + ".");
        }
        if (bars.isEmpty()) {
            notes.add("Aucune passerelle ne peut être montrée : moins de 11 personnes derrière chacune.");
        }
        return new Figure(
                step.id() + "-bridges-" + domain,
                "Passerelles de « " + step.label() + " » vers " + answer.toDomainLabel(),
                "Les étapes par lesquelles des personnes sont passées pour changer de domaine. La barre : la part des"
                        + " personnes de « " + step.label() + " » allées à cette étape, multipliée par la part des"
                        + " personnes de cette étape parties ensuite vers " + answer.toDomainLabel() + ".",
                List.of(new Figure.Group(null, bars)),
                notes,
                footer(answer.evidence(), step.people()));
    }

    /** The routes people were seen to follow from {@code step} to {@code to}. */
    Figure routes(StepDetail step, String to) {
        FoundRoutes answer = services.routes().routes(step.id(), to, 4, 5);
        long biggest = answer.observed().stream()
                .mapToLong(r -> r.people() == null ? 0 : r.people())
                .max()
                .orElse(1);
        List<Figure.Bar> bars = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (FoundRoutes.Route r : answer.observed()) {
            String label =
                    String.join(" → ", r.steps().stream().map(StepRef::label).toList());
            bars.add(new Figure.Bar(
                    label,
                    r.people() == null ? 0 : fraction(r.people(), biggest),
                    r.people() == null ? "moins de 11" : "n = " + people(r.people()),
                    "shown"));
            if (r.medianMonths() != null) {
                notes.add(label + " : " + duration(r.medianMonths())
                        + " (médiane, du début de la première étape au début de la dernière).");
            }
        }
        if (bars.isEmpty()) {
            notes.add("Aucun chemin suivi par au moins 11 personnes ne peut être montré.");
        }
        return new Figure(
                step.id() + "-routes-" + to,
                "De « " + step.label() + " » à « " + answer.to().label() + " »",
                "Les chemins que des personnes ont suivis d'un bout à l'autre.",
                List.of(new Figure.Group(null, bars)),
                notes,
                footer(answer.evidence(), step.people()));
    }

    /** The lines every figure carries: which release, how many people, what the noise means, and demo data said so. */
    static List<String> footer(Evidence evidence, Long people) {
        List<String> lines = new ArrayList<>();
        lines.add("Passerelle · publication n° " + evidence.datasetVersion() + " du " + date(evidence.generatedAt())
                + (people == null ? "" : " · " + people(people) + " personnes derrière ce graphique") + ".");
        lines.add("Chaque nombre est décalé au hasard de quelques personnes"
                + (evidence.countsWithin() == null ? "" : " (±" + evidence.countsWithin() + ")")
                + " pour protéger les personnes ; aucun nombre sous 11 personnes n'est montré.");
        if (evidence.synthetic()) {
            lines.add("Données de démonstration (synthétiques) : des personnes inventées, pas des personnes réelles.");
        }
        return lines;
    }

    static String openness(String reading, Double effective) {
        String start = switch (reading) {
            case "opens" -> "Cette étape ouvre beaucoup de portes";
            case "some" -> "Cette étape ouvre quelques portes";
            default -> "Cette étape mène surtout vers peu de suites";
        };
        return start + " : comme si ses personnes se répartissaient à parts égales entre "
                + String.format(Locale.FRANCE, "%.1f", effective) + " suites.";
    }

    private static String situation(String situation, String label) {
        return switch (situation) {
            case "study" -> "Études";
            case "other" -> "Autre situation";
            default -> label;
        };
    }

    static String date(String generatedAt) {
        try {
            return OffsetDateTime.parse(generatedAt).format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
        } catch (RuntimeException e) {
            return generatedAt;
        }
    }

    static String people(long n) {
        return String.format(Locale.FRANCE, "%,d", n).replace('\u202f', '\u00a0');
    }

    static String percent(double share) {
        return Math.round(share * 100) + "\u00a0%";
    }

    private static String shareAndPeople(Share share, long n) {
        return (share == null ? "" : percent(share.value()) + " · ") + "n = " + people(n);
    }

    private static double fraction(long part, Long whole) {
        return whole == null || whole == 0 ? 0 : Math.min(1, (double) part / whole);
    }

    static String duration(int months) {
        int years = months / 12;
        int rest = months % 12;
        String y = years == 0 ? "" : years + (years == 1 ? " an" : " ans");
        String m = rest == 0 ? "" : rest + " mois";
        return y.isEmpty() ? (m.isEmpty() ? "0 mois" : m) : m.isEmpty() ? y : y + " " + m;
    }
}
