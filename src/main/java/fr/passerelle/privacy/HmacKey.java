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
 */
public final class HmacKey {
    public static final String ENV = "PASSERELLE_HMAC_SECRET";
    private static final String ALGORITHM = "HmacSHA256";

    private final byte[] secret;
    private final String keyId;
    private final ThreadLocal<Mac> mac;

    private HmacKey(byte[] secret) {
        if (secret.length < 32) {
            throw new IllegalArgumentException("the HMAC secret must be at least 32 bytes, got " + secret.length);
        }
        this.secret = secret.clone();
        this.keyId = fingerprint(secret);
        this.mac = ThreadLocal.withInitial(this::newMac);
    }

    public static HmacKey of(byte[] secret) {
        return new HmacKey(secret);
    }

    /**
     * The key from {@code envValue} if set, otherwise from {@code keyFile}, which is created with
     * permissions rw------- if it does not exist. {@code databaseDir} may be null; when given, a key
     * file inside it is refused, since the secret must never live with the data it protects.
     */
    public static HmacKey load(Path keyFile, String envValue, Path databaseDir) {
        if (envValue != null && !envValue.isBlank()) {
            try {
                return new HmacKey(Base64.getDecoder().decode(envValue.trim()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(ENV + " must be base64 of at least 32 random bytes: " + e.getMessage());
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
            String text = Files.readString(file, StandardCharsets.US_ASCII).trim();
            return new HmacKey(Base64.getDecoder().decode(text));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the key file " + file, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the key file " + file + " does not hold a base64 secret: " + e.getMessage());
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
        byte[] digest = mac.get().doFinal((source + ":" + id).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest);
    }

    /** A public fingerprint of the secret; reveals nothing usable about it. */
    public String keyId() {
        return keyId;
    }

    private Mac newMac() {
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
        return "HmacKey[" + keyId + "]";
    }
}
