package fr.passerelle.ingest;

import fr.passerelle.catalog.Catalogue;
import fr.passerelle.catalog.CatalogueStep;
import fr.passerelle.catalog.Regions;
import fr.passerelle.catalog.StepKind;
import fr.passerelle.catalog.Uai;
import fr.passerelle.person.Visit;
import fr.passerelle.privacy.HmacKey;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a raw record into what may be stored: a pseudonym instead of the identifier, catalogue codes
 * instead of free text, months instead of days, a region instead of a place. Consecutive repeats of
 * one step (two contracts in the same job) become one step.
 */
public final class Normaliser {
    public static final int MAX_STEPS = 100;
    private static final Pattern SOURCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern DATE = Pattern.compile("(\\d{4})(?:-(\\d{1,2})(?:-(\\d{1,2})(?:[T ].*)?)?)?");

    /** How much of the region to keep. */
    public enum RegionLevel {
        REGION,
        NONE
    }

    private final Catalogue catalogue;
    private final Regions regions;
    private final HmacKey key;
    private final RegionLevel regionLevel;

    public Normaliser(Catalogue catalogue, Regions regions, HmacKey key, RegionLevel regionLevel) {
        this.catalogue = catalogue;
        this.regions = regions;
        this.key = key;
        this.regionLevel = regionLevel;
    }

    /** Normalises {@code raw}; {@code droppedRegions} counts regions that were given but not recognised. */
    public Trajectory normalise(RawTrajectory raw, Runnable droppedRegion) {
        return normalise(raw, droppedRegion, () -> {});
    }

    /**
     * Normalises {@code raw}; {@code droppedRegion} and {@code droppedInstitution} count the regions and the
     * establishment codes that were given but are not kept (unrecognised, or an establishment on a step that is
     * not education): the record itself stays, as with any field Passerelle does not need.
     */
    public Trajectory normalise(RawTrajectory raw, Runnable droppedRegion, Runnable droppedInstitution) {
        if (raw.source() == null || !SOURCE.matcher(raw.source()).matches()) {
            throw new InvalidRecordException(
                    "\"source\" must be a short name (letters, digits, '.', '_', '-'; at most 64), got "
                            + InputProblem.quote(raw.source()));
        }
        if (raw.id() == null || raw.id().isBlank()) {
            throw new InvalidRecordException("\"id\" is missing");
        }
        if (raw.id().length() > 512) {
            throw new InvalidRecordException("\"id\" is longer than 512 characters");
        }
        if (raw.withdrawn()) {
            return new Trajectory(key.pseudonym(raw.source(), raw.id()), raw.source(), List.of(), "", true);
        }
        if (raw.steps().isEmpty()) {
            throw new InvalidRecordException("\"steps\" is empty");
        }
        if (raw.steps().size() > MAX_STEPS) {
            throw new InvalidRecordException(
                    "more than " + MAX_STEPS + " steps (" + raw.steps().size() + ")");
        }
        List<Visit> visits = new ArrayList<>();
        int index = 0;
        for (RawStep step : raw.steps()) {
            index++;
            Visit visit = visit(step, index, droppedRegion, droppedInstitution);
            Visit previous = visits.isEmpty() ? null : visits.get(visits.size() - 1);
            if (previous != null && previous.step().equals(visit.step())) {
                int end = previous.end() == Visit.UNKNOWN || visit.end() == Visit.UNKNOWN
                        ? Visit.UNKNOWN
                        : Math.max(previous.end(), visit.end());
                visits.set(
                        visits.size() - 1,
                        new Visit(
                                previous.step(),
                                previous.start(),
                                end,
                                previous.region().isEmpty() ? visit.region() : previous.region(),
                                previous.institution().isEmpty() ? visit.institution() : previous.institution()));
            } else {
                visits.add(visit);
            }
        }
        String pid = key.pseudonym(raw.source(), raw.id());
        return new Trajectory(pid, raw.source(), List.copyOf(visits), digest(visits));
    }

