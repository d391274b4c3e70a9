package fr.passerelle.privacy;

import fr.passerelle.graph.Database;
import fr.passerelle.texts.Texts;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Record;

/**
 * The processing register (GDPR article 30) and the facts an impact assessment needs, in French or
 * English (wording in {@code texts/register.<fr|en>.json}), with the live figures: what is kept and dropped, why, for how long, how it is protected,
 * how many people are held, and how to exercise one's rights.
 */
public final class Register {
    /** The release's name for what an app key contributed ({@code publish/Publisher.CONTRIBUTED_THROUGH}). */
    static final String CONTRIBUTED_THROUGH = "contributions:";

    /** What the register reports about the running configuration. */
    /**
     * @param controller who is responsible for the processing (shown in the notice and the register)
     * @param dpoContact how to reach the data protection officer (an e-mail or a URL), or null
     */
    /**
     * @param openEstablishments the establishments that chose to publish their own figures (UAI -> since when)
     */
    public record Settings(
            String keyId,
            int retentionMonths,
            String regionLevel,
            String controller,
            String dpoContact,
            java.util.function.Supplier<Map<String, String>> openEstablishments) {
        public Settings(String keyId, int retentionMonths, String regionLevel) {
            this(keyId, retentionMonths, regionLevel, null, null);
        }

        public Settings(String keyId, int retentionMonths, String regionLevel, String controller, String dpoContact) {
            this(keyId, retentionMonths, regionLevel, controller, dpoContact, Map::of);
        }

        public Settings {
            if (controller != null && controller.isBlank()) {
                controller = null;
            }
            if (dpoContact != null && dpoContact.isBlank()) {
                dpoContact = null;
            }
            if (openEstablishments == null) {
                openEstablishments = Map::of;
            }
        }
    }

    public Settings settings() {
        return settings;
    }

    public Thresholds thresholds() {
        return thresholds;
    }

    private final Database db;
    private final Thresholds thresholds;
    private final Settings settings;
    private final java.util.function.Function<Boolean, List<Map<String, String>>> releasedTables;

    /**
     * @param releasedTables the release's catalogue as the register states it, in English or not
     *     (the publication's own description: the register states what it is given)
     */
    public Register(
            Database db,
            Thresholds thresholds,
            Settings settings,
            java.util.function.Function<Boolean, List<Map<String, String>>> releasedTables) {
        this.db = db;
        this.thresholds = thresholds;
        this.settings = settings;
        this.releasedTables = releasedTables;
    }

    public Map<String, Object> describe(boolean english) {
        return describe(english, null, null);
    }

