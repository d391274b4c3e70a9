package fr.passerelle.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * API keys with roles. Only each key's SHA-256 is stored (keys are 256 random bits, so a fast hash is
 * enough to make the file useless to a reader), in an owner-only file of lines
 * {@code name,role,sha256,created[,perMinute[,institutions]]}. A key is shown once, when created.
 * {@code perMinute} is the key's own rate limit (an orientation app serving many users needs more than
 * one person does); absent or 0, the server's limit applies. An institution key names the
 * establishments (UAI, space-separated) whose private figures it reads.
 */
public final class ApiKeys {
    /**
     * What a key may do: a reader reads recommendations; an institution also reads its own establishments'
     * private figures (and nobody else's); an admin also imports, erases, purges and publishes.
     */
    public enum Role {
        READER,
        INSTITUTION,
        ADMIN;

        boolean allows(Role needed) {
            return this == needed || needed == READER || this == ADMIN && needed != INSTITUTION;
        }
    }

    /** A stored key (without the key itself); {@code institutions} the UAIs an institution key reads. */
    public record Key(String name, Role role, String sha256, String created, int perMinute, List<String> institutions) {
        public Key {
            if (perMinute < 0) {
                throw new IllegalArgumentException(
                        "a key's rate limit is 0 (the server's) or more requests per minute, got " + perMinute);
            }
            institutions = List.copyOf(institutions);
            for (String uai : institutions) {
                if (fr.passerelle.catalog.Uai.normalise(uai).filter(uai::equals).isEmpty()) {
                    throw new IllegalArgumentException(
                            "'" + uai + "' is not a UAI (seven digits and its check letter)");
                }
            }
            if ((role == Role.INSTITUTION) != !institutions.isEmpty()) {
                throw new IllegalArgumentException(
                        "an institution key names one or more establishments (UAI), and only an institution key does");
            }
        }

        public Key(String name, Role role, String sha256, String created, int perMinute) {
            this(name, role, sha256, created, perMinute, List.of());
        }
    }

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private final Path file;
    private volatile List<Key> keys;
    private volatile long loadedModified;

    private final OpenEstablishments openEstablishments;

    private ApiKeys(Path file, List<Key> keys) {
        this.file = file;
        this.openEstablishments = OpenEstablishments.beside(file);
        this.keys = keys;
        this.loadedModified = modified(file);
    }

    /** Keys created or revoked with the CLI while the server runs take effect at the next request. */
    private void reloadIfChanged() {
        long now = modified(file);
        if (now != loadedModified) {
            synchronized (this) {
                if (now != loadedModified) {
                    keys = load(file).keys;
                    loadedModified = now;
                }
            }
        }
    }

    private static long modified(Path file) {
        try {
            return file != null && Files.exists(file)
                    ? Files.getLastModifiedTime(file).toMillis()
                    : -1;
        } catch (IOException e) {
            return -1;
        }
    }

    /** No keys at all: admin routes refuse everyone. */
    public static ApiKeys none() {
        return new ApiKeys(null, List.of());
    }

    public static ApiKeys load(Path file) {
        List<Key> keys = new ArrayList<>();
        if (Files.exists(file)) {
            try {
                int n = 0;
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    n++;
                    if (line.isBlank() || line.startsWith("#")) {
                        continue;
                    }
                    String[] f = line.split(",", -1);
                    if (f.length < 4 || f.length > 6) {
                        throw new IllegalStateException(
                                file + ":" + n + ": expected name,role,sha256,created[,perMinute[,institutions]]");
                    }
                    try {
                        keys.add(new Key(
                                f[0],
                                Role.valueOf(f[1].toUpperCase(java.util.Locale.ROOT)),
                                f[2],
                                f[3],
                                f.length >= 5 ? Integer.parseInt(f[4]) : 0,
                                f.length == 6 && !f[5].isBlank()
                                        ? List.of(f[5].trim().split(" +"))
                                        : List.of()));
                    } catch (IllegalArgumentException e) {
                        throw new IllegalStateException(file + ":" + n + ": " + e.getMessage());
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the API keys " + file, e);
            }
        }
        return new ApiKeys(file, List.copyOf(keys));
    }

    /** The establishments that chose to publish their figures (kept beside the keys). */
    public OpenEstablishments openEstablishments() {
        return openEstablishments;
    }

    public List<Key> list() {
        return keys;
    }

    /** The stored key matching {@code presented}, compared in constant time. */
    public Optional<Key> find(String presented) {
        if (presented == null || presented.isBlank()) {
            return Optional.empty();
        }
        reloadIfChanged();
        byte[] hash = fr.passerelle.privacy.Digest.sha256Hex(presented.strip()).getBytes(StandardCharsets.US_ASCII);
        Key match = null;
        for (Key k : keys) {
            if (MessageDigest.isEqual(hash, k.sha256().getBytes(StandardCharsets.US_ASCII))) {
                match = k;
            }
        }
        return Optional.ofNullable(match);
    }

    /** Creates a key and returns it in clear, the only time it is ever available. */
    public synchronized String create(String name, Role role, Clock clock) {
        return create(name, role, 0, clock);
    }

    /** The same with the key's own rate limit in requests per minute (0: the server's). */
    public synchronized String create(String name, Role role, int perMinute, Clock clock) {
        return create(name, role, perMinute, List.of(), clock);
    }

    /** The same for an institution key, reading the private figures of {@code institutions} (UAI codes). */
    public synchronized String create(String name, Role role, int perMinute, List<String> institutions, Clock clock) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "key name '" + name + "': letters, digits, '.', '_', '-' only, at most 64");
        }
        if (keys.stream().anyMatch(k -> k.name().equals(name))) {
            throw new IllegalArgumentException("a key named '" + name + "' exists; revoke it first");
        }
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        String key = "pk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        List<Key> next = new ArrayList<>(keys);
        next.add(new Key(
                name,
                role,
                fr.passerelle.privacy.Digest.sha256Hex(key),
                clock.instant().toString(),
                perMinute,
                institutions));
        save(next);
        return key;
    }

    /** Removes the key named {@code name}; false when there was none. */
    public synchronized boolean revoke(String name) {
        List<Key> next = new ArrayList<>(keys);
        boolean removed = next.removeIf(k -> k.name().equals(name));
        if (removed) {
            save(next);
        }
        return removed;
    }

    private void save(List<Key> next) {
        if (file == null) {
            throw new IllegalStateException("no key file");
        }
        try {
            Files.createDirectories(file.getParent());
            if (!Files.exists(file)) {
                Files.createFile(
                        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            StringBuilder text = new StringBuilder(
                    "# name,role,sha256,created,perMinute,institutions (keys themselves are never stored; perMinute 0: the"
                            + " server's limit; institutions: the UAIs an institution key reads)\n");
            for (Key k : next) {
                text.append(k.name())
                        .append(',')
                        .append(k.role().name().toLowerCase(java.util.Locale.ROOT))
                        .append(',')
                        .append(k.sha256())
                        .append(',')
                        .append(k.created())
                        .append(',')
                        .append(k.perMinute())
                        .append(k.institutions().isEmpty() ? "" : "," + String.join(" ", k.institutions()))
                        .append('\n');
            }
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            Files.move(
                    tmp,
                    file,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            keys = List.copyOf(next);
            loadedModified = modified(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the API keys " + file, e);
        }
    }
}
