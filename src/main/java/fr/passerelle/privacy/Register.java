package fr.passerelle.privacy;

import fr.passerelle.graph.Database;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Record;

/**
 * The processing register (GDPR article 30) and the facts an impact assessment needs, in French or
 * English, with the live figures: what is kept and dropped, why, for how long, how it is protected,
 * how many people are held, and how to exercise one's rights.
 */
public final class Register {
    /** What the register reports about the running configuration. */
    /**
     * @param controller who is responsible for the processing (shown in the notice and the register)
     * @param dpoContact how to reach the data protection officer (an e-mail or a URL), or null
     */
    public record Settings(
            String keyId, int retentionMonths, String regionLevel, String controller, String dpoContact) {
        public Settings(String keyId, int retentionMonths, String regionLevel) {
            this(keyId, retentionMonths, regionLevel, null, null);
        }

        public Settings {
            if (controller != null && controller.isBlank()) {
                controller = null;
            }
            if (dpoContact != null && dpoContact.isBlank()) {
                dpoContact = null;
            }
        }
    }

    public Settings settings() {
        return settings;
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
        return describe(english, null);
    }

    /** @param publication the last publication (version, publishedAt, ...) or null when there is none */
    public Map<String, Object> describe(boolean english, Map<String, Object> publication) {
        Record figures = db.read("queries/register-figures", Map.of(), r -> r).get(0);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("language", english ? "en" : "fr");
        r.put(
                "controller",
                settings.controller() != null
                        ? settings.controller()
                        : english
                                ? "The organisation running this Passerelle instance (see its legal notice)."
                                : "L'organisme qui exploite cette instance de Passerelle (voir ses mentions légales).");
        r.put("dpoContact", settings.dpoContact());
        r.put(
                "purposes",
                english
                        ? List.of(
                                "Inform educational and career guidance with evidence: where people went after a step, routes, bridges, outcomes.",
                                "Publish aggregate statistics only: no individual profile is ever shown.")
                        : List.of(
                                "Éclairer l'orientation scolaire et professionnelle par des faits : où sont allées les personnes après une étape, "
                                        + "parcours, passerelles, devenir des diplômés.",
                                "Ne publier que des statistiques agrégées : aucun profil individuel n'est jamais montré."));
        r.put(
                "legalBasis",
                english
                        ? "Legitimate interest (GDPR art. 6(1)(f)), with the safeguards below."
                        : "Intérêt légitime (RGPD art. 6.1.f), avec les garanties ci-dessous.");
        r.put(
                "dataKept",
                english
                        ? List.of(
                                "Steps as catalogue codes (diplomas, jobs as ROME codes)",
                                "Start and end month of each step",
                                "Region of each step (one of the 18 French regions), if configured",
                                "Name of the data source",
                                "A keyed pseudonym of the person (HMAC-SHA-256), never the source's identifier",
                                "Date of last collection")
                        : List.of(
                                "Étapes sous forme de codes du catalogue (diplômes, métiers en codes ROME)",
                                "Mois de début et de fin de chaque étape",
                                "Région de chaque étape (l'une des 18 régions), si configuré",
                                "Nom de la source de données",
                                "Un pseudonyme à clé de la personne (HMAC-SHA-256), jamais l'identifiant de la source",
                                "Date de dernière collecte"));
        r.put(
                "dataDropped",
                english
                        ? List.of(
                                "Names, e-mail addresses, phone numbers, URLs, photos",
                                "Free text, including the titles people write",
                                "Days of dates, towns and addresses",
                                "Any field not listed above, dropped when read")
                        : List.of(
                                "Noms, adresses électroniques, numéros de téléphone, URL, photos",
                                "Texte libre, y compris les intitulés saisis",
                                "Jours des dates, communes et adresses",
                                "Tout champ non listé ci-dessus, écarté dès la lecture"));
        r.put("regionLevel", settings.regionLevel());
        // Source names only: a count per source beside the total would let a small source be subtracted out.
        r.put(
                "sources",
                figures.get("sources").asList(v -> v.get("source").asString()).stream()
                        .filter(x -> !x.equals("contributions"))
                        .toList());
        r.put(
                "peopleHeld",
                figures.get("people").isNull()
                        ? "fewer than " + thresholds.k()
                        : (Object) figures.get("people").asLong());
        r.put(
                "retention",
                Map.of(
                        "months",
                        settings.retentionMonths(),
                        "rule",
                        english
                                ? "A record not collected again for this long is erased; the server checks daily."
                                : "Un enregistrement non collecté à nouveau depuis cette durée est effacé ; le serveur vérifie chaque jour.",
                        "lastPurge",
                        figures.get("lastPurge").isNull()
                                ? "never"
                                : figures.get("lastPurge").asString()));
        r.put("releasedTables", releasedTables.apply(english));
        r.put(
                "disclosureThresholds",
                Map.of(
                        "k",
                        thresholds.k(),
                        "minDenominator",
                        thresholds.minDenominator(),
                        "rule",
                        english
                                ? "Every number comes from one release, a finite catalogue of tables built at each publication. Each count is perturbed "
                                        + "by the cell-key method (noise of at most ±"
                                        + figures.get("maxNoise").asInt(2) + ", variance "
                                        + figures.get("noiseVariance").asDouble(1.5)
                                        + ", the same people always get the same noise) and released only when "
                                        + "the perturbed value is at least k; shares only on perturbed denominators of at least "
                                        + thresholds.minDenominator()
                                        + ". Subtracting two answers gives noise, not a person."
                                : "Tous les chiffres viennent d'une même publication, un catalogue fini de tableaux construit à chaque publication. Chaque "
                                        + "effectif est perturbé par la méthode des clés de cellule (bruit d'au plus ±"
                                        + figures.get("maxNoise").asInt(2)
                                        + ", variance "
                                        + figures.get("noiseVariance").asDouble(1.5)
                                        + ", les mêmes personnes reçoivent toujours le même bruit) "
                                        + "et n'est publié que si la valeur perturbée atteint k ; des parts seulement sur des dénominateurs perturbés d'au moins "
                                        + thresholds.minDenominator()
                                        + ". Soustraire deux réponses donne du bruit, pas une personne."));
        r.put(
                "pseudonymisation",
                Map.of(
                        "method",
                        "HMAC-SHA-256(secret, source + \":\" + id); after a rotation, each newer secret applied "
                                + "in turn to the result",
                        "keyId",
                        settings.keyId(),
                        "secret",
                        english
                                ? "Kept outside the database (owner-only key file or environment variable); never stored, logged or returned."
                                : "Conservé hors de la base (fichier de clé lisible par son seul propriétaire ou variable d'environnement) ; jamais "
                                        + "stocké, journalisé ni renvoyé."));
        // Contributions (consent) apart from collected data (legitimate interest): held, and withdrawn.
        Object contributions = figures.get("sources").asList(v -> v).stream()
                .filter(v -> "contributions".equals(v.get("source").asString()))
                .map(v -> (Object) v.get("people").asLong())
                .findFirst()
                .orElse("fewer than " + thresholds.k());
        r.put(
                "contributions",
                Map.of(
                        "legalBasis",
                        english
                                ? "consent (GDPR Art. 6(1)(a)), withdrawable at any time"
                                : "consentement (RGPD art. 6.1.a), retirable à tout moment",
                        "held",
                        contributions,
                        "withdrawn",
                        figures.get("consentWithdrawals").isNull()
                                ? "fewer than " + thresholds.k()
                                : figures.get("consentWithdrawals").asLong()));
        r.put(
                "doNotCollectList",
                figures.get("doNotCollect").isNull()
                        ? "fewer than " + thresholds.k()
                        : (Object) figures.get("doNotCollect").asLong());
        r.put("datasetVersion", figures.get("version").asLong());
        r.put(
                "lastUpdate",
                figures.get("updatedAt").isNull()
                        ? null
                        : figures.get("updatedAt").asString());
        r.put("lastPublication", publication != null ? publication : english ? "None yet." : "Aucune pour l'instant.");
        r.put(
                "rights",
                english
                        ? "Erasure, objection and access: write to the controller with the source and your identifier there; erasure removes your "
                                + "record and its contribution to every figure, and your pseudonym joins a do-not-collect list. Making a public "
                                + "profile private or noindex has the same effect at the next collection."
                        : "Effacement, opposition et accès : écrire au responsable en indiquant la source et votre identifiant chez elle ; "
                                + "l'effacement retire votre enregistrement et sa contribution à tous les chiffres, et votre pseudonyme rejoint une "
                                + "liste de non-collecte. Rendre un profil public privé ou « noindex » a le même effet à la collecte suivante.");
        return r;
    }
}
