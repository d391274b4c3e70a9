package fr.passerelle.analyst;

import fr.passerelle.graph.Cypher;
import java.util.ArrayList;
import java.util.List;

/**
 * The Neo4j Browser guide (HTML, one {@code <slide>} per page, opened with {@code :guide <url>}),
 * in French or English. The worked analyses are built from the {@code cypher/analyst/} files
 * themselves (their purpose, their {@code :param} example, their statement), so the guide cannot
 * drift from the queries a test runs.
 */
public final class Guide {
    /** The analysts' queries, in the order the guide walks through them. */
    public static final List<String> ANALYSES = List.of(
            "analyst/biggest-flows-from",
            "analyst/paths-from",
            "analyst/reconversions-between-domains",
            "analyst/bridges-between-domains",
            "analyst/outcomes-at",
            "analyst/regional-comparison",
            "analyst/flows-overview");
    /** Which publication the graph is, run from the guide's first page. */
    public static final String PUBLICATION = "analyst/publication";
    /** The API's own queries: they read only the release, so analysts run them unchanged on theirs. */
    public static final List<String> API_QUERIES = List.of(
            "queries/next-steps",
            "queries/next-after",
            "queries/next-by-region",
            "queries/next-by-period",
            "queries/previous-steps",
            "queries/step-search",
            "queries/step-by-id",
            "queries/routes-observed",
            "queries/route-people",
            "queries/bridges",
            "queries/reconversions",
            "queries/outcomes",
            "queries/published-transitions",
            "queries/popular-destinations",
            "queries/dataset-version");

    private Guide() {}

    /** A parsed Cypher file: its purpose (English), objet (French), example parameters and statement. */
    public record Query(String name, String purpose, String objet, String param, String statement) {
        public static Query parse(String name) {
            String text = Cypher.load(name);
            StringBuilder purpose = new StringBuilder();
            StringBuilder objet = new StringBuilder();
            StringBuilder current = null;
            String param = null;
            List<String> body = new ArrayList<>();
            for (String line : text.lines().toList()) {
                if (line.startsWith("// Purpose: ")) {
                    current = purpose.append(line.substring(12));
                } else if (line.startsWith("// Objet : ")) {
                    current = objet.append(line.substring(11));
                } else if (line.startsWith("// :param ")) {
                    param = param == null
                            ? line.substring(3).trim()
                            : param + "\n" + line.substring(3).trim();
                    current = null;
                } else if (line.startsWith("// ") && line.matches("// [A-Z][a-z]+:.*")) {
                    current = null;
                } else if (line.startsWith("//")) {
                    if (current != null) {
                        current.append(' ').append(line.substring(2).trim());
                    }
                } else {
                    body.add(line);
                }
            }
            return new Query(
                    name,
                    purpose.toString().trim(),
                    objet.toString().trim(),
                    param,
                    String.join("\n", body).trim());
        }
    }