    /**
     * @param publication the last publication (version, publishedAt, ...) or null when there is none
     * @param schedule the publication schedule ({@code publish/Releases#schedule}), or null (a replica)
     */
    public Map<String, Object> describe(
            boolean english, Map<String, Object> publication, Map<String, Object> schedule) {
        Record figures = db.read("queries/register-figures", Map.of(), r -> r).get(0);
        Map<String, Object> text = Texts.strings(
                "register",
                Texts.Language.of(english),
                Map.of(
                        "maxNoise", figures.get("maxNoise").asInt(2),
                        "noiseVariance", figures.get("noiseVariance").asDouble(1.5),
                        "minDenominator", thresholds.minDenominator(),
                        "minChanges", schedule == null ? "" : schedule.get("minChanges"),
                        "maxDelayDays", schedule == null ? "" : schedule.get("maxDelayDays")));
        String fewer = "fewer than " + thresholds.k();
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("language", english ? "en" : "fr");
        r.put("controller", settings.controller() != null ? settings.controller() : text.get("controller"));
        r.put("dpoContact", settings.dpoContact());
        r.put("purposes", text.get("purposes"));
        r.put("legalBasis", text.get("legalBasis"));
        r.put("dataKept", text.get("dataKept"));
        r.put("dataDropped", text.get("dataDropped"));
        r.put("regionLevel", settings.regionLevel());
        // Source names only: a count per source beside the total would let a small source be subtracted out.
        r.put(
                "sources",
                figures.get("sources").asList(v -> v.get("source").asString()).stream()
                        .filter(x -> !x.startsWith("contributions"))
                        .toList());
        // Public files that describe jobs, not people (the labour-market notes): named with their producer and year.
        r.put(
                "nonPersonalSources",
                figures.get("nonPersonal")
                        .asList(v -> v.get("file").asString() + ": "
                                + v.get("what").asString()
                                + " (" + v.get("producer").asString()
                                + (v.get("year").isNull()
                                                || v.get("year").asString().isEmpty()
                                        ? ""
                                        : ", " + v.get("year").asString())
                                + ")"));
        r.put(
                "peopleHeld",
                figures.get("people").isNull()
                        ? fewer
                        : (Object) figures.get("people").asLong());
        r.put(
                "retention",
                ordered(
                        "months",
                        settings.retentionMonths(),
                        "rule",
                        text.get("retentionRule"),
                        "lastPurge",
                        figures.get("lastPurge").isNull()
                                ? "never"
                                : figures.get("lastPurge").asString()));
        r.put("releasedTables", releasedTables.apply(english));
        // Establishments' figures are private to their key unless the establishment chose otherwise: who did, since
        // when.
        r.put(
                "openEstablishments",
                ordered(
                        "rule",
                        text.get("openEstablishmentsRule"),
                        "open",
                        settings.openEstablishments().get().entrySet().stream()
                                .map(e -> ordered("uai", e.getKey(), "since", e.getValue()))
                                .toList()));
        r.put(
                "disclosureThresholds",
                ordered(
                        "k",
                        thresholds.k(),
                        "minDenominator",
                        thresholds.minDenominator(),
                        "rule",
                        text.get("disclosureRule")));
        r.put(
                "pseudonymisation",
                ordered(
                        "method",
                        text.get("pseudonymisationMethod"),
                        "keyId",
                        settings.keyId(),
                        "secret",
                        text.get("secret")));
        // Contributions (consent) apart from collected data (legitimate interest): held, and withdrawn.
        Object contributions = figures.get("sources").asList(v -> v).stream()
                .filter(v -> "contributions".equals(v.get("source").asString()))
                .map(v -> (Object) v.get("people").asLong())
                .findFirst()
                .orElse(fewer);
        // What each app key contributed (released counts: an app under k is not listed).
        Map<String, Object> byApp = new java.util.TreeMap<>();
        figures.get("sources").asList(v -> v).stream()
                .filter(v -> v.get("source").asString().startsWith(CONTRIBUTED_THROUGH))
                .forEach(v -> byApp.put(
                        v.get("source").asString().substring(CONTRIBUTED_THROUGH.length()),
                        v.get("people").asLong()));
        r.put(
                "contributions",
                ordered(
                        "legalBasis",
                        text.get("contributionsLegalBasis"),
                        "held",
                        contributions,
                        "withdrawn",
                        figures.get("consentWithdrawals").isNull()
                                ? fewer
                                : figures.get("consentWithdrawals").asLong(),
                        "byApp",
                        byApp));
        r.put(
                "doNotCollectList",
                figures.get("doNotCollect").isNull()
                        ? fewer
                        : (Object) figures.get("doNotCollect").asLong());
        r.put("datasetVersion", figures.get("version").asLong());
        r.put(
                "lastUpdate",
                figures.get("updatedAt").isNull()
                        ? null
                        : figures.get("updatedAt").asString());
        r.put("lastPublication", publication != null ? publication : text.get("noPublication"));
        if (schedule != null) {
            Map<String, Object> s = new LinkedHashMap<>(schedule);
            s.put("rule", text.get("publicationRule"));
            r.put("publicationSchedule", s);
        }
        r.put("rights", text.get("rights"));
        return r;
    }

    /** A small map in the order given, so the answer reads the same every time. */
    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }
}
