package fr.passerelle.publish;

import fr.passerelle.graph.Database;
import fr.passerelle.graph.EmbeddedNeo4j;
import fr.passerelle.graph.Neo4jConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;

/**
 * A Neo4j store that holds one release and nothing else, loaded by the same script an open-data
 * user runs ({@link Publisher#LOAD_ORDER}, {@link #load}) and served read-only, with authentication
 * on. The analysts read one built here for each release; the API reads a {@link ReleaseInstance}
 * loaded by the same script: neither ever holds a person.
 */
public final class ReleaseStore {
    /** Page cache of each release store (the API's, the analysts'): a release is tens of MiB, whatever the people. */
    public static final long PAGE_CACHE_BYTES = 64L << 20;

    private ReleaseStore() {}

    /** A password nobody types: a store administrator's (forgotten with the process), the API reader's. */
    public static String randomPassword() {
        return HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
    }

    /**
     * Builds a new store under {@code parent} from {@code release}'s open files, with one account {@code user}:
     * the analysts' store (public tables only).
     */
    public static Path build(Publication release, Path parent, String user, String password) {
        Path home = parent.toAbsolutePath().normalize().resolve("store-" + release.version() + "-" + System.nanoTime());
        String admin = randomPassword();
        try {
            Files.createDirectories(home);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + home, e);
        }
        // The administrator's password is random and forgotten: nobody logs in as neo4j.
        Neo4jConfig.setInitialPassword(home, admin);
        long t0 = System.nanoTime();
        int port = EmbeddedNeo4j.freePort();
        DatabaseManagementService writable = Neo4jConfig.bolt(configure(home, PAGE_CACHE_BYTES), "127.0.0.1", port)
                .setConfig(GraphDatabaseSettings.allow_file_urls, true)
                .setConfig(
                        GraphDatabaseSettings.load_csv_file_url_root,
                        release.dir().toAbsolutePath().normalize())
                .build();
        long t1 = System.nanoTime();
        try (Database store =
                Database.connect("bolt://127.0.0.1:" + port, "neo4j", admin, "neo4j", Duration.ofMinutes(1))) {
            load(store, statements(release.dir(), false));
            store.on("system").runAlone("published/create-analyst-user", Map.of("user", user, "password", password));
            // Last: what the store holds and for whom, so that the next start serves it without building another.
            Files.writeString(home.resolve(HOLDS), identity(release) + accountMark(user, password) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot mark " + home, e);
        } finally {
            long t2 = System.nanoTime();
            writable.shutdown();
            if (fr.passerelle.graph.Database.PROFILE_ENABLED) {
                System.err.printf(
                        "release store: start %.1f s, load %.1f s, stop %.1f s%n",
                        (t1 - t0) / 1e9, (t2 - t1) / 1e9, (System.nanoTime() - t2) / 1e9);
            }
        }
        return home;
    }

    private static final String HOLDS = "holds.txt";

    /**
     * A store {@link #build} made under {@code parent} for this very release and account (the analysts' store left by
     * the last start), if there is one: serving it spares building another (about 10 s on the demo).
     */
    public static java.util.Optional<Path> built(Publication release, Path parent, String user, String password) {
        Path dir = parent.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            return java.util.Optional.empty();
        }
        String identity = identity(release);
        try (var stores = Files.newDirectoryStream(dir, "store-*")) {
            for (Path store : stores) {
                Path holds = store.resolve(HOLDS);
                if (!Files.isRegularFile(holds)) {
                    continue;
                }
                String text = Files.readString(holds);
                if (!text.startsWith(identity)) {
                    continue;
                }
                String account = text.substring(identity.length()).strip();
                if (account.isEmpty() && Neo4jConfig.hasNoAccounts(store)) {
                    return java.util.Optional.of(adopt(store, release, user, password));
                }
                if (sameAccount(account, user, password)) {
                    return java.util.Optional.of(store);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir, e);
        }
        return java.util.Optional.empty();
    }

