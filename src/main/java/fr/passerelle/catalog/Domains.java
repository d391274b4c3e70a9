package fr.passerelle.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** ROME "grands domaines" (A..N) and their labels, from {@code import/domains.csv}. */
public final class Domains {
    private final Map<String, String> labels;

    private Domains(Map<String, String> labels) {
        this.labels = labels;
    }

    public static Domains bundled() {
        Map<String, String> labels = new LinkedHashMap<>();
        try (InputStream in = Domains.class.getResourceAsStream("/import/domains.csv")) {
            CSVFormat format = CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get();
            for (CSVRecord row : format.parse(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                labels.put(row.get("domain"), row.get("label"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Domains(Map.copyOf(labels));
    }

    public boolean contains(String domain) {
        return labels.containsKey(domain);
    }

    public String label(String domain) {
        return labels.get(domain);
    }

    public java.util.Set<String> codes() {
        return labels.keySet();
    }
}
