package fr.passerelle;

import fr.passerelle.catalog.Catalogue;
import fr.passerelle.catalog.Regions;
import fr.passerelle.graph.Database;
import fr.passerelle.ingest.Importer;
import fr.passerelle.ingest.Normaliser;
import fr.passerelle.privacy.HmacKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/** Small hand-built populations and graph snapshots for tests. */
public final class Fixtures {
    public static final HmacKey KEY =
            HmacKey.of("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
    public static final fr.passerelle.privacy.RecordKeys RECORD_KEYS =
            fr.passerelle.privacy.RecordKeys.of("fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII));
    public static final fr.passerelle.privacy.Register.Settings REGISTER =
            new fr.passerelle.privacy.Register.Settings(KEY.keyId(), 24, "REGION");
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC);

    private Fixtures() {}

    public static Importer importer(Database db, int batchSize) {
        Normaliser normaliser =
                new Normaliser(Catalogue.bundled(), Regions.bundled(), KEY, Normaliser.RegionLevel.REGION);
        return new Importer(db, normaliser, KEY, RECORD_KEYS, batchSize, CLOCK);
    }

    /** One JSON line; each step is "KIND:CODE:START" (start optional), e.g. "education:BTS-MCO:2019-09". */
    public static String line(String source, String id, String... steps) {
        StringJoiner json =
                new StringJoiner(",", "{\"source\":\"" + source + "\",\"id\":\"" + id + "\",\"steps\":[", "]}");
        for (String step : steps) {
            String[] p = step.split(":", 4);
            StringBuilder s = new StringBuilder("{\"kind\":\"" + p[0] + "\",\"code\":\"" + p[1] + "\"");
            if (p.length > 2) {
                s.append(",\"start\":\"").append(p[2]).append('"');
            }
            if (p.length > 3) {
                s.append(",\"region\":\"").append(p[3]).append('"');
            }
            json.add(s.append('}'));
        }
        return json.toString();
    }

    /** The release's noise, as {@link #publisher} applies it. */
    public static final fr.passerelle.privacy.PerturbationTable NOISE =
            fr.passerelle.privacy.PerturbationTable.defaults(11);

    private static fr.passerelle.publish.Publication demo;

    /**
     * The demo population (6,000 people, seed 42) published once per test JVM, in a folder of its own
     * that outlives each test's database: the tests that only read a demo release share it instead of
     * importing and publishing it each (about 20 s each on this machine). Resets the live database.
     */
    private static fr.passerelle.publish.ReleaseApi demoRelease;

    /**
     * The demo release served as the API serves it, one store per test JVM (each store costs its start, its load and
     * the planning of every query on it): for tests that only read it. Callers never close it.
     */
    public static synchronized fr.passerelle.publish.ReleaseApi demoRelease() {
        if (demoRelease == null) {
            // Its instance stops with the process (ReleaseInstances' exit hook).
            demoRelease = fr.passerelle.publish.ReleaseApi.start(16L << 20, demoPublication());
        }
        return demoRelease;
    }

    public static synchronized fr.passerelle.publish.Publication demoPublication() {
        if (demo == null) {
            try {
                Path dir = Files.createTempDirectory("passerelle-demo-release-");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> fr.passerelle.files.Folders.deleteTree(dir)));
                Database live = TestNeo4j.reset();
                importer(live, 2000)
                        .importRecords(
                                new fr.passerelle.demo.DemoGenerator(
                                                fr.passerelle.catalog.Catalogue.bundled(),
                                                fr.passerelle.market.Establishments.load(
                                                        establishmentFiles(dir.resolve("establishments")),
                                                        dir.resolve("establishments")))
                                        .generate(6000, 42),
                                n -> {});
                // With the test's labour-market files: the same notes whether or not ../shared/data is at hand.
                demo = publisher(live)
                        .withMarket(fr.passerelle.market.MarketNotes.load(marketFiles(dir.resolve("market"))))
                        .publish(dir.resolve("published"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return demo;
    }

    /**
     * Establishment files in the official formats (DEPP per-establishment InserJeunes, InserSup masters), two
     * real establishments: the Université d'Angers (0490970N, Pays de la Loire) and a lycée of Rennes (0350005R,
     * Bretagne). The demo places its people there whether or not ../shared/data is at hand.
     */
    public static Path establishmentFiles(Path dir) {
        try {
            Files.createDirectories(dir);
            Files.writeString(
                    dir.resolve("depp-2022-etablissements-2022_2023-pro.csv"),
                    "n°UAI de l'établissement;Libellé de l'établissement;Région;Dont apprentis en EPLE;"
                            + "Taux de poursuite d'études;Taux;Taux attendu;Valeur ajoutée;Part en poursuite d'études;"
                            + "Part en emploi 6 mois après la sortie;Part des autres situations\n"
                            + "0350005R;Lycée polyvalent Yvon-Bourges;BRETAGNE;ensemble;51;65;62;2;51;32;17\n");
            Files.writeString(
                    dir.resolve("fr-esr-insertion_professionnelle-master.csv"),
                    "annee;diplome;numero_de_l_etablissement;etablissement\n2016;MASTER LMD;0490970N;Angers\n");
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Labour-market files in the public files' formats: M1805 in two job families (the larger one is used),
     * with a regional row for Provence-Alpes-Côte d'Azur (93) and France Travail's figures; M1802 in one.
     */
    public static Path marketFiles(Path dir) {
        try {
            java.nio.file.Files.createDirectories(dir);
            String header = "fap,Emploi moyen,Tension ,Catégorie Tension,Intensité d'embauches,Lien formation-emploi,"
                    + "Manque de main-d'œuvre disponible,Non-durabilité de l'emploi,Conditions de travail contraignantes,"
                    + "Inadéquation géographique,Année,niveau_geo,niveau_fap,reg,dep\n";
            java.nio.file.Files.writeString(
                    dir.resolve("tensions.csv"),
                    header
                            + "M2Z90,180000,0.85,5.0,3.0,4.0,5.0,1.0,1.0,2.0,2019,nat,fap 225,,\n"
                            + "M2Z90,21000,0.41,4.0,3.0,4.0,4.0,1.0,1.0,2.0,2019,reg,fap 225,93.0,\n"
                            + "M2Z92,30000,-0.2,2.0,2.0,2.0,2.0,2.0,2.0,2.0,2019,nat,fap 225,,\n"
                            + "M2Z90,180000,0.5,4.0,3.0,4.0,5.0,1.0,1.0,2.0,2019,nat,fap 87,,\n");
            java.nio.file.Files.writeString(
                    dir.resolve("fap225_rome.csv"),
                    "Fap;Rome;intitule_rome\nM2Z90;M1805;Études et développement informatique\n"
                            + "M2Z92;M1805;Études et développement informatique\nM2Z92;M1802;Expertise\nA0Z00;NA;NA\n");
            java.nio.file.Files.writeString(
                    dir.resolve("occupations_fr.csv"),
                    "title,category,slug,code_rome,salaire_median_annuel,salaire_median_horaire,niveau_education,"
                            + "nombre_demandeurs,nombre_offres,tension_pct,tension_desc,description,url\n"
                            + "Développeur,x,x,M1805,38000,24.5,Bac+3,52000,61000,4,Favorable,\"Conçoit\",https://x\n");
            return dir;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * InserJeunes' files in their official formats (a byte-order mark included), with Certif Info's
     * certification -> CFD column: BTS SIO SLAM in two regions and millésimes joined through the MEF table
     * (150 final-year students, 50 in further study, 100 leavers, 50 and 60 in a job at 6 and 12 months),
     * BTS CG by its CFD with its employment masked. Returns the diplomas folder and the InserJeunes folder.
     */
    public static Path[] inserJeunesFiles(Path dir) {
        try {
            Path diplomas = Files.createDirectories(dir.resolve("diplomas"));
            Files.writeString(
                    diplomas.resolve("formation_rome.csv"),
                    "Code_Diplome;Libelle_Diplome;Code_Scolarité\n106519;BTS SIO option B;32032614\n"
                            + "83602;BTS comptabilité et gestion;32031408\n");
            Path ij = Files.createDirectories(dir.resolve("inserjeunes"));
            Files.writeString(
                    ij.resolve("nMef.csv"), "\uFEFFMEF;FORMATION_DIPLOME;MEF_STAT_11\n1;32032614;31122032614\n");
            Files.writeString(
                    ij.resolve("ij_region_data.csv"),
                    "\uFEFFid;millesime;code_region;voie;cfd;mefstat11;nb_annee_term;nb_en_emploi_12_mois;"
                            + "nb_en_emploi_6_mois;nb_poursuite_etudes;nb_sortant\n"
                            // Two regions of BTS SIO SLAM, joined through the MEF (no CFD on the row).
                            + "a;2021_2022;84;scolaire;;31122032614;100;36;30;40;60\n"
                            + "b;2022_2023;11;apprentissage;;31122032614;50;24;20;10;40\n"
                            // BTS CG by its CFD, employment masked.
                            + "c;2022_2023;84;scolaire;32031408;;80;;;20;60\n");
            return new Path[] {diplomas, ij};
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The publisher tests use: default thresholds and noise, the test record keys, the fixed clock. */
    public static fr.passerelle.publish.Publisher publisher(Database live) {
        return new fr.passerelle.publish.Publisher(
                live, fr.passerelle.privacy.Thresholds.defaults(), NOISE, RECORD_KEYS, CLOCK);
    }

    /** Publishes {@code live} under {@code dir} and serves the release read-only, as {@code serve} does for the API. */
    public static fr.passerelle.publish.ReleaseApi release(Database live, Path dir) {
        return fr.passerelle.publish.ReleaseApi.start(16L << 20, publisher(live).publish(dir.resolve("published")));
    }

    /**
     * The releases of a test home as {@code app/Environment} builds them: the default publication
     * policy, stable values kept in {@code dir/release-state}, releases in {@code dir/published}.
     * {@code -Dpasserelle.stableWithin=N} tries another band (how the default was chosen).
     */
    public static fr.passerelle.publish.Releases releases(Database db, Path dir, java.time.Clock clock) {
        fr.passerelle.app.Settings.Publishing p = fr.passerelle.app.Settings.Publishing.defaults();
        return new fr.passerelle.publish.Releases(
                db,
                new fr.passerelle.publish.Publisher(
                                db, fr.passerelle.privacy.Thresholds.defaults(), NOISE, RECORD_KEYS, clock)
                        .withStableValues(
                                dir.resolve("release-state"),
                                Integer.getInteger("passerelle.stableWithin", p.stableWithin())),
                dir.resolve("published"),
                new fr.passerelle.publish.PublicationPolicy(p.minChanges(), p.maxDelay(), p.checkEvery()),
                clock);
    }

    /**
     * The admin operations over a test database, as {@code app/Server} wires them: an erasure removes
     * the records at once, the published figures follow at the next release the policy allows;
     * uploads wait in {@code dir/uploads}.
     */
    public static fr.passerelle.api.Admin admin(Database db, fr.passerelle.publish.ReleaseApi release, Path dir) {
        fr.passerelle.lifecycle.Erasure erasure = new fr.passerelle.lifecycle.Erasure(db, KEY, CLOCK);
        fr.passerelle.publish.Releases releases = releases(db, dir, CLOCK);
        Path uploads = fr.passerelle.files.Folders.emptyOwnerOnly(dir.resolve("uploads"));
        return new fr.passerelle.api.Admin() {
            @Override
            public java.util.List<fr.passerelle.lifecycle.Erasure.Receipt> erase(
                    String source, java.util.List<String> ids) {
                return erasure.erase(source, ids, fr.passerelle.lifecycle.Erasure.Reason.ERASURE);
            }

            @Override
            public java.util.List<fr.passerelle.lifecycle.Erasure.Receipt> purge() {
                return erasure.purge(24);
            }

            @Override
            public fr.passerelle.publish.Releases.Outcome publish(String forcedBy) {
                fr.passerelle.publish.Releases.Outcome outcome = releases.publish(forcedBy);
                if (outcome.published()) {
                    release.switchTo(outcome.release());
                }
                return outcome;
            }

            @Override
            public java.util.Map<String, Object> schedule() {
                return releases.schedule();
            }

            @Override
            public Path uploads() {
                return uploads;
            }

            @Override
            public fr.passerelle.ingest.ImportReport importFile(Path file, boolean strict) {
                if (!file.startsWith(uploads)) {
                    throw new AssertionError("the body waits in the home's uploads, not in " + file);
                }
                return importer(db, 50).importFiles(java.util.List.of(file), strict, n -> {});
            }
        };
    }

    /** The services over a served release, as the API builds them. */
    public static fr.passerelle.recommend.Services services(fr.passerelle.publish.ReleaseApi release) {
        return fr.passerelle.recommend.Services.over(
                release.database(), fr.passerelle.privacy.Thresholds.defaults(), CLOCK, REGISTER);
    }

    /** The ids {@link #people} gives: prefix-0 .. prefix-(count-1). */
    public static List<String> ids(String prefix, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(prefix + "-" + i);
        }
        return ids;
    }

    /**
     * What the release shows for the cell named {@code cell} ({@link fr.passerelle.publish.CellName})
     * holding exactly these people of source "test": their count plus the noise their record keys and
     * the cell's name draw, or null when not released. Tests compute the expected answer
     * independently of the publisher this way.
     */
    @SafeVarargs
    public static Long released(String cell, List<String>... groups) {
        long n = 0;
        long key = fr.passerelle.publish.CellName.salt(cell);
        for (List<String> ids : groups) {
            for (String id : ids) {
                n++;
                key += RECORD_KEYS.of(KEY.pseudonym("test", id));
            }
        }
        return NOISE.release(n, key);
    }

    /** People who followed {@code steps} back to back: the released path cell. */
    @SafeVarargs
    public static Long path(List<String> steps, List<String>... groups) {
        return released(fr.passerelle.publish.CellName.path(steps), groups);
    }

    /** Of the people who followed {@code steps}, those who went on: never shown above the path's own count. */
    @SafeVarargs
    public static Long leaving(List<String> steps, List<String>... groups) {
        Long leaving = released(fr.passerelle.publish.CellName.leaving(steps), groups);
        Long all = path(steps, groups);
        if (leaving == null || all == null) {
            return leaving;
        }
        return Long.valueOf(Math.min(leaving, all));
    }

    /** {@code count} people with ids prefix-0.. following the same steps. */
    public static List<String> people(String prefix, int count, String... steps) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            lines.add(line("test", prefix + "-" + i, steps));
        }
        return lines;
    }

    public static Path write(Path dir, String name, List<String> lines) {
        try {
            Path file = dir.resolve(name);
            Files.write(file, lines, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes the test keys ({@link #KEY}, {@link #RECORD_KEYS}) as key files into {@code home/keys}, so
     * that a home opened by the application gives the pseudonyms and noise tests compute.
     */
    public static void writeKeys(Path home) {
        try {
            Path keys = Files.createDirectories(home.resolve("keys"));
            Map<String, String> secrets = Map.of(
                    "hmac.key", "0123456789abcdef0123456789abcdef", "record.key", "fedcba9876543210fedcba9876543210");
            for (Map.Entry<String, String> secret : secrets.entrySet()) {
                Files.writeString(
                        keys.resolve(secret.getKey()),
                        java.util.Base64.getEncoder()
                                        .encodeToString(secret.getValue().getBytes(StandardCharsets.US_ASCII))
                                + "\n");
            }
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Settings of a home on {@code neo4jUri} (an external Neo4j; null: embedded) with every other value at its default. */
    public static fr.passerelle.app.Settings settings(Path home, String neo4jUri, String user, String password) {
        return fr.passerelle.app.Settings.defaults(home).withBoltPort(0).withNeo4j(neo4jUri, user, password);
    }

    /** A release's tables by file name; not meta.csv, which says when and which version, so two releases of the same data compare equal. */
    public static java.util.TreeMap<String, String> releaseTables(Path release) {
        java.util.TreeMap<String, String> tables = new java.util.TreeMap<>();
        try (var files = Files.list(release)) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                if (name.endsWith(".csv") && !name.equals("meta.csv")) {
                    tables.put(name, Files.readString(f, StandardCharsets.UTF_8));
                }
            }
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
        return tables;
    }

    /** Steps, transitions and people as plain values, to compare two graphs. */
    public static Map<String, Object> snapshot(Database db) {
        return Map.of(
                "steps", db.read("test/snapshot-steps", Map.of(), r -> r.asMap()),
                "transitions", db.read("test/snapshot-transitions", Map.of(), r -> r.asMap()),
                "persons", db.read("test/snapshot-persons", Map.of(), r -> r.asMap()));
    }

    /** Only the aggregates, without the person layer. */
    public static Map<String, Object> aggregates(Database db) {
        return Map.of(
                "steps", db.read("test/snapshot-steps", Map.of(), r -> r.asMap()),
                "transitions", db.read("test/snapshot-transitions", Map.of(), r -> r.asMap()));
    }

    /**
     * Every kind of write a reader might try on a release store (data, deletion, schema) is refused by Neo4j with an
     * error whose code contains one of {@code codes} (what refuses it: the read-only database, the account's role).
     */
    public static void assertEveryWriteRefused(org.neo4j.driver.Driver reader, String... codes) {
        for (String write : List.of(
                "CREATE (:Person {pid: 'x'})",
                "MATCH (s:Step) SET s.people = 1",
                "MATCH (n) DETACH DELETE n",
                "CREATE INDEX x FOR (n:Step) ON (n.label)")) {
            org.neo4j.driver.exceptions.ClientException e = org.junit.jupiter.api.Assertions.assertThrows(
                    org.neo4j.driver.exceptions.ClientException.class,
                    () -> {
                        try (org.neo4j.driver.Session session =
                                reader.session(org.neo4j.driver.SessionConfig.forDatabase("neo4j"))) {
                            session.executeWrite(tx -> tx.run(write).consume());
                        }
                    },
                    write);
            org.junit.jupiter.api.Assertions.assertTrue(
                    java.util.Arrays.stream(codes).anyMatch(e.code()::contains),
                    write + ": " + e.code() + ", expected one of " + List.of(codes));
        }
    }
}
