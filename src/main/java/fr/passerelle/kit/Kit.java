package fr.passerelle.kit;

import fr.passerelle.recommend.Services;
import fr.passerelle.recommend.StepDetail;
import fr.passerelle.recommend.StepNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Writes the offline kit from one release: every file opens from {@code file://} and names only files beside it, so a
 * room with no network and no server runs the session. The folder is written aside and moved into place at the end:
 * a failed run leaves nothing half-written.
 */
public final class Kit {
    /** The web page files copied as they are (the lab is invented in the browser and asks the server nothing). */
    static final List<String> COPIED =
            List.of("passerelle.css", "formation.css", "formation.js", "labo.css", "labo.js");

    private final Services services;
    private final Handout handout;

    public Kit(Services services) {
        this.services = services;
        this.handout = new Handout(services);
    }

    /** What was written: the release read, the steps with a handout, the figures drawn, the files. */
    public record Written(long release, List<String> steps, List<String> figures, int files) {}

    /**
     * Writes the kit into {@code out} (absent or empty): the plans' steps and {@code extraSteps}, each checked first
     * (an unknown code is a {@link StepNotFoundException} with its close matches, and nothing is written).
     */
    public Written write(Path out, List<String> extraSteps) throws IOException {
        if (Files.exists(out)) {
            boolean empty = false;
            if (Files.isDirectory(out)) {
                try (var inside = Files.list(out)) {
                    empty = inside.findAny().isEmpty();
                }
            }
            if (!empty) {
                throw new IllegalArgumentException("--out " + out + ": exists and is not an empty folder");
            }
        }
        Map<String, StepDetail> steps = new LinkedHashMap<>();
        for (String code : extraSteps) {
            steps.put(code, services.steps().step(code));
        }
        Document plans = Jsoup.parse(resource("formation.html"));
        // The figures the plans link to, by step: a link to a step this release does not hold becomes plain text.
        Map<String, Set<String>> asked = new LinkedHashMap<>();
        for (Element a : plans.select("a.show")) {
            Map<String, String> q = query(a.attr("href"));
            String code = q.get("step");
            try {
                steps.putIfAbsent(code, services.steps().step(code));
            } catch (StepNotFoundException e) {
                a.after(a.text() + " (absent de cette publication)");
                a.remove();
                continue;
            }
            String anchor = anchor(q);
            asked.computeIfAbsent(code, c -> new LinkedHashSet<>()).add(anchor);
            a.attr("href", "etapes/" + file(code) + ".html#" + anchor);
        }
        Path parent = out.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path work = Files.createTempDirectory(parent, "." + out.getFileName() + ".partial-");
        try {
            Files.createDirectories(work.resolve("etapes"));
            Files.createDirectories(work.resolve("figures"));
            List<String> figures = new ArrayList<>();
            Set<String> shown = new java.util.HashSet<>();
            long release = services.steps().datasetVersion();
            if (steps.isEmpty()) {
                throw new IllegalArgumentException(
                        "this release holds none of the plans' steps: name the steps to hand out with --steps");
            }
            fr.passerelle.recommend.Evidence evidence =
                    steps.values().iterator().next().evidence();
            for (StepDetail step : steps.values()) {
                List<Figure> drawn = new ArrayList<>();
                drawn.add(handout.next(step));
                drawn.add(handout.outcomes(step));
                drawn.add(handout.fit(step));
                drawn.add(handout.reconversions(step));
                for (String anchor : asked.getOrDefault(step.id(), Set.of())) {
                    if (anchor.startsWith("bridges-")) {
                        drawn.add(handout.bridges(step, anchor.substring("bridges-".length())));
                    } else if (anchor.startsWith("routes-")) {
                        drawn.add(handout.routes(step, anchor.substring("routes-".length())));
                    }
                }
                drawn.removeIf(java.util.Objects::isNull);
                for (Figure f : drawn) {
                    write(work.resolve("figures").resolve(file(f.id()) + ".svg"), f.svg());
                    figures.add(f.id());
                }
                write(
                        work.resolve("etapes").resolve(file(step.id()) + ".html"),
                        HandoutPage.html(step, drawn, evidence));
                drawn.forEach(f -> shown.add(step.id() + "#" + HandoutPage.anchor(step, f)));
            }
            // A plan's view this release cannot draw for its step (no target jobs, a programme's reconversions):
            // the link opens the step's handout at its top rather than at a figure that is not there.
            for (Element a : plans.select("a.show[href^=etapes/]")) {
                String href = a.attr("href");
                int hash = href.indexOf('#');
                String code = asked.keySet().stream()
                        .filter(c -> href.startsWith("etapes/" + file(c) + ".html#"))
                        .findFirst()
                        .orElse(null);
                if (code != null && !shown.contains(code + "#" + href.substring(hash + 1))) {
                    a.attr("href", href.substring(0, hash));
                }
            }
            local(plans);
            write(work.resolve("seances.html"), plans.outerHtml());
            Document lab = Jsoup.parse(resource("labo.html"));
            local(lab);
            write(work.resolve("labo.html"), lab.outerHtml());
            for (String name : COPIED) {
                write(work.resolve(name), resource(name));
            }
            write(work.resolve("kit.css"), resource("kit.css"));
            write(work.resolve("vie-privee.html"), notice());
            write(work.resolve("index.html"), HandoutPage.index(List.copyOf(steps.values()), evidence));
            write(work.resolve("LISEZMOI.txt"), HandoutPage.readMe(evidence));
            int files;
            try (var all = Files.walk(work)) {
                files = (int) all.filter(Files::isRegularFile).count();
            }
            Files.deleteIfExists(out);
            Files.move(work, out, StandardCopyOption.ATOMIC_MOVE);
            return new Written(release, List.copyOf(steps.keySet()), figures, files);
        } finally {
            if (Files.exists(work)) {
                fr.passerelle.files.Folders.deleteTree(work);
            }
        }
    }

    /** The notice as the server shows it, from the release's register (what is collected, rights, retention). */
    private String notice() {
        Document doc = Jsoup.parse(
                fr.passerelle.privacy.Notice.html(services.register().describe(false), false));
        local(doc);
        return doc.outerHtml();
    }

    /**
     * Points a page's links at the kit's files; a link to what only a server has (the API, the live page) becomes
     * its text, and every script or style from the server is the copy beside it.
     */
    static void local(Document doc) {
        Map<String, String> kit = Map.of(
                "/", "index.html",
                "/formation", "seances.html",
                "/formation/labo", "labo.html",
                "/vie-privee", "vie-privee.html");
        for (Element e : doc.select("[href], [src]")) {
            String attr = e.hasAttr("href") ? "href" : "src";
            String value = e.attr(attr);
            if (!value.startsWith("/")) {
                continue; // data:, an anchor, or a file of the kit already
            }
            String path = value.replaceAll("[?#].*$", "");
            if (kit.containsKey(path)) {
                e.attr(attr, kit.get(path) + (value.contains("#") ? value.substring(value.indexOf('#')) : ""));
            } else if (path.startsWith("/") && COPIED.contains(path.substring(1))) {
                e.attr(attr, path.substring(1));
            } else if (e.tagName().equals("a")) {
                e.unwrap();
            } else {
                e.remove();
            }
        }
    }

    /** A plan's link as the handout's anchor: the view, and for bridges and routes their target. */
    static String anchor(Map<String, String> q) {
        String view = q.getOrDefault("view", "next");
        return switch (view) {
            case "bridges" -> "bridges-" + q.get("toDomain");
            case "routes" -> "routes-" + q.get("to");
            default -> view;
        };
    }

    static Map<String, String> query(String href) {
        Map<String, String> q = new LinkedHashMap<>();
        String raw = URI.create(href).getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    q.put(
                            java.net.URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return q;
    }

    /** A step code as a file name (codes hold letters, digits and dashes; anything else is replaced). */
    static String file(String code) {
        return code.replaceAll("[^A-Za-z0-9_-]", "_");
    }

    private static void write(Path path, String text) throws IOException {
        Files.writeString(path, text, StandardCharsets.UTF_8);
    }

    static String resource(String name) {
        try (InputStream in = Kit.class.getResourceAsStream("/web/" + name)) {
            if (in == null) {
                throw new IllegalStateException("/web/" + name + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
