package fr.passerelle.kit;

import fr.passerelle.recommend.Evidence;
import fr.passerelle.recommend.StepDetail;
import java.util.List;

/** The kit's HTML pages: a step's A4 handout, the kit's home page, and its read-me. */
final class HandoutPage {
    private HandoutPage() {}

    private static final String HEAD = """
            <!doctype html>
            <html lang="fr">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <meta name="robots" content="noindex">
              <title>%s</title>
              <link rel="icon" href="data:,">
              <link rel="stylesheet" href="%skit.css">
            </head>
            """;

    /** One step's handout: each figure as its SVG, with its figures as a table under it (read aloud, copied). */
    static String html(StepDetail step, List<Figure> figures, Evidence evidence) {
        StringBuilder out = new StringBuilder(String.format(HEAD, e("Passerelle : " + step.label()), "../"));
        out.append(
                        "<body class=\"kit handout\">\n<header>\n<p class=\"crumbs\"><a href=\"../index.html\">Le kit</a> · ")
                .append(
                        "<a href=\"../seances.html\">Les plans de séance</a> · <a href=\"../labo.html\">Le labo</a></p>\n")
                .append("<h1>")
                .append(e(step.label()))
                .append("</h1>\n")
                .append(release(evidence))
                .append("</header>\n<main>\n<nav class=\"figures\" aria-label=\"Les graphiques\"><ul>\n");
        for (Figure f : figures) {
            out.append("<li><a href=\"#")
                    .append(anchor(step, f))
                    .append("\">")
                    .append(e(f.title()))
                    .append("</a></li>\n");
        }
        out.append("</ul></nav>\n");
        for (Figure f : figures) {
            out.append("<section class=\"figure\" id=\"")
                    .append(anchor(step, f))
                    .append("\">\n")
                    .append("<img src=\"../figures/")
                    .append(Kit.file(f.id()))
                    .append(".svg\" alt=\"")
                    .append(e(f.title() + ". " + (f.subtitle() == null ? "" : f.subtitle())))
                    .append("\">\n<details><summary>Les chiffres en tableau</summary>\n<table data-figure=\"")
                    .append(e(f.id()))
                    .append("\">\n<caption>")
                    .append(e(f.title()))
                    .append("</caption>\n")
                    .append(
                            "<thead><tr><th scope=\"col\">Ligne</th><th scope=\"col\">Chiffre</th></tr></thead><tbody>\n");
            for (Figure.Group g : f.groups()) {
                for (Figure.Bar b : g.bars()) {
                    out.append("<tr><th scope=\"row\">")
                            .append(e(g.heading() == null ? b.label() : g.heading() + " · " + b.label()))
                            .append("</th><td>")
                            .append(e(b.value()))
                            .append("</td></tr>\n");
                }
            }
            out.append("</tbody></table>\n");
            f.notes().forEach(n -> out.append("<p>").append(e(n)).append("</p>\n"));
            out.append("</details>\n<p class=\"svg-link\"><a href=\"../figures/")
                    .append(Kit.file(f.id()))
                    .append(".svg\">Le graphique seul (SVG, pour un diaporama)</a></p>\n</section>\n");
        }
        return out.append("</main>\n</body>\n</html>\n").toString();
    }

    /** The figure's anchor in its handout: its id without the step's code (next, outcomes, bridges-J ...). */
    static String anchor(StepDetail step, Figure f) {
        return f.id().substring(step.id().length() + 1);
    }

    /** The kit's home page: what is in it, and how to run a session with no network. */
    static String index(List<StepDetail> steps, Evidence evidence) {
        StringBuilder out = new StringBuilder(String.format(HEAD, "Passerelle : le kit de séance", ""));
        out.append("<body class=\"kit home\">\n<header>\n<h1>Passerelle : le kit de séance</h1>\n")
                .append(release(evidence))
                .append("</header>\n<main>\n")
                .append(
                        "<p class=\"intro\">Ce dossier s’ouvre sans réseau et sans serveur : double-cliquez sur ce fichier"
                                + " (index.html). Tout ce qu’il montre vient de la publication indiquée ci-dessus ; rien n’est"
                                + " demandé à Internet.</p>\n<ol class=\"kit-parts\">\n")
                .append(
                        "<li><a href=\"seances.html\">Les plans de séance</a> : trois séances de deux heures, minute par"
                                + " minute, avec les questions pour la salle.</li>\n")
                .append(
                        "<li><a href=\"labo.html\">Le labo de l’attaquant</a> : la salle essaie de retrouver une personne"
                                + " inventée dans des tableaux, puis découvre les protections.</li>\n")
                .append("<li><a href=\"vie-privee.html\">La notice d’information</a> : ce qui est collecté, ce qui ne"
                        + " l’est jamais, les droits des personnes.</li>\n</ol>\n")
                .append("<h2>Les fiches par étape (A4)</h2>\n<ul class=\"steps\">\n");
        for (StepDetail s : steps) {
            out.append("<li><a href=\"etapes/")
                    .append(Kit.file(s.id()))
                    .append(".html\">")
                    .append(e(s.label()))
                    .append("</a>")
                    .append(
                            s.people() == null
                                    ? ""
                                    : " <span class=\"count\">(" + Handout.people(s.people()) + " personnes)</span>")
                    .append("</li>\n");
        }
        out.append(
                        "</ul>\n<h2>Imprimer</h2>\n<p>Chaque page s’imprime sur A4 (Fichier › Imprimer). Chaque graphique porte"
                                + " son numéro de publication, le nombre de personnes et la phrase sur le bruit ; le dossier"
                                + " « figures » les contient seuls, en SVG, pour un diaporama.</p>\n")
                .append("</main>\n</body>\n</html>\n");
        return out.toString();
    }

    static String readMe(Evidence evidence) {
        return "Passerelle : le kit de séance\r\n\r\n"
                + "Ouvrir index.html dans un navigateur (double-clic). Aucun réseau, aucun serveur n'est nécessaire.\r\n"
                + "seances.html : les plans de séance. labo.html : le labo de l'attaquant. etapes/ : une fiche A4 par"
                + " étape. figures/ : chaque graphique seul (SVG).\r\n\r\n"
                + "Publication n° " + evidence.datasetVersion() + " du " + Handout.date(evidence.generatedAt())
                + ".\r\n"
                + String.join(
                        "\r\n",
                        Handout.footer(evidence, null)
                                .subList(1, Handout.footer(evidence, null).size()))
                + "\r\n";
    }

    private static String release(Evidence evidence) {
        String line = "<p class=\"release\" data-version=\"" + evidence.datasetVersion() + "\">Publication n° "
                + evidence.datasetVersion() + " du " + Handout.date(evidence.generatedAt())
                + ". Chaque nombre est décalé au hasard de quelques personnes"
                + (evidence.countsWithin() == null ? "" : " (±" + evidence.countsWithin() + ")")
                + " ; aucun nombre sous 11 personnes n’est montré.</p>\n";
        if (evidence.synthetic()) {
            line +=
                    "<p class=\"synthetic\" role=\"note\">Données de démonstration (synthétiques) : ces chiffres décrivent"
                            + " des personnes inventées, pas des personnes réelles.</p>\n";
        }
        return line;
    }

    private static String e(String text) {
        return Figure.escape(text == null ? "" : text);
    }
}
