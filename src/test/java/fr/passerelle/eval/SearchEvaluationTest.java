package fr.passerelle.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.catalog.Catalogue;
import fr.passerelle.recommend.SearchTitles;
import fr.passerelle.recommend.StepSearch;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The search figures of the README, from eval/search-queries.csv, on the catalogue alone (the ROME
 * job titles are not needed: tests pass without the shared data).
 */
class SearchEvaluationTest {
    static final List<SearchEvaluation.Query> QUERIES = SearchEvaluation.read(Path.of("eval/search-queries.csv"));

    static SearchEvaluation.Score all(Catalogue catalogue) {
        StepSearch search = StepSearch.over(Catalogue.bundled(), SearchTitles.of(catalogue, null));
        return SearchEvaluation.evaluate(QUERIES, q -> search.codes(q, 10)).get(0);
    }

    @Test
    void atLeast200QueriesEachNamingStepsOfTheCatalogue() {
        assertTrue(QUERIES.size() >= 200, "queries: " + QUERIES.size());
        Catalogue catalogue = Catalogue.bundled();
        for (SearchEvaluation.Query q : QUERIES) {
            for (String code : q.expected()) {
                assertTrue(catalogue.find(code).isPresent(), q.text() + ": unknown step " + code);
            }
        }
    }

    @Test
    void theCatalogueWithItsEverydayNamesFindsWhatPeopleType() {
        SearchEvaluation.Score score = all(Catalogue.bundled());
        assertEquals("all", score.name());
        assertTrue(score.hitAt1() >= 0.95, score + " missed " + score.missed());
        assertTrue(score.hitAt5() >= 0.99, score + " missed " + score.missed());
    }

    @Test
    void theMatcherAloneBeatsTheOldSubstringSearchOnLabels() {
        // Labels only, no everyday names: the title matcher's own share (the substring search found 0.271).
        SearchEvaluation.Score score = all(Catalogue.bundled().withoutAliases());
        assertTrue(score.hitAt1() >= 0.5, score.toString());
    }
}
