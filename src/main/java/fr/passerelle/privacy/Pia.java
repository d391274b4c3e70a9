package fr.passerelle.privacy;

import fr.passerelle.texts.Texts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A privacy impact assessment pre-filled for the CNIL's open-source PIA software: the export format
 * it imports ({@code pia}, {@code answers} referring to question ids of its questionnaire,
 * {@code measures}, {@code evaluations}, {@code comments}). Answers are written from the running
 * configuration and the processing register; what only people can judge (the DPO's opinion, the
 * gravity and likelihood of each risk, the evaluations) is left empty and marked "à compléter".
 */
public final class Pia {
    static final String TO_COMPLETE = "[À compléter par le responsable et le DPO] ";

    private Pia() {}

    /** The PIA as the software's JSON export, from the register (French) and the time of writing. */
    public static Map<String, Object> build(Map<String, Object> register, Instant now) {
        String at = now.toString();
        Map<String, Object> pia = new LinkedHashMap<>();
        pia.put("id", 1);
        pia.put("status", 0);
        pia.put("name", "Passerelle : recommandations de parcours à partir de trajectoires réelles");
        pia.put("author_name", TO_COMPLETE.strip());
        pia.put("evaluator_name", TO_COMPLETE.strip());
        pia.put("validator_name", TO_COMPLETE.strip());
        pia.put("dpo_status", 0);
        pia.put("dpo_opinion", "");
        pia.put("dpos_names", register.get("dpoContact") == null ? "" : String.valueOf(register.get("dpoContact")));
        pia.put("people_names", "");
        pia.put("concerned_people_opinion", "");
        pia.put("concerned_people_status", 0);
        pia.put("rejection_reason", "");
        pia.put("applied_adjustments", "");
        pia.put("is_example", 0);
        pia.put("created_at", at);
        pia.put("updated_at", at);
        pia.put("concerned_people_searched_opinion", false);
        pia.put("concerned_people_searched_content", "");
        pia.put("structure_id", null);
        pia.put("structure_name", String.valueOf(register.get("controller")));
        pia.put("structure_sector_name", "Orientation scolaire et professionnelle");
        pia.put("structure_data", null);
        pia.put("category", "Orientation");
        pia.put("progress", 0);
        pia.put("lock_version", 1);
        pia.put("is_archive", 0);

        @SuppressWarnings("unchecked")
        Map<String, Object> retention = (Map<String, Object>) register.get("retention");
        @SuppressWarnings("unchecked")
        Map<String, Object> thresholds = (Map<String, Object>) register.get("disclosureThresholds");
        @SuppressWarnings("unchecked")
        Map<String, Object> pseudonymisation = (Map<String, Object>) register.get("pseudonymisation");
        List<Map<String, Object>> answers = new ArrayList<>();
        // 1.1 Vue d'ensemble
        text(
                answers,
                111,
                at,
                "Passerelle rassemble des trajectoires de formation et d'emploi (étapes, mois, région), les pseudonymise et en publie "
                        + "des tableaux d'effectifs protégés, pour éclairer l'orientation : où vont les personnes après une étape, quels parcours mènent "
                        + "d'une étape à une autre, quelles passerelles, que deviennent les diplômés. "
                        + join(register.get("purposes")));
        text(
                answers,
                112,
                at,
                "Responsable du traitement : " + register.get("controller") + ". "
                        + (register.get("dpoContact") == null
                                ? TO_COMPLETE + "contact du DPO. "
                                : "DPO : " + register.get("dpoContact") + ". ")
                        + TO_COMPLETE + "sous-traitants éventuels (hébergeur).");
        text(
                answers,
                113,
                at,
                "RGPD (notamment art. 5, 6.1.f, 14, 17, 21, 25, 32, 35) ; loi Informatique et Libertés ; recommandations de la CNIL "
                        + "sur le moissonnage de données publiquement accessibles et l'intérêt légitime. " + TO_COMPLETE
                        + "référentiels sectoriels.");
        // 1.2 Données, processus et supports
        text(
                answers,
                121,
                at,
                "Conservées : " + join(register.get("dataKept")) + " Écartées dès la lecture : "
                        + join(register.get("dataDropped")));
        text(
                answers,
                122,
                at,
                "Collecte (exports d'établissements, profils publics en respectant robots.txt et noindex) ; lecture et minimisation ; "
                        + "pseudonymisation ; stockage ; publication à chaque version d'une table unique de chiffres protégés (la seule lue par l'API, "
                        + "la page des formateurs, les analystes et les exports) ; effacement sur demande, liste de non-collecte ; purge après "
                        + retention.get("months") + " mois sans nouvelle collecte.");
        text(
                answers,
                123,
                at,
                "Base Neo4j (couche par personne, lue seulement par l'import, l'effacement, la conservation, la rotation de clé et la "
                        + "publication) ; fichiers de la publication (CSV) ; bases Neo4j en lecture seule tenant la seule publication, pour l'API et les "
                        + "analystes ; fichiers de clés hors de la base, lisibles par leur seul propriétaire. "
                        + TO_COMPLETE + "hébergement et sauvegardes.");
        // 2.1 Proportionnalité et nécessité
        text(
                answers,
                211,
                at,
                join(register.get("purposes")) + " Finalités explicites, publiées dans la notice /vie-privee.");
        text(
                answers,
                212,
                at,
                register.get("legalBasis") + " Consentement pour les parcours confiés par les personnes elles-mêmes. "
                        + TO_COMPLETE + "conclusion de la mise en balance (la notice en donne le résumé).");
        text(
                answers,
                213,
                at,
                "Seules les étapes (codes de nomenclature), les mois et une région sont gardés ; tout autre champ est écarté à la lecture "
                        + "et seul son nom est compté. Aucun nombre reposant sur moins de " + thresholds.get("k")
                        + " personnes n'est publié.");
        text(
                answers,
                214,
                at,
                "Chaque nouvelle collecte d'une personne remplace sa version précédente ; un profil devenu privé, noindex ou supprimé est "
                        + "effacé à la collecte suivante ; les intitulés sont rapprochés des nomenclatures officielles (ROME, RNCP) avec un seuil de confiance.");
        text(
                answers,
                215,
                at,
                retention.get("months")
                        + " mois sans nouvelle collecte, puis effacement automatique (vérifié chaque jour). "
                        + retention.get("rule"));
        // 2.2 Mesures protectrices des droits
        text(
                answers,
                221,
                at,
                "Information par une notice publique (art. 14.5.b : information individuelle impossible), /vie-privee en français et en "
                        + "anglais, relayée par les partenaires ; registre public /api/privacy.");
        text(
                answers,
                222,
                at,
                "Pour les parcours confiés directement : consentement horodaté, retirable à tout moment. " + TO_COMPLETE
                        + "modalités de recueil chez chaque partenaire.");
        text(answers, 223, at, String.valueOf(register.get("rights")));
        text(
                answers,
                224,
                at,
                "Effacement par source et identifiant : suppression de l'enregistrement et de toute contribution aux chiffres (reçu "
                        + "fourni), pseudonyme ajouté à la liste de non-collecte ; l'enregistrement disparaît aussitôt, les chiffres publiés suivent à la publication suivante (par lots d'au moins 50 changements, au plus tard 30 jours après la précédente : une publication par changement désignerait la personne).");
        text(
                answers,
                225,
                at,
                "Opposition : liste de non-collecte vérifiée avant toute collecte et tout import ; un profil rendu privé vaut opposition.");
        text(answers, 226, at, TO_COMPLETE + "sous-traitants (hébergement, infogérance) et clauses contractuelles.");
        text(
                answers,
                227,
                at,
                TO_COMPLETE
                        + "aucun transfert hors de l'Union européenne prévu par le logiciel ; à confirmer selon l'hébergement.");
        // 3.2 to 3.4: the three risks. Sources, threats and impacts from the system; gravity and likelihood are for
        // people to judge.
        List<Map<String, Object>> measures = measures(register, thresholds, pseudonymisation, at);
        List<String> titles =
                measures.stream().map(m -> (String) m.get("title")).toList();
        risk(
                answers,
                32,
                at,
                List.of(
                        "Réidentification d'une personne à partir des chiffres publiés",
                        "Révélation de son parcours à un tiers"),
                List.of(
                        "Soustraction ou recoupement de réponses de l'API",
                        "Lecture de la base par un compte local ou d'analyste",
                        "Vol du secret de pseudonymisation"),
                List.of("Utilisateur de l'API ou analyste malveillant", "Administrateur système", "Attaquant externe"),
                titles);
        risk(
                answers,
                33,
                at,
                List.of("Chiffres publiés faux", "Parcours d'une personne altéré"),
                List.of("Import de fichiers erronés ou falsifiés", "Écriture par un compte qui ne devrait que lire"),
                List.of("Source de données compromise", "Compte d'administration volé"),
                titles);
        risk(
                answers,
                34,
                at,
                List.of("Perte des trajectoires collectées", "Impossibilité d'honorer un effacement"),
                List.of("Panne ou corruption du stockage", "Perte du fichier de clés"),
                List.of("Incident matériel", "Erreur d'exploitation"),
                titles);

        Map<String, Object> out = new LinkedHashMap<>();
        out.put("pia", pia);
        out.put("answers", answers);
        out.put("measures", measures);
        out.put("evaluations", List.of());
        out.put("comments", List.of());
        return out;
    }

