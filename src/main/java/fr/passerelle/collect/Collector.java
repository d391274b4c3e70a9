package fr.passerelle.collect;

import fr.passerelle.catalog.StepKind;
import fr.passerelle.graph.Database;
import fr.passerelle.ingest.ImportReport;
import fr.passerelle.ingest.Importer;
import fr.passerelle.ingest.RawStep;
import fr.passerelle.ingest.RawTrajectory;
import fr.passerelle.lifecycle.Erasure;
import fr.passerelle.mapping.TitleMatcher;
import fr.passerelle.privacy.HmacKey;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Collection: for each public profile URL (or saved page), the do-not-collect list first (before
 * any request or parsing), then robots.txt and the fetch, then the steps read from the page, each
 * title mapped to a code (unmapped ones kept as "unrecognised" steps, counted), and the trajectory
 * imported like any other. A page that says noindex or private erases whatever was collected from
 * it before and lists it. The URL only enters the keyed pseudonym; titles, names and the page itself
 * are never stored or logged.
 */
public final class Collector {
    public static final String UNMAPPED_EDUCATION = "UNMAPPED-EDUCATION";
    public static final String UNMAPPED_JOB = "UNMAPPED-JOB";

    /** What a run did, in counts only (no titles, no URLs). */
    public static final class Report {
        public int pages;
        public int collected;
        public int withdrawn;
        public int doNotCollect;
        public int noSteps;
        public int stepsFound;
        public int stepsMapped;
        public int stepsUnmapped;
        public final Map<String, Integer> refused = new TreeMap<>();
        public final Map<String, Integer> formats = new TreeMap<>();
        public final Map<String, Integer> byMethod = new TreeMap<>();
        public ImportReport imported;

        public String summary() {
            return String.format(
                            Locale.ROOT,
                            "pages: %d; collected: %d (%s); withdrawn (noindex/private, erased and listed): %d; "
                                    + "on the do-not-collect list (not fetched): %d; no steps found: %d; refused: %s%n"
                                    + "steps: %d found, %d mapped to a code (%s), %d unmapped (kept as unrecognised)%n",
                            pages,
                            collected,
                            formats,
                            withdrawn,
                            doNotCollect,
                            noSteps,
                            refused,
                            stepsFound,
                            stepsMapped,
                            byMethod,
                            stepsUnmapped)
                    + (imported == null ? "" : imported.summary());
        }
    }

    private final Database db;
    private final HmacKey key;
    private final PageFetcher fetcher;
    private final ProfileParser parser;
    private final TitleMatcher matcher;
    private final Importer importer;
    private final Erasure erasure;

    public Collector(
            Database db,
            HmacKey key,
            PageFetcher fetcher,
            ProfileParser parser,
            TitleMatcher matcher,
            Importer importer,
            Erasure erasure) {
        this.db = db;
        this.key = key;
        this.fetcher = fetcher;
        this.parser = parser;
        this.matcher = matcher;
        this.importer = importer;
        this.erasure = erasure;
    }

    /** Fetches and collects each URL. */
    public Report collectUrls(List<String> urls) throws InterruptedException {
        Report report = new Report();
        List<RawTrajectory> trajectories = new ArrayList<>();
        for (String text : urls) {
            report.pages++;
            URI url;
            try {
                url = URI.create(text.strip());
            } catch (IllegalArgumentException e) {
                report.refused.merge("bad-url", 1, Integer::sum);
                continue;
            }
            String source = source(url);
            if (source == null) {
                report.refused.merge("bad-url", 1, Integer::sum);
                continue;
            }
            // Keyed by the canonical URL: however it is written, the same profile is the same person (and the same
            // opposition).
            // (Not http(s): kept as given, the fetcher refuses it and says why.)
            String canonical = ProfileUrl.canonical(url);
            String id = canonical != null ? canonical : url.toString();
            if (onDoNotCollectList(source, id)) {
                report.doNotCollect++;
                continue;
            }
            PageFetcher.Page page;
            try {
                page = fetcher.fetch(url);
            } catch (PageFetcher.Refused e) {
                report.refused.merge(e.reason(), 1, Integer::sum);
                continue;
            }
            if (page.status() == 404 || page.status() == 410) {
                // The profile was deleted: whatever was collected from it goes.
                withdraw(source, id, report);
                continue;
            }
            if (page.status() != 200) {
                report.refused.merge("http-" + page.status(), 1, Integer::sum);
                continue;
            }
            Document doc = Jsoup.parse(
                    Charsets.decode(page.body(), page.contentType()), page.url().toString());
            handle(source, id, parser.parse(doc, url.getHost(), page.robotsHeader()), report, trajectories);
        }
        report.imported = trajectories.isEmpty() ? null : importer.importRecords(trajectories, n -> {});
        return report;
    }

