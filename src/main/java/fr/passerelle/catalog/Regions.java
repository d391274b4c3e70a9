package fr.passerelle.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Coarse regions: the 18 French regions (INSEE codes). Input may name a region by code or name, or
 * give a department number; anything finer (a town, an address) is never kept. What cannot be
 * recognised is dropped, not guessed.
 */
public final class Regions {
    private final Map<String, String> lookup = new HashMap<>();
    private final Map<String, String> names = new HashMap<>();
    /** Inputs repeat heavily (a few dozen spellings for millions of steps); bounded so odd input cannot grow it. */
    private final Map<String, Optional<String>> memo = new java.util.concurrent.ConcurrentHashMap<>();

    private static final int MEMO_LIMIT = 10_000;
    private static final java.util.regex.Pattern TWO_DIGITS = java.util.regex.Pattern.compile("\\d{2}");

    private Regions() {}

    public static Regions bundled() {
        Regions regions = new Regions();
        try (InputStream in = Regions.class.getResourceAsStream("/import/regions.csv")) {
            CSVFormat format = fr.passerelle.files.Csv.WITH_HEADER;
            for (CSVRecord row : format.parse(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String code = row.get("code");
                regions.names.put(code, row.get("name"));
                regions.lookup.put(code, code);
                regions.lookup.put("r" + code, code);
                regions.lookup.put(Folding.fold(row.get("name")), code);
                for (String dep : row.get("departments").split(" ")) {
                    regions.lookup.put("d" + dep.toLowerCase(java.util.Locale.ROOT), code);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return regions;
    }

    /**
     * The INSEE region code for a region code ("84"), a region name ("auvergne rhone alpes") or a
     * department with its prefix ("dep:69", "dep:2A"); empty if none of these.
     */
    public Optional<String> normalise(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        Optional<String> known = memo.get(text);
        if (known != null) {
            return known;
        }
        Optional<String> result = lookup(text);
        if (memo.size() < MEMO_LIMIT) {
            memo.put(text, result);
        }
        return result;
    }

    private Optional<String> lookup(String text) {
        String t = text.trim();
        String folded = Folding.fold(t);
        if (TWO_DIGITS.matcher(t).matches() && lookup.containsKey(t)) {
            return Optional.of(t);
        }
        String region = lookup.get(folded);
        if (region != null) {
            return Optional.of(region);
        }
        // A bare two-digit number is a region code; departments need the "dep:" prefix, since
        // 84 is both Auvergne-Rhône-Alpes and the Vaucluse department.
        if (folded.startsWith("dep ")) {
            return Optional.ofNullable(lookup.get("d" + folded.substring(4)));
        }
        return Optional.empty();
    }

    /** The region codes, sorted. */
    public java.util.List<String> codes() {
        return names.keySet().stream().sorted().toList();
    }

    public String name(String code) {
        return names.get(code);
    }
}
