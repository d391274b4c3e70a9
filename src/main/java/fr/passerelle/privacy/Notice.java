package fr.passerelle.privacy;

import java.util.List;
import java.util.Map;

/**
 * The information notice of GDPR Art. 14 (data not obtained from the person), as a page: people
 * whose public profile or institutional record may be in Passerelle cannot each be told, so the
 * notice is published and partners link to it. Built from the processing register's live values
 * (controller, sources, retention, thresholds, the release method) so it never drifts from the system.
 */
public final class Notice {
    private Notice() {}

    /** The notice as an HTML page, French or English, from {@link Register#describe}. */
    public static String html(Map<String, Object> register, boolean english) {
        StringBuilder h = new StringBuilder("<!doctype html>\n<html lang=\"")
                .append(english ? "en" : "fr")
                .append("\">\n<head>\n")
                .append(
                        "<meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>")
                .append(english ? "Passerelle: how your data is used" : "Passerelle : l'usage de vos données")
                .append("</title>\n")
                .append("<link rel=\"stylesheet\" href=\"/passerelle.css\">\n</head>\n<body>\n<main id=\"notice\">\n");
        h.append("<p><a href=\"/vie-privee?lang=")
                .append(english ? "fr" : "en")
                .append("\">")
                .append(english ? "Français" : "English")
                .append("</a></p>\n");
        h.append("<h1>")
                .append(
                        english
                                ? "How Passerelle uses education and career paths"
                                : "Comment Passerelle utilise les parcours de formation et d'emploi")
                .append("</h1>\n");
        section(
                h,
                "controller",
                english ? "Who is responsible" : "Responsable du traitement",
                "<p>" + esc(String.valueOf(register.get("controller"))) + "</p>"
                        + (register.get("dpoContact") != null
                                ? "<p>"
                                        + (english
                                                ? "Data protection officer: "
                                                : "Délégué à la protection des données : ")
                                        + link(String.valueOf(register.get("dpoContact"))) + "</p>"
                                : ""));
        section(h, "purposes", english ? "Why" : "Finalités", list(register.get("purposes")));
        section(
                h,
                "legal-basis",
                english ? "Legal basis" : "Base légale",
                english
                        ? "<ul><li>Public profiles and institutional exports: legitimate interest (GDPR Art. 6(1)(f)), after the balancing test below.</li>"
                                + "<li>Trajectories people contribute themselves: their consent (Art. 6(1)(a)), which they can withdraw at any time.</li></ul>"
                        : "<ul><li>Profils publics et exports d'établissements : intérêt légitime (RGPD art. 6.1.f), après la mise en balance ci-dessous.</li>"
                                + "<li>Parcours confiés par les personnes elles-mêmes : leur consentement (art. 6.1.a), retirable à tout moment.</li></ul>");
        section(
                h,
                "data",
                english ? "What is kept, what is dropped" : "Données conservées, données écartées",
                "<h3>" + (english ? "Kept" : "Conservées") + "</h3>" + list(register.get("dataKept")) + "<h3>"
                        + (english ? "Dropped when read, never stored" : "Écartées dès la lecture, jamais stockées")
                        + "</h3>" + list(register.get("dataDropped")));
        section(h, "sources", english ? "Sources" : "Sources", list(register.get("sources")));
        section(
                h,
                "recipients",
                english ? "Who sees what" : "Destinataires",
                english
                        ? "<p>Nobody receives a person's record. Orientation apps (through the API), trainers, analysts and open data receive "
                                + "only the release: tables of counts, each of at least k people (below).</p>"
                        : "<p>Personne ne reçoit l'enregistrement d'une personne. Les applications d'orientation (par l'API), les formateurs, "
                                + "les analystes et les données ouvertes ne reçoivent que la publication : des tableaux d'effectifs, chacun d'au moins k personnes (ci-dessous).</p>");
        @SuppressWarnings("unchecked")
        Map<String, Object> retention = (Map<String, Object>) register.get("retention");
        section(
                h,
                "retention",
                english ? "How long" : "Durée de conservation",
                "<p>"
                        + (english
                                ? "A record that is not collected again for " + retention.get("months")
                                        + " months is erased; the server checks daily."
                                : "Un enregistrement qui n'est pas collecté à nouveau pendant "
                                        + retention.get("months")
                                        + " mois est effacé ; le serveur vérifie chaque jour.")
                        + "</p>");
        @SuppressWarnings("unchecked")
        Map<String, Object> thresholds = (Map<String, Object>) register.get("disclosureThresholds");
        section(
                h,
                "publication",
                english ? "What is published, and the noise in it" : "Ce qui est publié, et le bruit qu'on y met",
                "<p>" + esc(String.valueOf(thresholds.get("rule"))) + "</p><p>"
                        + (english
                                ? "In practice: every figure may be off by a few units, the same way each time it is asked; a figure of 78 may be shown as 75 to 81. "
                                        + "No number with fewer than " + thresholds.get("k")
                                        + " people behind it is ever shown."
                                : "Concrètement : chaque chiffre peut s'écarter de quelques unités, toujours de la même façon ; un chiffre de 78 peut être affiché de 75 à 81. "
                                        + "Aucun nombre reposant sur moins de " + thresholds.get("k")
                                        + " personnes n'est jamais montré.")
                        + "</p>");
        @SuppressWarnings("unchecked")
        Map<String, Object> pseudonymisation = (Map<String, Object>) register.get("pseudonymisation");
        section(
                h,
                "security",
                english ? "Protection" : "Protection",
                "<p>"
                        + (english
                                ? "People are stored under a keyed pseudonym ("
                                : "Les personnes sont enregistrées sous un pseudonyme à clé (")
                        + esc(String.valueOf(pseudonymisation.get("method"))) + "). "
                        + esc(String.valueOf(pseudonymisation.get("secret"))) + "</p>");
        section(
                h,
                "rights",
                english ? "Your rights" : "Vos droits",
                "<p>" + esc(String.valueOf(register.get("rights"))) + "</p>"
                        + (register.get("dpoContact") != null
                                ? "<p>" + (english ? "Write to: " : "Écrire à : ")
                                        + link(String.valueOf(register.get("dpoContact"))) + "</p>"
                                : "")
                        + "<p>"
                        + (english
                                ? "You may also lodge a complaint with the CNIL (www.cnil.fr)."
                                : "Vous pouvez aussi saisir la CNIL (www.cnil.fr).")
                        + "</p>");
        section(
                h,
                "balancing",
                english
                        ? "Why legitimate interest: the balancing test, in short"
                        : "Pourquoi l'intérêt légitime : la mise en balance, en bref",
                english
                        ? "<ul><li>The interest: guidance based on what really happened to people, which no single school or app can see.</li>"
                                + "<li>Necessity: only steps, months and a region are kept; nothing else is needed to count paths.</li>"
                                + "<li>Your expectations and safeguards: only published profiles are read, robots.txt and noindex are respected, "
                                + "a profile made private is erased, nobody is ever shown individually, every number is perturbed and at least k people, "
                                + "records expire, and you can object at any time.</li></ul>"
                        : "<ul><li>L'intérêt : une orientation fondée sur ce qui est réellement arrivé aux personnes, qu'aucun établissement ni aucune application ne voit seul.</li>"
                                + "<li>La nécessité : seules les étapes, les mois et une région sont gardés ; rien d'autre n'est utile pour compter des parcours.</li>"
                                + "<li>Vos attentes et les garanties : seuls les profils publiés sont lus, robots.txt et noindex sont respectés, "
                                + "un profil rendu privé est effacé, personne n'est jamais montré individuellement, chaque chiffre est bruité et d'au moins k personnes, "
                                + "les enregistrements expirent, et vous pouvez vous opposer à tout moment.</li></ul>");
        h.append("<p class=\"evidence\">")
                .append(english ? "Figures of release " : "Chiffres de la publication ")
                .append(esc(String.valueOf(register.get("datasetVersion"))))
                .append(english ? "; people held: " : " ; personnes enregistrées : ")
                .append(esc(String.valueOf(register.get("peopleHeld"))))
                .append("</p>\n");
        return h.append("</main>\n</body>\n</html>\n").toString();
    }

