package fr.passerelle.eval;

import fr.passerelle.ingest.RawStep;
import fr.passerelle.ingest.RawTrajectory;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads mvad's long spell file ({@code id,spell_idx,state,start_month,end_month,n_months}, months
 * like {@code Jul.93}) into trajectories over the steps of {@code import/mvad-catalogue.csv}.
 */
public final class MvadConverter {
    private static final Map<String, String[]> STATES = Map.of(
            "school", new String[] {"education", "MVAD-SCHOOL"},
            "FE", new String[] {"education", "MVAD-FE"},
            "HE", new String[] {"education", "MVAD-HE"},
            "training", new String[] {"education", "MVAD-TRAINING"},
            "employment", new String[] {"job", "MVAD-EMPLOYMENT"},
            "joblessness", new String[] {"other", "MVAD-JOBLESSNESS"});
    private static final List<String> MONTHS =
            List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");

    private MvadConverter() {}

    public static List<RawTrajectory> read(Path spells) {
        Map<String, List<RawStep>> people = new LinkedHashMap<>();
        CSVFormat format = fr.passerelle.files.Csv.WITH_HEADER;
        try (Reader reader = Files.newBufferedReader(spells, StandardCharsets.UTF_8)) {
            for (CSVRecord row : format.parse(reader)) {
                String where = spells + ":" + row.getParser().getCurrentLineNumber();
                String[] step = STATES.get(row.get("state"));
                if (step == null) {
                    throw new IllegalArgumentException(where + ": unknown mvad state \"" + row.get("state") + "\"");
                }
                people.computeIfAbsent(row.get("id"), k -> new ArrayList<>())
                        .add(new RawStep(
                                step[0],
                                step[1],
                                month(row.get("start_month"), where),
                                month(row.get("end_month"), where),
                                null));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + spells, e);
        }
        List<RawTrajectory> result = new ArrayList<>();
        people.forEach((id, steps) -> result.add(new RawTrajectory("mvad", id, steps, spells + ":id " + id)));
        return result;
    }

    /** "Jul.93" -> "1993-07". */
    static String month(String text, String where) {
        String[] parts = text.split("\\.");
        int m = parts.length == 2 ? MONTHS.indexOf(parts[0].toLowerCase(Locale.ROOT)) : -1;
        if (m < 0 || !parts[1].matches("\\d{2}")) {
            throw new IllegalArgumentException(where + ": expected a month like Jul.93, got \"" + text + "\"");
        }
        int year = Integer.parseInt(parts[1]);
        return String.format("%04d-%02d", year < 50 ? 2000 + year : 1900 + year, m + 1);
    }
}
