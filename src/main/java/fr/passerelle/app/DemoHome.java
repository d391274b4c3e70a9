package fr.passerelle.app;

import fr.passerelle.files.Folders;
import fr.passerelle.publish.Publication;
import fr.passerelle.publish.ReleaseApi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The demo's home, prepared once by the build ({@code target/demo-home}, beside the jar): the first {@code serve --demo}
 * on a new home copies it instead of generating the demo people, publishing and loading the API's store in a cold JVM
 * (about 35 s on two cores, most of it the JIT's work; see the README's Start-up).
 *
 * <p>No secret travels with it. It holds no key file and no Neo4j account: each store's {@code system} database (where
 * Neo4j keeps its accounts and their password hashes) is removed, and the copy's first start makes new ones with this
 * home's passwords, before its Bolt port listens. Its synthetic people were
 * pseudonymised under a key destroyed with the build ({@code person/forget-key}), so the copy's own new key claims the
 * data at its first write, and nothing in the template links a pseudonym to anyone.
 *
 * <p>A template is used only for the settings it was made with ({@link #recipe}: the demo's size and seed, the
 * privacy and publication settings, the establishments' files, the jar): anything else and the demo is built at start.
 */
public final class DemoHome {
    /** What a template was made for, written last: a folder without it is no template. */
    static final String RECIPE = "demo-home.properties";

    private static final String FOLDER = "demo-home";
    /** Why a home is not made from the template that needs no saying: it exists. */
    public static final String NOT_NEW = "the home is not new";
    /** What a copied home makes for itself: secrets, logs, uploads, a server's mark. */
    private static final List<String> NOT_COPIED = List.of("keys", "logs", "uploads", RunningServer.FILE);

    private DemoHome() {}

    /** Where the build leaves it: beside the running jar (or the classes folder). */
    public static Path besideCode() {
        return code().toAbsolutePath().normalize().resolveSibling(FOLDER);
    }

    /**
     * Builds the demo home in {@code dir} (replaced) as {@code serve --demo} would on a new home, with {@code settings}
     * (their home is ignored), then removes every secret from it.
     */
    public static void build(Path dir, Settings settings, int people, long seed) {
        Path target = dir.toAbsolutePath().normalize();
        Path building = target.resolveSibling(target.getFileName() + ".building");
        Folders.deleteTree(building);
        Settings here = new Settings(
                building,
                new Settings.Neo4j(null, null, null, null, 0, settings.neo4j().pageCacheMb()),
                settings.privacy(),
                settings.catalogue(),
                settings.publishing());
        try (Environment env = Environment.open(here)) {
            fr.passerelle.ingest.ImportReport report = env.rebuildWithDemo(people, seed);
            Publication first = env.releases().publish(null).release();
            ReleaseApi.startKept(Settings.RELEASE_PAGE_CACHE_BYTES, first, here.apiStoreDir())
                    .close();
            // The analysts' store too: the copy gives it its own analyst account (ReleaseStore.adopt).
            fr.passerelle.publish.ReleaseStore.build(
                    first,
                    here.analystDir(),
                    fr.passerelle.analyst.AnalystNeo4j.USER,
                    fr.passerelle.publish.ReleaseStore.randomPassword());
            env.db().runAlone("person/forget-key", Map.of());
            System.out.printf("Demo home: %d people, release %d, in %s%n", report.added(), first.version(), target);
        }
        strip(building);
        try {
            Files.writeString(building.resolve(RECIPE), recipe(settings, people, seed), StandardCharsets.UTF_8);
            Folders.deleteTree(target);
            Files.move(building, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot finish the demo home in " + target, e);
        }
    }

    /**
     * Copies {@code template} into {@code settings.home()} when that home holds nothing yet and the template was made
     * for these settings; says why not otherwise (empty: copied).
     */
    public static Optional<String> copyIfNew(Path template, Settings settings, int people, long seed) {
        Path home = settings.home().toAbsolutePath().normalize();
        if (!settings.neo4j().embedded()) {
            return Optional.of("the database is external");
        }
        Path recipeFile = template.resolve(RECIPE);
        try {
            if (Files.exists(home) && !isEmpty(home)) {
                return Optional.of(NOT_NEW);
            }
            if (!Files.isRegularFile(recipeFile)) {
                return Optional.of("no demo home prepared by the build in " + template);
            }
            if (!Files.readString(recipeFile, StandardCharsets.UTF_8).equals(recipe(settings, people, seed))) {
                return Optional.of("the demo home in " + template + " was prepared for other settings");
            }
            Path copying = home.resolveSibling(home.getFileName() + ".copying");
            Folders.deleteTree(copying);
            copyTree(template, copying);
            Files.delete(copying.resolve(RECIPE));
            Files.deleteIfExists(home); // an empty folder
            Files.move(copying, home, StandardCopyOption.ATOMIC_MOVE);
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the demo home " + template + " into " + home, e);
        }
    }

    /**
     * What the template was made for, as text: equal texts, equal demo. The jar is identified by its size and time,
     * so that a rebuilt jar does not serve a template made by another.
     */
    static String recipe(Settings settings, int people, long seed) {
        Properties p = new Properties();
        p.setProperty("people", Integer.toString(people));
        p.setProperty("seed", Long.toString(seed));
        Settings.Privacy privacy = settings.privacy();
        p.setProperty("k", Integer.toString(privacy.k()));
        p.setProperty("minDenominator", Integer.toString(privacy.minDenominator()));
        p.setProperty("regionLevel", String.valueOf(privacy.regionLevel()));
        p.setProperty("publishing", settings.publishing().toString());
        p.setProperty(
                "catalogue",
                settings.catalogue() == null
                        ? "bundled"
                        : fileIdentity(settings.catalogue().toAbsolutePath().normalize()));
        p.setProperty(
                "establishments",
                fr.passerelle.market.Establishments.standardFiles().stream()
                        .map(DemoHome::fileIdentity)
                        .toList()
                        .toString());
        p.setProperty("code", fileIdentity(code()));
        StringBuilder text = new StringBuilder();
        p.stringPropertyNames().stream()
                .sorted()
                .forEach(name -> text.append(name)
                        .append('=')
                        .append(p.getProperty(name))
                        .append('\n'));
        return text.toString();
    }

    private static String fileIdentity(Path file) {
        try {
            return Files.isRegularFile(file)
                    ? file + ":" + Files.size(file) + ":"
                            + Files.getLastModifiedTime(file).toMillis()
                    : file + (Files.isDirectory(file) ? ":folder" : ":missing");
        } catch (IOException e) {
            return file + ":unreadable";
        }
    }

    private static Path code() {
        try {
            return Path.of(DemoHome.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every secret and per-process file out, and the stores' accounts (the copy's first start makes its own). */
    private static void strip(Path home) {
        for (String name : NOT_COPIED) {
            Folders.deleteTree(home.resolve(name));
        }
        Path store = home.resolve("neo4j");
        fr.passerelle.graph.Neo4jConfig.forgetAccounts(store);
        Folders.deleteTree(store.resolve("logs"));
        ReleaseApi.forgetSecrets(home.resolve("api-store"));
        fr.passerelle.publish.ReleaseStore.forgetAccounts(home.resolve("analyst"));
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (var entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path dest = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    // With its permissions: the kept stores and the release state are owner-only.
                    Files.copy(p, dest, StandardCopyOption.COPY_ATTRIBUTES);
                } else {
                    Files.copy(p, dest, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