    private static void section(StringBuilder h, String id, String title, String body) {
        h.append("<section id=\"")
                .append(id)
                .append("\">\n<h2>")
                .append(esc(title))
                .append("</h2>\n")
                .append(body)
                .append("\n</section>\n");
    }

    private static String list(Object items) {
        StringBuilder ul = new StringBuilder("<ul>");
        for (Object item : items instanceof List<?> l ? l : List.of(String.valueOf(items))) {
            ul.append("<li>").append(esc(String.valueOf(item))).append("</li>");
        }
        return ul.append("</ul>").toString();
    }

    private static String link(String contact) {
        String href = contact.contains("@") && !contact.startsWith("mailto:") ? "mailto:" + contact : contact;
        boolean safe = href.startsWith("mailto:") || href.startsWith("https://") || href.startsWith("http://");
        return safe ? "<a href=\"" + esc(href) + "\">" + esc(contact) + "</a>" : esc(contact);
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /**
     * The short notice partners show on their own pages (an orientation app, a school's site): what
     * Passerelle does in two sentences and the two links, absolute to this server. As an HTML snippet
     * to paste, and as a page to put in an iframe.
     */
    public static String snippet(String base, boolean english) {
        String notice = base + "/vie-privee" + (english ? "?lang=en" : "");
        String opposition = base + "/vie-privee/opposition";
        return "<aside class=\"passerelle-notice\" lang=\"" + (english ? "en" : "fr") + "\">\n<p>"
                + (english
                        ? "Passerelle counts real education and career paths, collected from institutional exports and public profiles, "
                                + "pseudonymised, and publishes only protected tables of at least 11 people. "
                        : "Passerelle compte des parcours réels de formation et d'emploi, issus d'exports d'établissements et de profils publics, "
                                + "pseudonymisés, et n'en publie que des tableaux protégés d'au moins 11 personnes. ")
                + "</p>\n<p><a href=\"" + esc(notice) + "\" target=\"_top\">"
                + (english ? "How your data is used" : "L'usage de vos données")
                + "</a> · <a href=\"" + esc(opposition) + "\" target=\"_top\">"
                + (english ? "Object to the collection of your profile" : "S'opposer à la collecte de son profil")
                + "</a></p>\n</aside>\n";
    }

    /** The snippet as a page of its own, for an iframe on a partner's site. */
    public static String embedPage(String base, boolean english) {
        return "<!doctype html>\n<html lang=\"" + (english ? "en" : "fr")
                + "\">\n<head><meta charset=\"utf-8\"><title>Passerelle</title>"
                + "<link rel=\"stylesheet\" href=\"/passerelle.css\"></head>\n<body>\n" + snippet(base, english)
                + "</body>\n</html>\n";
    }
}
