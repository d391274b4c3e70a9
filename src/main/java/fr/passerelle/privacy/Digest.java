package fr.passerelle.privacy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Unkeyed SHA-256, for secrets that are already 256 random bits (API keys, withdrawal tokens): only
 * their digest is stored, and a fast hash is enough because there is nothing to guess.
 */
public final class Digest {
    private Digest() {}

    public static String sha256Hex(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }
}