    private static List<Map<String, Object>> measures(
            Map<String, Object> register,
            Map<String, Object> thresholds,
            Map<String, Object> pseudonymisation,
            String at) {
        List<Map<String, Object>> m = new ArrayList<>();
        measure(
                m,
                at,
                "Minimisation à la lecture",
                "Seules les étapes, les mois et une région sont gardés ; noms, contacts, URL, texte libre et champs "
                        + "inconnus sont écartés avant tout stockage (testé en parcourant chaque propriété de la base).");
        measure(
                m,
                at,
                "Pseudonymisation à clé",
                pseudonymisation.get("method") + ". " + pseudonymisation.get("secret")
                        + " Rotation de clé possible (rotate-key).");
        measure(m, at, "Publication unique protégée", String.valueOf(thresholds.get("rule")));
        measure(
                m,
                at,
                "Lecteurs séparés de la couche par personne",
                "L'API et les analystes lisent des bases Neo4j en lecture seule qui ne "
                        + "tiennent que la publication ; lecture de fichiers et d'adresses interdite depuis Cypher ; mot de passe sur chaque port Bolt.");
        measure(
                m,
                at,
                "Contrôle d'accès",
                "Clés d'API conservées hachées, rôles lecteur et administrateur, limitation de débit par clé et par adresse ; "
                        + "en-têtes de sécurité HTTP et politique de contenu n'autorisant aucun tiers.");
        measure(
                m,
                at,
                "Liste de non-collecte et effacement",
                "Effacement avec reçu, pseudonyme listé, vérifié avant toute collecte et tout import.");
        measure(
                m,
                at,
                "Durée de conservation limitée",
                "Purge quotidienne des enregistrements non collectés à nouveau depuis la durée configurée.");
        measure(
                m,
                at,
                "Collecte respectueuse",
                "robots.txt, noindex et profils privés respectés ; délai entre requêtes ; agent identifié.");
        measure(m, at, "Sauvegarde", TO_COMPLETE + "sauvegardes chiffrées de la base et, séparément, des clés.");
        return m;
    }

