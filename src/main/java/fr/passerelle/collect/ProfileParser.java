package fr.passerelle.collect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.passerelle.catalog.StepKind;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Reads the steps of a trajectory from a profile page, and nothing else: schema.org {@code Person}
 * in JSON-LD or microdata (alumniOf, hasOccupation, worksFor, with dates), microformats2
 * {@code h-resume} ({@code p-education}, {@code p-experience} as {@code h-event} with
 * {@code dt-start}/{@code dt-end}), or a site profile's CSS selectors. Names, photos, contacts and
 * descriptions are never read into a result: only a step's kind, its title (to be mapped to a code
 * and then dropped), its dates and a region.
 */
public final class ProfileParser {
    /** A step as found on a page; the title is only ever used to find a code. */
    public record FoundStep(StepKind kind, String title, String start, String end, String region) {}

    /** What a page says: its steps, and whether it asks not to be collected (noindex, private). */
    public record Parsed(List<FoundStep> steps, String withdrawnBecause, String format) {}

    /** Per-site selectors for layouts without structured data. */
    public record SiteProfile(
            String name,
            List<String> hosts,
            String privateMarker,
            String region,
            Section education,
            Section experience) {
        /** One list of steps: the item, and inside it the title and dates. */
        public record Section(String item, String title, String start, String end) {}

        public static List<SiteProfile> load(Path file) {
            try {
                JsonNode root = new ObjectMapper().readTree(file.toFile());
                List<SiteProfile> profiles = new ArrayList<>();
                for (JsonNode p : root.path("profiles")) {
                    List<String> hosts = new ArrayList<>();
                    p.path("hosts").forEach(h -> hosts.add(h.asText()));
                    if (!p.hasNonNull("name") || hosts.isEmpty()) {
                        throw new IllegalArgumentException(file + ": each profile needs a name and hosts");
                    }
                    profiles.add(new SiteProfile(
                            p.get("name").asText(),
                            hosts,
                            text(p, "private"),
                            text(p, "region"),
                            section(p.path("education")),
                            section(p.path("experience"))));
                }
                return profiles;
            } catch (IOException e) {
                throw new IllegalArgumentException(file + ": not a site profile file: " + e.getMessage(), e);
            }
        }

        private static Section section(JsonNode s) {
            return s.isMissingNode() || s.isNull()
                    ? null
                    : new Section(text(s, "item"), text(s, "title"), text(s, "start"), text(s, "end"));
        }

        private static String text(JsonNode n, String field) {
            return n.hasNonNull(field) ? n.get(field).asText() : null;
        }

        boolean serves(String host) {
            return host != null
                    && hosts.stream()
                            .anyMatch(h -> host.equalsIgnoreCase(h)
                                    || host.toLowerCase(java.util.Locale.ROOT)
                                            .endsWith("." + h.toLowerCase(java.util.Locale.ROOT)));
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<SiteProfile> profiles;

    public ProfileParser(List<SiteProfile> profiles) {
        this.profiles = profiles;
    }

    public Parsed parse(Document doc, String host, String robotsHeader) {
        String withdrawn = withdrawn(doc, robotsHeader);
        if (withdrawn != null) {
            return new Parsed(List.of(), withdrawn, null);
        }
        for (SiteProfile p : profiles) {
            if (p.serves(host)) {
                if (p.privateMarker() != null && !doc.select(p.privateMarker()).isEmpty()) {
                    return new Parsed(List.of(), "private profile (" + p.name() + ")", "site:" + p.name());
                }
                return new Parsed(site(doc, p), null, "site:" + p.name());
            }
        }
        List<FoundStep> steps = jsonLd(doc);
        if (!steps.isEmpty()) {
            return new Parsed(steps, null, "json-ld");
        }
        steps = microdata(doc);
        if (!steps.isEmpty()) {
            return new Parsed(steps, null, "microdata");
        }
        steps = hResume(doc);
        return new Parsed(steps, null, steps.isEmpty() ? null : "h-resume");
    }

    /** noindex (meta robots or X-Robots-Tag) or a profile marked private: not to be collected. */
    static String withdrawn(Document doc, String robotsHeader) {
        for (Element meta : doc.select("meta[name=robots], meta[name=passerellebot], meta[name=googlebot]")) {
            String content = meta.attr("content").toLowerCase(java.util.Locale.ROOT);
            if (content.contains("noindex") || content.contains("none")) {
                return "noindex";
            }
        }
        if (robotsHeader != null
                && (robotsHeader.toLowerCase(java.util.Locale.ROOT).contains("noindex")
                        || robotsHeader.toLowerCase(java.util.Locale.ROOT).contains("none"))) {
            return "noindex";
        }
        for (Element meta : doc.select("meta[name=profile:visibility], meta[property=profile:visibility]")) {
            if (!meta.attr("content").equalsIgnoreCase("public")) {
                return "private profile";
            }
        }
        return null;
    }

    private static List<FoundStep> site(Document doc, SiteProfile p) {
        List<FoundStep> steps = new ArrayList<>();
        String region = p.region() == null ? null : textOf(doc.selectFirst(p.region()));
        addSection(doc, p.education(), StepKind.EDUCATION, region, steps);
        addSection(doc, p.experience(), StepKind.JOB, region, steps);
        return steps;
    }

    private static void addSection(
            Document doc, SiteProfile.Section s, StepKind kind, String region, List<FoundStep> steps) {
        if (s == null || s.item() == null) {
            return;
        }
        for (Element item : doc.select(s.item())) {
            String title = s.title() == null ? textOf(item) : textOf(item.selectFirst(s.title()));
            if (title != null && !title.isBlank()) {
                steps.add(new FoundStep(
                        kind,
                        title,
                        s.start() == null ? null : date(item.selectFirst(s.start())),
                        s.end() == null ? null : date(item.selectFirst(s.end())),
                        region));
            }
        }
    }

    private static List<FoundStep> jsonLd(Document doc) {
        List<FoundStep> steps = new ArrayList<>();
        for (Element script : doc.select("script[type=application/ld+json]")) {
            JsonNode root;
            try {
                root = JSON.readTree(script.data());
            } catch (IOException e) {
                continue; // broken JSON-LD: the page may still have microdata or h-resume
            }
            List<JsonNode> nodes = new ArrayList<>();
            collect(root, nodes);
            for (JsonNode person : nodes) {
                if (!isType(person, "Person")) {
                    continue;
                }
                String region = person.path("address").path("addressRegion").asText(null);
                for (JsonNode a : array(person.get("alumniOf"))) {
                    // OrganizationRole {alumniOf: {...}, roleName, startDate, endDate} or an organisation with a
                    // credential.
                    String title =
                            first(a, "roleName", "hasCredential.name", "hasCredential.credentialCategory", "name");
                    if (title != null) {
                        steps.add(new FoundStep(
                                StepKind.EDUCATION,
                                title,
                                a.path("startDate").asText(null),
                                a.path("endDate").asText(null),
                                region));
                    }
                }
                for (JsonNode o : array(person.get("hasOccupation"))) {
                    String title = first(o, "roleName", "hasOccupation.name", "name");
                    if (title != null) {
                        steps.add(new FoundStep(
                                StepKind.JOB,
                                title,
                                o.path("startDate").asText(null),
                                o.path("endDate").asText(null),
                                region));
                    }
                }
                for (JsonNode w : array(person.get("worksFor"))) {
                    String title = first(w, "roleName", "jobTitle");
                    if (title != null) {
                        steps.add(new FoundStep(
                                StepKind.JOB,
                                title,
                                w.path("startDate").asText(null),
                                w.path("endDate").asText(null),
                                region));
                    }
                }
            }
        }
        return steps;
    }

    private static List<FoundStep> microdata(Document doc) {
        List<FoundStep> steps = new ArrayList<>();
        for (Element person : doc.select("[itemscope][itemtype~=(?i)schema.org/Person]")) {
            Element address = person.selectFirst("[itemprop=addressRegion]");
            String region = textOf(address);
            for (Element a : person.select("[itemprop=alumniOf]")) {
                String title = firstProp(a, "roleName", "name");
                if (title != null) {
                    steps.add(new FoundStep(
                            StepKind.EDUCATION,
                            title,
                            date(a.selectFirst("[itemprop=startDate]")),
                            date(a.selectFirst("[itemprop=endDate]")),
                            region));
                }
            }
            for (Element o : person.select("[itemprop=hasOccupation], [itemprop=worksFor]")) {
                String title = firstProp(o, "roleName", "name");
                if (title != null) {
                    steps.add(new FoundStep(
                            StepKind.JOB,
                            title,
                            date(o.selectFirst("[itemprop=startDate]")),
                            date(o.selectFirst("[itemprop=endDate]")),
                            region));
                }
            }
        }
        return steps;
    }

    private static List<FoundStep> hResume(Document doc) {
        List<FoundStep> steps = new ArrayList<>();
        for (Element resume : doc.select(".h-resume")) {
            String region = textOf(resume.selectFirst(".p-region, .p-locality ~ .p-region"));
            for (Element e : resume.select(".p-education.h-event, .p-experience.h-event")) {
                String title = textOf(e.selectFirst(".p-name"));
                if (title == null) {
                    continue;
                }
                StepKind kind = e.hasClass("p-education") ? StepKind.EDUCATION : StepKind.JOB;
                steps.add(new FoundStep(
                        kind, title, date(e.selectFirst(".dt-start")), date(e.selectFirst(".dt-end")), region));
            }
        }
        return steps;
    }

    private static void collect(JsonNode node, List<JsonNode> out) {
        if (node == null) {
            return;
        }
        if (node.isArray()) {
            node.forEach(n -> collect(n, out));
        } else if (node.isObject()) {
            out.add(node);
            collect(node.get("@graph"), out);
            collect(node.get("mainEntity"), out);
        }
    }

    private static boolean isType(JsonNode node, String type) {
        JsonNode t = node.get("@type");
        if (t == null) {
            return false;
        }
        for (JsonNode v : array(t)) {
            if (v.asText().equals(type) || v.asText().endsWith("/" + type)) {
                return true;
            }
        }
        return false;
    }

    private static List<JsonNode> array(JsonNode node) {
        List<JsonNode> list = new ArrayList<>();
        if (node == null || node.isNull()) {
            return list;
        }
        if (node.isArray()) {
            node.forEach(list::add);
        } else {
            list.add(node);
        }
        return list;
    }

    /** The first of these dotted paths that holds text. */
    private static String first(JsonNode node, String... paths) {
        for (String path : paths) {
            JsonNode n = node;
            for (String part : path.split("\\.")) {
                n = n == null ? null : n.get(part);
                if (n != null && n.isArray()) {
                    n = n.size() == 0 ? null : n.get(0);
                }
            }
            if (n != null && n.isTextual() && !n.asText().isBlank()) {
                return n.asText().strip();
            }
        }
        return null;
    }

    private static String firstProp(Element e, String... props) {
        for (String p : props) {
            Element found = e.selectFirst("[itemprop=" + p + "]");
            if (found != null && !found.text().isBlank()) {
                return found.text().strip();
            }
        }
        return null;
    }

    private static String date(Element e) {
        if (e == null) {
            return null;
        }
        for (String attr : List.of("datetime", "content", "value", "title")) {
            if (e.hasAttr(attr) && !e.attr(attr).isBlank()) {
                return e.attr(attr).strip();
            }
        }
        String text = e.text().strip();
        return text.isEmpty() ? null : text;
    }

    private static String textOf(Element e) {
        if (e == null) {
            return null;
        }
        String t = e.text().strip();
        return t.isEmpty() ? null : t;
    }
}