    /**
     * @param english English text instead of French
     * @param k the publication's k, @param minDenominator its minimum denominator, @param version its version
     */
    public static String html(boolean english, int k, int minDenominator, long version, String publishedAt) {
        StringBuilder html = new StringBuilder("<!doctype html>\n<html lang=\"")
                .append(english ? "en" : "fr")
                .append("\">\n<head><meta charset=\"utf-8\"><title>")
                .append(english ? "Passerelle: the published graph" : "Passerelle : le graphe publié")
                .append("</title></head>\n<body>\n");
        if (english) {
            slide(html, "What this graph is", """
                    <p>This is the <b>published</b> layer of Passerelle, version <b>%d</b> (%s): counts of real trajectories,
                    never a person. Every number is a count of <b>distinct people</b>.</p>
                    <ul>
                    <li><code>(:Step)</code> a diploma or programme (<code>kind: 'education'</code>) or a job (ROME code, <code>kind: 'job'</code>):
                    <code>id</code>, <code>label</code>, <code>domain</code> (ROME letter), <code>level</code>, <code>people</code>, <code>peopleIn</code>, <code>peopleOut</code>.</li>
                    <li><code>(:Step)-[:TRANSITION]-&gt;(:Step)</code> people who went from one step straight to the next: <code>people</code>,
                    <code>share</code> of those leaving the first (with <code>shareLow</code>/<code>shareHigh</code>, 95%%), <code>medianMonths</code>.</li>
                    <li><code>(:Path {key, prefix, steps, people, leaving})-[:THROUGH {position}]-&gt;(:Step)</code> 2 to 5 consecutive steps
                    followed by <code>people</code>, of whom <code>leaving</code> went on to another step.</li>
                    <li><code>(:Step)-[:HAS_OUTCOME]-&gt;(:Outcome)</code> situation 6, 12, 24 and 36 months after a step's end.</li>
                    <li><code>(:Step)-[:IN_REGION {people, leaving}]-&gt;(:Region)</code>, <code>(:Step)-[:IN_PERIOD]-&gt;(:Period)</code> and
                    <code>[:TRANSITION_BY_REGION {region}]</code>, <code>[:TRANSITION_BY_PERIOD {period}]</code>: the same by region and by entry period;
                    <code>(:Step)-[:STAYED {people, leaving}]-&gt;(:Since)</code> and <code>[:TRANSITION_BY_SINCE {since}]</code>: by months spent at the step before leaving it.</li>
                    <li><code>(:Reconversion)</code>, <code>(:ReconversionRoute)</code>, <code>(:BridgeRoute)</code>: changes of ROME domain.</li>
                    </ul>
                    <p><b>The release:</b> this graph is the very release the API answers from. Every count is <b>perturbed</b> by the
                    cell-key method (a few units of noise, the same people always get the same noise, so subtracting two numbers gives
                    noise, not a person) and shown only when both its true and perturbed values are at least <b>k = %d</b>; shares only
                    where the perturbed denominator is at least <b>%d</b>. An empty (null) count means "not released", never zero.</p>
                    <pre class="runnable">%s</pre>
                    """.formatted(
                            version,
                            publishedAt,
                            k,
                            minDenominator,
                            escape(Query.parse(PUBLICATION).statement())));
        } else {
            slide(html, "Ce qu'est ce graphe", """
                    <p>Voici la couche <b>publiée</b> de Passerelle, version <b>%d</b> (%s) : des comptes de parcours réels,
                    jamais une personne. Chaque nombre compte des <b>personnes distinctes</b>.</p>
                    <ul>
                    <li><code>(:Step)</code> un diplôme ou une formation (<code>kind: 'education'</code>) ou un métier (code ROME, <code>kind: 'job'</code>) :
                    <code>id</code>, <code>label</code>, <code>domain</code> (lettre ROME), <code>level</code>, <code>people</code>, <code>peopleIn</code>, <code>peopleOut</code>.</li>
                    <li><code>(:Step)-[:TRANSITION]-&gt;(:Step)</code> les personnes passées directement d'une étape à la suivante : <code>people</code>,
                    <code>share</code> (part de celles qui ont quitté la première, intervalle à 95 %% dans <code>shareLow</code>/<code>shareHigh</code>), <code>medianMonths</code>.</li>
                    <li><code>(:Path {key, prefix, steps, people, leaving})-[:THROUGH {position}]-&gt;(:Step)</code> 2 à 5 étapes consécutives
                    suivies par <code>people</code> personnes, dont <code>leaving</code> ont continué vers une autre étape.</li>
                    <li><code>(:Step)-[:HAS_OUTCOME]-&gt;(:Outcome)</code> la situation 6, 12, 24 et 36 mois après la fin d'une étape.</li>
                    <li><code>(:Step)-[:IN_REGION {people, leaving}]-&gt;(:Region)</code>, <code>(:Step)-[:IN_PERIOD]-&gt;(:Period)</code> et
                    <code>[:TRANSITION_BY_REGION {region}]</code>, <code>[:TRANSITION_BY_PERIOD {period}]</code> : la même chose par région et par période d'entrée ;
                    <code>(:Step)-[:STAYED {people, leaving}]-&gt;(:Since)</code> et <code>[:TRANSITION_BY_SINCE {since}]</code> : selon les mois passés dans l'étape avant de la quitter.</li>
                    <li><code>(:Reconversion)</code>, <code>(:ReconversionRoute)</code>, <code>(:BridgeRoute)</code> : changements de domaine ROME.</li>
                    </ul>
                    <p><b>La publication :</b> ce graphe est celle-là même dont l'API tire ses réponses. Chaque effectif est <b>perturbé</b>
                    par la méthode des clés de cellule (quelques unités de bruit, les mêmes personnes reçoivent toujours le même bruit : soustraire
                    deux nombres donne du bruit, pas une personne) et n'est montré que si ses valeurs vraie et perturbée atteignent <b>k = %d</b> ;
                    des parts seulement si le dénominateur perturbé atteint <b>%d</b>. Un compte vide (null) veut dire « non publié », jamais zéro.</p>
                    <pre class="runnable">%s</pre>
                    """.formatted(
                            version,
                            publishedAt,
                            k,
                            minDenominator,
                            escape(Query.parse(PUBLICATION).statement())));
        }
        for (String name : ANALYSES) {
            Query q = Query.parse(name);
            String title = english ? firstSentence(q.purpose()) : firstSentence(q.objet());
            String text = english ? q.purpose() : q.objet();
            slide(
                    html,
                    title,
                    "<p>" + escape(text) + "</p>\n"
                            + "<p>"
                            + (english
                                    ? "1. Set the parameters (click, then run):"
                                    : "1. Posez les paramètres (cliquez, puis exécutez) :")
                            + "</p>\n"
                            + "<pre class=\"runnable\">" + escape(q.param()) + "</pre>\n"
                            + "<p>"
                            + (english
                                    ? "2. Run the query (file <code>cypher/" + name + ".cypher</code>):"
                                    : "2. Lancez la requête (fichier <code>cypher/" + name + ".cypher</code>) :")
                            + "</p>\n"
                            + "<pre class=\"runnable\">" + escape(q.statement()) + "</pre>\n");
        }
        Query next = Query.parse("queries/next-steps");
        slide(
                html,
                english ? "The API's own queries" : "Les requêtes de l'API",
                (english
                                ? "<p>The queries of <code>cypher/queries/</code> that read only steps and transitions run here unchanged, on the published numbers: "
                                : "<p>Les requêtes de <code>cypher/queries/</code> qui ne lisent que les étapes et les transitions s'exécutent ici telles quelles, sur les nombres publiés : ")
                        + "<code>" + String.join("</code>, <code>", API_QUERIES) + "</code>. "
                        + (english
                                ? "For example, what <code>GET /api/steps/BTS-MCO/next</code> runs:</p>\n"
                                : "Par exemple, ce qu'exécute <code>GET /api/steps/BTS-MCO/next</code> :</p>\n")
                        + "<pre class=\"runnable\">" + escape(next.param()) + "</pre>\n<pre class=\"runnable\">"
                        + escape(next.statement()) + "</pre>\n"
                        + (english
                                ? "<p>Queries that need per-person records (routes, filtered next steps, outcomes) run only on the live graph; their published results are in <code>Path</code> and <code>Outcome</code>.</p>"
                                : "<p>Les requêtes qui lisent les parcours individuels (routes, suites filtrées, devenir) ne tournent que sur le graphe vivant ; leurs résultats publiés sont dans <code>Path</code> et <code>Outcome</code>.</p>"));
        slide(
                html,
                english ? "Styling the graph" : "Mettre le graphe en forme",
                (english
                                ? "<p>Captions: show each step's label and each transition's number of people (click, run, then redraw a query):</p>"
                                : "<p>Légendes : afficher le libellé de chaque étape et le nombre de personnes de chaque transition (cliquez, exécutez, puis relancez une requête) :</p>")
                        + "<pre class=\"runnable\">:style\nnode.Step { caption: '{label}'; diameter: 70px; }\nnode.Path { caption: '{people}'; color: #c2571a; }\n"
                        + "relationship.TRANSITION { caption: '{people}'; shaft-width: 3px; }</pre>\n"
                        + (english
                                ? "<p>Thickness: Neo4j Browser sets relationship width per type, not per value. For widths by people, run <code>analyst/flows-overview</code> at a few <code>$minPeople</code> levels (each run a layer), use the table view sorted by <code>people</code>, or open the same graph in Neo4j Bloom (rule-based styling on <code>people</code>). Reset with <code>:style reset</code>.</p>"
                                : "<p>Épaisseur : Neo4j Browser fixe la largeur par type de relation, pas par valeur. Pour des largeurs selon les personnes, lancez <code>analyst/flows-overview</code> à plusieurs niveaux de <code>$minPeople</code> (une couche par seuil), utilisez la vue tableau triée par <code>people</code>, ou ouvrez le même graphe dans Neo4j Bloom (style par règles sur <code>people</code>). Revenir au style d'origine : <code>:style reset</code>.</p>"));
        return html.append("</body>\n</html>\n").toString();
    }

    private static void slide(StringBuilder html, String title, String body) {
        html.append("<slide class=\"row-fluid\">\n<div class=\"col-sm-12\">\n<h3>")
                .append(escape(title))
                .append("</h3>\n")
                .append(body)
                .append("</div>\n</slide>\n");
    }

    private static String firstSentence(String text) {
        int colon = text.indexOf(':');
        String head = colon > 0 ? text.substring(0, colon) : text;
        head = head.strip();
        return head.isEmpty() ? text : Character.toUpperCase(head.charAt(0)) + head.substring(1);
    }

    static String escape(String text) {
        return text == null
                ? ""
                : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
