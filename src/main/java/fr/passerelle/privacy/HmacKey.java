package fr.passerelle.privacy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secret behind every pseudonym: {@code HMAC-SHA-256(secret, source + ":" + id)}. Without the
 * secret a pseudonym cannot be recomputed from a known identifier, which is what makes the stored
 * person key a pseudonym and not a hash anyone could reverse by enumeration.
 *
 * <p>The secret comes from the environment variable {@value #ENV} (base64, at least 32 bytes) or
 * from a key file kept outside the database directory, created owner-only on first use. Its key id
 * (a fingerprint) is stored beside each pseudonym so a rotation can tell old from new.
 *
 * <p>Rotation: identifiers are never kept, so a stored pseudonym cannot be recomputed from scratch
 * with a new secret. Instead a rotation appends a secret and re-keys every stored pseudonym with it:
 * {@code p' = HMAC(new, p)}. The file then holds a chain (one secret per line, oldest first) and a
 * pseudonym is the chain applied in order, so newly collected people land on the re-keyed values.
 * Whoever holds an old secret alone can no longer link an identifier to what is stored.
 */
public final class HmacKey {
    public static final String ENV = "PASSERELLE_HMAC_SECRET";
    private static final String ALGORITHM = "HmacSHA256";

    private final java.util.List<byte[]> secrets;
    private final java.util.List<String> keyIds;
    private final ThreadLocal<Mac[]> macs;

    private HmacKey(java.util.List<byte[]> chain) {
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("no HMAC secret");
        }
        java.util.List<byte[]> copy = new java.util.ArrayList<>();
        java.util.List<String> ids = new java.util.ArrayList<>();
        for (byte[] secret : chain) {
            if (secret.length < 32) {
                throw new IllegalArgumentException("the HMAC secret must be at least 32 bytes, got " + secret.length);
            }
            copy.add(secret.clone());
            ids.add(fingerprint(secret));
        }
        this.secrets = java.util.List.copyOf(copy);
        this.keyIds = java.util.List.copyOf(ids);
        this.macs =
                ThreadLocal.withInitial(() -> secrets.stream().map(this::newMac).toArray(Mac[]::new));
    }

    public static HmacKey of(byte[] secret) {
        return new HmacKey(java.util.List.of(secret));
    }

    /** A chain of secrets, oldest first (what a key file holds after rotations). */
    public static HmacKey chain(java.util.List<byte[]> secrets) {
        return new HmacKey(secrets);
    }

    /** The key ids of the chain, oldest first; the last is {@link #keyId()}. */
    public java.util.List<String> keyIds() {
        return keyIds;
    }

    /**
     * A pseudonym stored under {@code fromKeyId} (an earlier key of this chain), re-keyed to the
     * current key: the later secrets applied in order.
     */
    public String rekey(String pseudonym, String fromKeyId) {
        int from = keyIds.indexOf(fromKeyId);
        if (from < 0) {
            throw new IllegalArgumentException("key id " + fromKeyId + " is not in this key's chain " + keyIds
                    + "; the key file does not match the data");
        }
        String p = pseudonym;
        Mac[] m = macs.get();
        for (int i = from + 1; i < m.length; i++) {
            p = HexFormat.of().formatHex(m[i].doFinal(p.getBytes(StandardCharsets.US_ASCII)));
        }
        return p;
    }

    /**
     * Appends a new random secret to {@code keyFile} (rewritten whole and owner-only, then moved
     * into place) and returns the longer chain.
     */
    public HmacKey appendNewSecret(Path keyFile) {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        java.util.List<byte[]> next = new java.util.ArrayList<>(secrets);
        next.add(secret);
        StringBuilder text = new StringBuilder();
        for (byte[] s : next) {
            text.append(Base64.getEncoder().encodeToString(s)).append('\n');
        }
        Path file = keyFile.toAbsolutePath().normalize();
        Path tmp = file.resolveSibling(file.getFileName() + ".new");
        try {
            Files.deleteIfExists(tmp);
            try {
                Files.createFile(
                        tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(tmp);
            }
            Files.writeString(tmp, text, StandardCharsets.US_ASCII);
            Files.move(
                    tmp,
                    file,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the new key to " + file, e);
        }
        return new HmacKey(next);
    }

    /**
     * The key from {@code envValue} if set, otherwise from {@code keyFile}, which is created with
     * permissions rw------- if it does not exist. {@code databaseDir} may be null; when given, a key
     * file inside it is refused, since the secret must never live with the data it protects.
     */
    public static HmacKey load(Path keyFile, String envValue, Path databaseDir) {
        if (envValue != null && !envValue.isBlank()) {
            try {
                // Several secrets (a chain after rotations) are separated by commas, oldest first.
                return new HmacKey(java.util.Arrays.stream(envValue.trim().split("\\s*,\\s*"))
                        .map(Base64.getDecoder()::decode)
                        .toList());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        ENV + " must be base64 of at least 32 random bytes (comma-separated, oldest first, "
                                + "after rotations): " + e.getMessage());
            }
        }
        Path file = keyFile.toAbsolutePath().normalize();
        if (databaseDir != null && file.startsWith(databaseDir.toAbsolutePath().normalize())) {
            throw new IllegalArgumentException("the key file " + file + " is inside the database directory "
                    + databaseDir + "; keep the secret outside the data it protects");
        }
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            java.util.List<byte[]> chain = new java.util.ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
                if (!line.isBlank()) {
                    chain.add(Base64.getDecoder().decode(line.trim()));
                }
            }
            return new HmacKey(chain);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the key file " + file, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "the key file " + file + " does not hold a base64 secret: " + e.getMessage());
        }
    }

    private static void create(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rw-------");
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(ownerOnly));
        } catch (FileAlreadyExistsException raced) {
            return;
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        }
        Files.writeString(file, Base64.getEncoder().encodeToString(secret) + "\n", StandardCharsets.US_ASCII);
    }

    /** The pseudonym of a person known to {@code source} as {@code id}: 64 hex characters. */
    public String pseudonym(String source, String id) {
        Mac[] m = macs.get();
        String p = HexFormat.of().formatHex(m[0].doFinal((source + ":" + id).getBytes(StandardCharsets.UTF_8)));
        for (int i = 1; i < m.length; i++) {
            p = HexFormat.of().formatHex(m[i].doFinal(p.getBytes(StandardCharsets.US_ASCII)));
        }
        return p;
    }

    /** A public fingerprint of the current (last) secret; reveals nothing usable about it. */
    public String keyId() {
        return keyIds.get(keyIds.size() - 1);
    }

    private Mac newMac(byte[] secret) {
        try {
            Mac m = Mac.getInstance(ALGORITHM);
            m.init(new SecretKeySpec(secret, ALGORITHM));
            return m;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String fingerprint(byte[] secret) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update("passerelle-key-id:".getBytes(StandardCharsets.US_ASCII));
            return "k-" + HexFormat.of().formatHex(sha.digest(secret)).substring(0, 12);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "HmacKey[" + keyId() + "]";
    }
}
