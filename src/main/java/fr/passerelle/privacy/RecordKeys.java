package fr.passerelle.privacy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Record keys for cell-key perturbation: each person gets a 32-bit key, drawn once when first
 * stored and kept on the record (a rotation of the pseudonym key does not change it, an erasure
 * removes it with the record, a replacement keeps it). It is an HMAC of the pseudonym under a
 * secret of its own ({@code <home>/keys/record.key}, owner-only, never the pseudonymisation key),
 * so rebuilding the same data gives the same keys, and nobody without the secret can predict a
 * cell's noise from who is in it.
 */
public final class RecordKeys {
    public static final String ENV = "PASSERELLE_RECORD_SECRET";
    private final byte[] secret;
    private final ThreadLocal<Mac> mac;

    private RecordKeys(byte[] secret) {
        if (secret.length < 32) {
            throw new IllegalArgumentException("the record-key secret needs at least 32 bytes");
        }
        this.secret = secret.clone();
        this.mac = ThreadLocal.withInitial(() -> {
            try {
                Mac m = Mac.getInstance("HmacSHA256");
                m.init(new SecretKeySpec(this.secret, "HmacSHA256"));
                return m;
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is not available", e);
            }
        });
    }

    public static RecordKeys of(byte[] secret) {
        return new RecordKeys(secret);
    }

    /**
     * The secret from {@code envValue} (base64) if set, else from {@code keyFile}, created owner-only
     * on first use by the same code as the pseudonymisation key file.
     */
    public static RecordKeys load(Path keyFile, String envValue) {
        if (envValue != null && !envValue.isBlank()) {
            return new RecordKeys(Base64.getDecoder().decode(envValue.trim()));
        }
        HmacKey.load(keyFile, null, null); // creates the file (rw-------) when missing
        try {
            String first = Files.readAllLines(keyFile, StandardCharsets.US_ASCII).stream()
                    .filter(l -> !l.isBlank())
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("the record-key file " + keyFile + " is empty"));
            return new RecordKeys(Base64.getDecoder().decode(first.trim()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the record-key file " + keyFile, e);
        }
    }

    /** The record key of the person stored under pseudonym {@code pid}: uniform over 0..2^32-1. */
    public long of(String pid) {
        byte[] h = mac.get().doFinal(pid.getBytes(StandardCharsets.UTF_8));
        return ByteBuffer.wrap(h, 0, 4).getInt() & 0xFFFFFFFFL;
    }

    @Override
    public String toString() {
        return "RecordKeys[secret hidden]";
    }
}