    private static void measure(List<Map<String, Object>> measures, String at, String title, String content) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", title);
        m.put("pia_id", 1);
        m.put("content", html(content));
        m.put("placeholder", "");
        m.put("created_at", at);
        measures.add(m);
    }

    private static void risk(
            List<Map<String, Object>> answers,
            int item,
            String at,
            List<String> impacts,
            List<String> threats,
            List<String> sources,
            List<String> measures) {
        list(answers, item * 10 + 1, at, impacts);
        list(answers, item * 10 + 2, at, threats);
        list(answers, item * 10 + 3, at, sources);
        list(answers, item * 10 + 4, at, measures);
        // Gravity and likelihood: a judgement for the people who run the service, not for the software.
        gauge(answers, item * 10 + 5, at);
        gauge(answers, item * 10 + 6, at);
    }

    private static void text(List<Map<String, Object>> answers, int question, String at, String text) {
        answers.add(answer(question, at, html(text), null, List.of()));
    }

    private static void list(List<Map<String, Object>> answers, int question, String at, List<String> items) {
        answers.add(answer(question, at, null, null, items));
    }

    private static void gauge(List<Map<String, Object>> answers, int question, String at) {
        answers.add(answer(question, at, html(TO_COMPLETE + "niveau et justification."), null, List.of()));
    }

    private static Map<String, Object> answer(int question, String at, String text, Integer gauge, List<String> list) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("text", text);
        data.put("gauge", gauge);
        data.put("list", list);
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("pia_id", 1);
        a.put("reference_to", question);
        a.put("data", data);
        a.put("created_at", at);
        a.put("updated_at", at);
        return a;
    }

    private static String join(Object items) {
        return items instanceof List<?> l
                ? String.join(" ; ", l.stream().map(String::valueOf).toList()) + "."
                : String.valueOf(items);
    }

    private static String html(String text) {
        return "<p>" + Texts.escape(text) + "</p>";
    }
}
