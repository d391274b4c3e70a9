package fr.passerelle.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.catalog.Catalogue;
import fr.passerelle.catalog.StepKind;
import fr.passerelle.eval.MappingEvaluation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Free-text titles to codes, on small fixtures written in the official formats (ROME JSON, RNCP/BCN CSV). */
class TitleMatcherTest {
    static final Path ROME = Path.of("src/test/resources/references/rome");
    static final Path DIPLOMAS = Path.of("src/test/resources/references/diplomas");
    static final OfficialData DATA = OfficialData.load(Catalogue.bundled(), ROME, DIPLOMAS);
    static final TitleMatcher MATCHER = DATA.matcher(Catalogue.bundled(), null, 0.6);

    static TitleMatcher.Match match(String title, StepKind kind) {
        return MATCHER.match(title, kind);
    }

    @Test
    void genderFormsCaseAccentsAndWordOrderDoNotMatter() {
        for (String title : List.of(
                "Développeuse web", "développeur WEB", "DEVELOPPEUSE WEB", "web développeuse", "Développeurs web")) {
            TitleMatcher.Match m = match(title, StepKind.JOB);
            assertEquals("M1805", m.code(), title);
            assertEquals(1.0, m.confidence(), title);
            assertEquals("exact", m.method(), title);
        }
        assertEquals(
                "M1806", match("Cheffe de projet informatique", StepKind.JOB).code());
        assertEquals("J1501", match("aide-soignante", StepKind.JOB).code());
        assertEquals("G1602", match("Commise de cuisine", StepKind.JOB).code());
    }

    @Test
    void abbreviationsOfDiplomasAreUnderstood() {
        assertEquals(
                "BTS-SIO-SLAM", match("BTS SIO option SLAM", StepKind.EDUCATION).code(), "the project's own step wins");
        assertEquals("BTS-MCO", match("BTS MCO", StepKind.EDUCATION).code());
        assertEquals(
                "BTS-MCO",
                match("Brevet de technicien supérieur Management commercial opérationnel", StepKind.EDUCATION)
                        .code());
        assertEquals("MASTER-INFO", match("M2 Informatique", StepKind.EDUCATION).code());
        assertEquals(
                "RNCP1188",
                match("CAP cuisine", StepKind.EDUCATION).code(),
                "an RNCP certification outside the catalogue");
        assertEquals(
                "RNCP35340",
                match("services informatiques aux organisations BTS", StepKind.EDUCATION)
                        .code(),
                "word order");
    }

    @Test
    void aLooseMatchHasALowerConfidenceAndBelowTheThresholdStaysUnmapped() {
        TitleMatcher.Match loose = match("Développeuse web full-stack JavaScript", StepKind.JOB);
        assertEquals("M1805", loose.code());
        assertEquals("fuzzy", loose.method());
        assertTrue(loose.confidence() > 0.6 && loose.confidence() < 1.0, "confidence " + loose.confidence());
        TitleMatcher.Match none = match("Dompteur de licornes quantiques", StepKind.JOB);
        assertFalse(none.mapped());
        assertEquals("unmapped", none.method());
        assertTrue(none.confidence() < 0.6);
        // The kind narrows the candidates: a job title is not forced onto a diploma.
        TitleMatcher.Match asJob = match("BTS Services informatiques aux organisations", StepKind.JOB);
        assertTrue(!asJob.mapped() || asJob.kind() == StepKind.JOB, asJob.toString());
    }

    @Test
    void overridesWin(@TempDir Path dir) throws Exception {
        Path mappings = dir.resolve("mappings.csv");
        Files.writeString(mappings, "title,kind,code\nDompteur de licornes quantiques,job,M1806\n");
        TitleMatcher withOverrides = DATA.matcher(Catalogue.bundled(), mappings, 0.6);
        TitleMatcher.Match m = withOverrides.match("dompteur de licornes QUANTIQUES", StepKind.JOB);
        assertEquals("M1806", m.code());
        assertEquals("override", m.method());
        Files.writeString(mappings, "title,kind,code\nX,job,NOPE99\n");
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> DATA.matcher(Catalogue.bundled(), mappings, 0.6));
        assertTrue(e.getMessage().contains("mappings.csv:2") && e.getMessage().contains("NOPE99"), e.getMessage());
    }

    @Test
    void officialFilesBecomeStepsWithLabelsDomainAndLevel() {
        var steps = DATA.steps();
        var d1301 =
                steps.stream().filter(s -> s.code().equals("D1301")).findFirst().orElseThrow();
        assertEquals("D", d1301.domain());
        assertEquals("D13", d1301.field());
        var cap = steps.stream()
                .filter(s -> s.code().equals("RNCP1188"))
                .findFirst()
                .orElseThrow();
        assertEquals(3, cap.level());
        assertEquals("CAP Cuisine", cap.label());
        assertEquals(List.of("M1805"), DATA.rncpToRome().get("RNCP35340"));
    }

    @Test
    void aMissingOrBrokenFileIsNamed(@TempDir Path dir) throws Exception {
        UncheckedIOExceptionOrIllegal.check(
                () -> OfficialData.load(Catalogue.bundled(), dir, null), "referentiel_code_rome.json");
        Files.writeString(dir.resolve("referentiel_code_rome.json"), "{\"not\": \"an array\"}");
        UncheckedIOExceptionOrIllegal.check(
                () -> OfficialData.load(Catalogue.bundled(), dir, null), "expected a JSON array");
    }

    @Test
    void genderFormsOfAnAppellation() {
        assertEquals(
                List.of("Abatteur de carrière", "Abatteuse de carrière"),
                MappingEvaluation.genderForms("Abatteur / Abatteuse de carrière"));
        assertEquals(List.of("Comptable"), MappingEvaluation.genderForms("Comptable"));
    }

    /** Either failure type, as long as the message names the problem. */
    static final class UncheckedIOExceptionOrIllegal {
        static void check(Runnable r, String expected) {
            RuntimeException e = assertThrows(RuntimeException.class, r::run);
            assertTrue(e.getMessage().contains(expected), e.getMessage());
        }
    }
}
