package fr.passerelle.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import fr.passerelle.Fixtures;
import fr.passerelle.catalog.Catalogue;
import fr.passerelle.catalog.Regions;
import fr.passerelle.catalog.StepKind;
import fr.passerelle.collect.ProfileParser;
import fr.passerelle.ingest.InputProblem;
import fr.passerelle.ingest.InvalidRecordException;
import fr.passerelle.ingest.Normaliser;
import fr.passerelle.ingest.RawTrajectory;
import fr.passerelle.ingest.TrajectoryReader;
import fr.passerelle.mapping.TitleMatcher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;

/**
 * Every parser meets arbitrary input and ends in its documented outcome: a record, a
 * {@code file:line: reason} problem, a refused record, a skipped page, a non-match; never an uncaught
 * exception. {@code ./mvnw test} replays the corpus in {@code src/test/resources/fr/passerelle/fuzz/
 * ParserFuzzTestInputs/<method>/} (plus an empty input); {@code JAZZER_FUZZ=1 ./mvnw test -Djazzer.hooks=true
 * -Dtest=ParserFuzzTest#csv} fuzzes one target for up to 5 minutes (a crashing input is written to
 * that folder as {@code crash-<hash>}: fix the parser, rename the file for what it found, keep it).
 * The {@code found-*} files are what fuzzing found so far; {@code seed-*} were written by hand.
 */
class ParserFuzzTest {
    private static final Normaliser NORMALISER =
            new Normaliser(Catalogue.bundled(), Regions.bundled(), Fixtures.KEY, Normaliser.RegionLevel.REGION);
    private static final ProfileParser PROFILES = new ProfileParser(List.of());
    private static final TitleMatcher TITLES = new TitleMatcher(
            Catalogue.bundled().steps().stream()
                    .map(s -> new TitleMatcher.Reference(s.code(), s.kind(), s.label(), s.label(), "catalogue"))
                    .toList(),
            Map.of(),
            0.8);

    @FuzzTest
    void jsonLines(byte[] content) throws IOException {
        readAndNormalise(content, ".jsonl");
    }

    @FuzzTest
    void csv(byte[] content) throws IOException {
        readAndNormalise(content, ".csv");
    }

    /** The file is read whole: each line a trajectory or a problem naming file and line; each trajectory normalised or refused. */
    private static void readAndNormalise(byte[] content, String extension) throws IOException {
        Path file = Files.createTempFile("fuzz-", extension);
        try {
            Files.write(file, content);
            List<RawTrajectory> read = new ArrayList<>();
            List<InputProblem> problems = new ArrayList<>();
            TrajectoryReader.forFile(file).read(file, TrajectoryReader.Sink.of(read::add, problems::add));
            for (InputProblem p : problems) {
                assertTrue(p.toString().startsWith(file.toString() + ":"), "a problem names the file and line: " + p);
            }
            for (RawTrajectory raw : read) {
                try {
                    NORMALISER.normalise(raw, () -> {});
                } catch (InvalidRecordException refused) {
                    // the documented outcome of a record that cannot be a trajectory
                }
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @FuzzTest
    void profilePage(FuzzedDataProvider data) {
        String host = data.consumeString(40);
        String robots = data.consumeBoolean() ? data.consumeString(40) : null;
        String html = data.consumeRemainingAsString();
        ProfileParser.Parsed parsed =
                PROFILES.parse(Jsoup.parse(html, "https://" + host.replaceAll("[^a-z0-9.-]", "") + "/"), host, robots);
        assertTrue(parsed.steps() != null, "a page parses to steps (possibly none) or a reason to skip it");
    }

    @FuzzTest
    void title(FuzzedDataProvider data) {
        StepKind kind = data.pickValue(StepKind.values());
        TitleMatcher.Match m = TITLES.match(data.consumeRemainingAsString(), kind);
        assertTrue(m.confidence() >= 0 && m.confidence() <= 1, "confidence in 0..1: " + m);
    }
}