    /** Collects saved pages; each page's identifier is its canonical URL (link rel=canonical or og:url), else its file name. */
    public Report collectDirectory(Path dir) throws java.io.IOException {
        Report report = new Report();
        List<RawTrajectory> trajectories = new ArrayList<>();
        List<Path> files;
        try (var list = Files.list(dir)) {
            files = list.filter(
                            f -> f.toString().endsWith(".html") || f.toString().endsWith(".htm"))
                    .sorted()
                    .toList();
        }
        for (Path file : files) {
            report.pages++;
            byte[] bytes = Files.readAllBytes(file);
            Document doc = Jsoup.parse(Charsets.decode(bytes, null), "");
            String canonical = doc.select("link[rel=canonical]").attr("href");
            if (canonical.isBlank()) {
                canonical = doc.select("meta[property=og:url]").attr("content");
            }
            URI url = canonical.isBlank() ? null : safeUri(canonical);
            String source = url == null ? "saved-pages" : source(url);
            String key = url == null ? null : ProfileUrl.canonical(url);
            String id = key == null ? file.getFileName().toString() : key;
            if (source == null) {
                source = "saved-pages";
            }
            if (onDoNotCollectList(source, id)) {
                report.doNotCollect++;
                continue;
            }
            handle(source, id, parser.parse(doc, url == null ? null : url.getHost(), null), report, trajectories);
        }
        report.imported = trajectories.isEmpty() ? null : importer.importRecords(trajectories, n -> {});
        return report;
    }

    private void handle(String source, String id, ProfileParser.Parsed parsed, Report report, List<RawTrajectory> out) {
        if (parsed.withdrawnBecause() != null) {
            withdraw(source, id, report);
            return;
        }
        if (parsed.steps().isEmpty()) {
            report.noSteps++;
            return;
        }
        report.formats.merge(parsed.format(), 1, Integer::sum);
        List<RawStep> steps = new ArrayList<>();
        for (ProfileParser.FoundStep found : parsed.steps()) {
            report.stepsFound++;
            TitleMatcher.Match m = matcher.match(found.title(), found.kind());
            String code;
            if (m.mapped()) {
                report.stepsMapped++;
                report.byMethod.merge(m.method(), 1, Integer::sum);
                code = m.code();
            } else {
                report.stepsUnmapped++;
                code = found.kind() == StepKind.EDUCATION ? UNMAPPED_EDUCATION : UNMAPPED_JOB;
            }
            steps.add(new RawStep(
                    m.mapped() ? m.kind().code() : found.kind().code(),
                    code,
                    Dates.month(found.start()),
                    Dates.month(found.end()),
                    found.region()));
        }
        out.add(new RawTrajectory(source, id, steps, "collect"));
        report.collected++;
    }

    private void withdraw(String source, String id, Report report) {
        erasure.erase(source, List.of(id), Erasure.Reason.WITHDRAWN);
        report.withdrawn++;
    }

    private boolean onDoNotCollectList(String source, String id) {
        String pid = key.pseudonym(source, id);
        return !db.read(
                        "person/do-not-collect",
                        Map.of("pids", List.of(pid)),
                        r -> r.get("pid").asString())
                .isEmpty();
    }

    /** The source is the host: a collection's people are keyed by host and canonical URL. */
    public static String source(URI url) {
        String host = url.getHost();
        return host == null || !host.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}") ? null : host.toLowerCase(Locale.ROOT);
    }

    private static URI safeUri(String text) {
        try {
            return URI.create(text.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Page dates to what the importer reads ("YYYY-MM" or "YYYY"); anything else becomes unknown rather than rejecting the person. */
    static final class Dates {
        private static final Pattern ISO = Pattern.compile("(\\d{4})(?:-(\\d{1,2}))?(?:-\\d{1,2})?(?:[T ].*)?");
        private static final Pattern SLASH = Pattern.compile("(\\d{1,2})/(\\d{4})");
        private static final Pattern WORDS = Pattern.compile("([a-zéû.]+)\\s+(\\d{4})");
        private static final Map<String, Integer> MONTHS = new LinkedHashMap<>();

        static {
            String[][] names = {
                {"janv", "jan"},
                {"fevr", "févr", "feb"},
                {"mars", "mar"},
                {"avr", "apr"},
                {"mai", "may"},
                {"juin", "jun"},
                {"juil", "jul"},
                {"aout", "août", "aug"},
                {"sept", "sep"},
                {"oct"},
                {"nov"},
                {"dec", "déc"}
            };
            for (int i = 0; i < names.length; i++) {
                for (String n : names[i]) {
                    MONTHS.put(n, i + 1);
                }
            }
        }

        private Dates() {}

        static String month(String text) {
            if (text == null || text.isBlank()) {
                return null;
            }
            String t = text.strip().toLowerCase(Locale.ROOT);
            Matcher m = ISO.matcher(t);
            if (m.matches()) {
                return m.group(2) == null
                        ? m.group(1)
                        : m.group(1) + "-" + String.format("%02d", Integer.parseInt(m.group(2)));
            }
            m = SLASH.matcher(t);
            if (m.matches()) {
                int month = Integer.parseInt(m.group(1));
                return month >= 1 && month <= 12 ? m.group(2) + "-" + String.format("%02d", month) : m.group(2);
            }
            m = WORDS.matcher(t);
            if (m.matches()) {
                for (Map.Entry<String, Integer> e : MONTHS.entrySet()) {
                    if (m.group(1).startsWith(e.getKey())) {
                        return m.group(2) + "-" + String.format("%02d", e.getValue());
                    }
                }
                return m.group(2);
            }
            return null;
        }
    }
}
