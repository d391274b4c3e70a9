package fr.passerelle.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * The server running on a home, as {@code <home>/server.json} says (written when {@code serve} is
 * ready, removed when it stops): the command line reads it to work beside the server instead of
 * failing on a store in use. A file left by a killed server is ignored (its process is gone).
 *
 * @param pid the server's process
 * @param url where its API answers
 * @param analystBolt the analysts' read-only Bolt address (null when analysts are off)
 * @param storeBolt the person store's Bolt address (null for an external Neo4j): commands that only
 *     need a store can reach it there, with the home's Neo4j password
 */
public record RunningServer(long pid, String url, String analystBolt, String storeBolt) {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String FILE = "server.json";

    /** Says that this process serves {@code home} (owner-only file, written whole by a rename). */
    public void write(Path home) {
        try {
            Path tmp = home.resolve(FILE + ".tmp");
            Files.deleteIfExists(tmp);
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            JSON.writeValue(tmp.toFile(), this);
            Files.move(tmp, home.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + home.resolve(FILE), e);
        }
    }

    /** Removes the file of {@code home} if it is this server's. */
    public void remove(Path home) {
        on(home).filter(s -> s.pid() == pid).ifPresent(s -> {
            try {
                Files.deleteIfExists(home.resolve(FILE));
            } catch (IOException e) {
                // The next reader checks the process anyway.
            }
        });
    }

    /** The server running on {@code home}, if its process is alive (and is not this one). */
    public static Optional<RunningServer> on(Path home) {
        Path file = home.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        RunningServer server;
        try {
            server = JSON.readValue(file.toFile(), RunningServer.class);
        } catch (IOException e) {
            return Optional.empty();
        }
        if (server.pid() == ProcessHandle.current().pid()) {
            return Optional.empty();
        }
        return ProcessHandle.of(server.pid())
                .filter(ProcessHandle::isAlive)
                // A killed server's number may since be another program's: a Java process, or nothing.
                .filter(p -> p.info().command().map(c -> c.contains("java")).orElse(true))
                .map(p -> server);
    }

    /** What a command gets when it would open the store this server holds. */
    public static final class Busy extends IllegalStateException {
        private static final long serialVersionUID = 1L;
        private final transient RunningServer server;
        private final transient Path home;

        Busy(RunningServer server, Path home) {
            super("a Passerelle server is running on this home (pid " + server.pid() + ", " + server.url()
                    + ") and holds its store");
            this.server = server;
            this.home = home;
        }

        public RunningServer server() {
            return server;
        }

        public Path home() {
            return home;
        }
    }

    /**
     * What to do instead of {@code command} while this server holds the store: the command that does its
     * work through the server's admin API (an admin key, which {@code apikey create} makes while the
     * server runs: it reads new keys at once) or beside it, else stopping the server first.
     */
    public String advice(String command, Path home) {
        String admin = "Do it through the server (an admin key: apikey create --name ops --role admin):\n  "
                + "curl -X POST -H 'Authorization: Bearer ADMIN_KEY' ";
        String stop = "or stop it first (kill " + pid + ").";
        return switch (command) {
            case "backup" ->
                storeBolt == null
                        ? null
                        : "Do it beside the server:\n  passerelle backup --neo4j-uri " + storeBolt
                                + " --neo4j-user neo4j --neo4j-password \"$(cat "
                                + home.toAbsolutePath().resolve("keys").resolve("neo4j.password") + ")\" --out DIR\n"
                                + stop;
            case "publish" -> admin + "'" + url + "/api/admin/publish'   (add ?force=true to publish now)\n" + stop;
            case "erase" ->
                admin + "-H 'Content-Type: application/json' -d '{\"source\": \"S\", \"ids\": [\"ID\"]}' '" + url
                        + "/api/admin/erase'\n" + stop;
            case "purge" -> admin + "'" + url + "/api/admin/purge'\n" + stop;
            case "import" ->
                admin + "-H 'Content-Type: application/x-ndjson' --data-binary @FILE.jsonl '" + url
                        + "/api/admin/import'\n" + stop;
            default -> null;
        };
    }
}