    private Visit visit(RawStep step, int index, Runnable droppedRegion, Runnable droppedInstitution) {
        String where = "step " + index + ": ";
        StepKind kind = StepKind.parse(step.kind())
                .orElseThrow(() -> new InvalidRecordException(
                        where + "kind must be education, job or other, got " + InputProblem.quote(step.kind())));
        if (step.code() == null || step.code().isBlank()) {
            throw new InvalidRecordException(where + "\"code\" is missing");
        }
        String code = step.code().trim();
        CatalogueStep known = catalogue
                .find(code)
                .orElseThrow(() -> new InvalidRecordException(
                        where + "unknown step code " + InputProblem.quote(code) + " (" + kind.code() + ")"));
        if (known.kind() != kind) {
            throw new InvalidRecordException(
                    where + "code " + code + " is " + known.kind().code() + " in the catalogue, not " + kind.code());
        }
        int start = month(step.start(), where + "start");
        int end = month(step.end(), where + "end");
        if (start != Visit.UNKNOWN && end != Visit.UNKNOWN && end < start) {
            throw new InvalidRecordException(
                    where + "ends (" + Visit.format(end) + ") before it starts (" + Visit.format(start) + ")");
        }
        String region = "";
        if (step.region() != null && !step.region().isBlank() && regionLevel == RegionLevel.REGION) {
            region = regions.normalise(step.region()).orElse("");
            if (region.isEmpty()) {
                droppedRegion.run();
            }
        }
        String institution = "";
        if (step.institution() != null && !step.institution().isBlank()) {
            // Only where a step happens in an establishment, and only a well-formed code: never a campus or class.
            institution = kind == StepKind.EDUCATION
                    ? Uai.normalise(step.institution()).orElse("")
                    : "";
            if (institution.isEmpty()) {
                droppedInstitution.run();
            }
        }
        return new Visit(code, start, end, region, institution);
    }

    /** Dates repeat (a few hundred months for millions of steps); bounded so odd input cannot grow it. */
    private static final java.util.Map<String, Integer> MONTHS = new java.util.concurrent.ConcurrentHashMap<>();

    private static final int MONTHS_LIMIT = 50_000;

    /** "YYYY", "YYYY-MM" or "YYYY-MM-DD[Thh:mm...]", truncated to the month; a year alone means January. */
    static int month(String text, String what) {
        if (text == null || text.isBlank()) {
            return Visit.UNKNOWN;
        }
        Integer known = MONTHS.get(text);
        if (known != null) {
            return known;
        }
        int month = parseMonth(text, what);
        if (MONTHS.size() < MONTHS_LIMIT) {
            MONTHS.put(text, month);
        }
        return month;
    }

    private static int parseMonth(String text, String what) {
        Matcher m = DATE.matcher(text.trim());
        if (!m.matches()) {
            throw new InvalidRecordException(
                    what + " must be YYYY, YYYY-MM or YYYY-MM-DD, got " + InputProblem.quote(text));
        }
        int year = Integer.parseInt(m.group(1));
        int month = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
        if (year < 1900 || year > 2100 || month < 1 || month > 12) {
            throw new InvalidRecordException(what + " is not a plausible date: " + InputProblem.quote(text));
        }
        return year * 12 + month - 1;
    }

    private static String digest(List<Visit> visits) {
        StringBuilder text = new StringBuilder();
        for (Visit v : visits) {
            text.append(v.step())
                    .append('|')
                    .append(v.start())
                    .append('|')
                    .append(v.end())
                    .append('|')
                    .append(v.region());
            // Absent from records without establishments, so that their digests (and re-imports) are unchanged.
            if (!v.institution().isEmpty()) {
                text.append('|').append(v.institution());
            }
            text.append('\n');
        }
        try {
            byte[] hash =
                    MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