    /**
     * A store copied without its accounts (the build's demo home, {@link #forgetAccounts}) made this home's: a new
     * administrator's password, random and forgotten as in {@link #build}, and {@code user}'s account. A second or two
     * where building it again takes about ten.
     */
    private static Path adopt(Path home, Publication release, String user, String password) {
        String admin = randomPassword();
        Neo4jConfig.setInitialPassword(home, admin);
        int port = EmbeddedNeo4j.freePort();
        DatabaseManagementService service = Neo4jConfig.bolt(configure(home, PAGE_CACHE_BYTES), "127.0.0.1", port)
                .build();
        try (Database store =
                Database.connect("bolt://127.0.0.1:" + port, "neo4j", admin, "neo4j", Duration.ofMinutes(1))) {
            store.on("system").runAlone("published/create-analyst-user", Map.of("user", user, "password", password));
            Files.writeString(home.resolve(HOLDS), identity(release) + accountMark(user, password) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot mark " + home, e);
        } finally {
            service.shutdown();
        }
        return home;
    }

    /**
     * Removes from the stores {@link #build} made under {@code parent} their accounts, logs and the account they were
     * marked with, so that they can be copied to another home ({@link #adopt} makes them its own).
     */
    public static void forgetAccounts(Path parent) {
        if (!Files.isDirectory(parent)) {
            return;
        }
        try (var stores = Files.newDirectoryStream(parent, "store-*")) {
            for (Path store : stores) {
                Neo4jConfig.forgetAccounts(store);
                fr.passerelle.files.Folders.deleteTree(store.resolve("logs"));
                Path holds = store.resolve(HOLDS);
                if (Files.isRegularFile(holds)) {
                    Files.writeString(holds, Files.readAllLines(holds).get(0) + "\n");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + parent, e);
        }
    }

    /**
     * Removes every store (every folder) under {@code parent} but {@code kept}: older releases', or ones a killed
     * process left. Files beside them (the API reader's password) stay.
     */
    public static void removeOthers(Path parent, Path kept) {
        try (var stores = Files.newDirectoryStream(parent.toAbsolutePath().normalize(), Files::isDirectory)) {
            for (Path store : stores) {
                if (!store.equals(kept.toAbsolutePath().normalize())) {
                    fr.passerelle.files.Folders.deleteTree(store);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + parent, e);
        }
    }

    /**
     * What a store built from {@code release} holds, wherever the release's folder is: its version and a hash of its
     * description (the time it was published, its counts), or its folder when it has none.
     */
    static String identity(Publication release) {
        Path description = release.dir().resolve(Publication.DESCRIPTION);
        try {
            String described = Files.isRegularFile(description)
                    ? sha256(Files.readString(description))
                    : release.dir().toAbsolutePath().normalize().toString();
            return release.version() + " " + described + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + description, e);
        }
    }

    /**
     * What a kept store remembers of the account it was opened to, without the password: a salted, slow hash (the
     * analysts' password may be one a person chose), as Neo4j keeps it.
     */
    static String accountMark(String user, String password) {
        byte[] salt = new SecureRandom().generateSeed(16);
        return "pbkdf2:" + HexFormat.of().formatHex(salt) + ":" + pbkdf2(user, password, salt);
    }

    /** Whether {@code mark} ({@link #accountMark}) was made for this account and password. */
    static boolean sameAccount(String mark, String user, String password) {
        String[] parts = mark.split(":");
        if (parts.length != 3 || !parts[0].equals("pbkdf2")) {
            return false;
        }
        try {
            byte[] salt = HexFormat.of().parseHex(parts[1]);
            return java.security.MessageDigest.isEqual(
                    parts[2].getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                    pbkdf2(user, password, salt).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String pbkdf2(String user, String password, byte[] salt) {
        try {
            javax.crypto.SecretKeyFactory f = javax.crypto.SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256");
            byte[] hash = f.generateSecret(
                            new javax.crypto.spec.PBEKeySpec((user + ":" + password).toCharArray(), salt, 20_000, 256))
                    .getEncoded();
            return HexFormat.of().formatHex(hash);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available", e);
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                            .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Runs {@code statements} (from {@link #statements}) on {@code store}, whose LOAD CSV root holds the release's
     * files (the statements read {@code file:///<table>.csv}), then waits for its indexes.
     */
    static void load(Database store, List<String> statements) {
        for (String name : statements) {
            // Auto-commit, as cypher-shell runs the exported script.
            store.runAlone(name, Map.of("base", "file:///"));
        }
        store.runSchema("schema/await-indexes");
    }

    /**
     * The statements that load the release in {@code dir}: a table with no row needs none (each costs its planning on
     * a new store, about 0.1 s, which small releases would pay for nothing), nor does a private table a release
     * published before establishments existed lacks.
     */
    static List<String> statements(Path dir, boolean withPrivate) {
        List<String> all = new java.util.ArrayList<>(Publisher.LOAD_ORDER);
        if (withPrivate) {
            all.addAll(InstitutionTables.LOAD_ORDER);
        }
        return all.stream()
                .filter(name -> {
                    String file = csvOf(name);
                    return file == null || (Files.exists(dir.resolve(file)) && hasRows(dir.resolve(file)));
                })
                .toList();
    }

    private static final java.util.regex.Pattern CSV =
            java.util.regex.Pattern.compile("\\$base \\+ '([a-z/-]+\\.csv)'");

    /** The release file a load statement reads ({@code $base + 'x.csv'}), null for a statement reading none. */
    static String csvOf(String statement) {
        java.util.regex.Matcher m = CSV.matcher(fr.passerelle.graph.Cypher.load(statement));
        return m.find() ? m.group(1) : null;
    }

    /** Whether a release file holds a row under its header. */
    static boolean hasRows(Path file) {
        try (java.io.BufferedReader r = Files.newBufferedReader(file, java.nio.charset.StandardCharsets.UTF_8)) {
            r.readLine();
            String row;
            while ((row = r.readLine()) != null) {
                if (!row.isBlank()) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /**
     * The settings every release store runs with, on top of {@link Neo4jConfig#builder}: no file
     * URLs for LOAD CSV once served, no address it may fetch, readers' queries cut after a minute.
     */
    public static DatabaseManagementServiceBuilder configure(Path home, long pageCacheBytes) {
        return Neo4jConfig.builder(home, pageCacheBytes, Duration.ofSeconds(60))
                .setConfig(GraphDatabaseSettings.allow_file_urls, false)
                // LOAD CSV may not fetch any address: no server-side requests from a reader's Cypher.
                .setConfig(
                        GraphDatabaseInternalSettings.cypher_ip_blocklist,
                        java.util.List.of(
                                new inet.ipaddr.IPAddressString("0.0.0.0/0"), new inet.ipaddr.IPAddressString("::/0")));
    }

    /**
     * What every served release store runs with, on top of {@link #configure}: read-only. (Community
     * has no way to withhold built-in procedures such as {@code dbms.listConfig} from a user; the
     * allowlist setting only covers plugins, and none is loaded.)
     */
    public static DatabaseManagementServiceBuilder forReaders(Path store, long pageCacheBytes) {
        return configure(store, pageCacheBytes).setConfig(GraphDatabaseSettings.read_only_database_default, true);
    }
}
