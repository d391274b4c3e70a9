package fr.passerelle.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HmacKeyTest {
    @TempDir
    Path dir;

    @Test
    void theKeyFileIsCreatedOwnerOnlyAndReusedAcrossRuns() throws Exception {
        Path file = dir.resolve("keys/hmac.key");
        HmacKey first = HmacKey.load(file, null, dir.resolve("neo4j"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        HmacKey again = HmacKey.load(file, null, dir.resolve("neo4j"));
        assertEquals(first.keyId(), again.keyId());
        assertEquals(first.pseudonym("univ-angers", "42"), again.pseudonym("univ-angers", "42"));
    }

    @Test
    void pseudonymsDependOnTheSecretSourceAndId() {
        HmacKey a = HmacKey.of(new byte[32]);
        byte[] other = new byte[32];
        other[0] = 1;
        HmacKey b = HmacKey.of(other);
        assertEquals(64, a.pseudonym("s", "1").length());
        assertNotEquals(a.pseudonym("s", "1"), b.pseudonym("s", "1"));
        assertNotEquals(a.pseudonym("s", "1"), a.pseudonym("t", "1"));
        assertNotEquals(a.pseudonym("s", "1"), a.pseudonym("s", "2"));
        assertNotEquals(a.keyId(), b.keyId());
        // Known answer (computed independently with Python's hmac module): HMAC-SHA-256(zero key, "s:1"),
        // so the construction stays the one the README documents.
        assertEquals("70106f55abd5b786532624b7e03040db80a0c51b870dcf2716b750cae7919606", a.pseudonym("s", "1"));
    }

    @Test
    void theEnvironmentSecretWinsAndMustBeLongEnough() {
        String secret = Base64.getEncoder().encodeToString(new byte[32]);
        HmacKey key = HmacKey.load(dir.resolve("absent.key"), secret, null);
        assertEquals(HmacKey.of(new byte[32]).keyId(), key.keyId());
        assertTrue(Files.notExists(dir.resolve("absent.key")));
        assertThrows(
                IllegalArgumentException.class,
                () -> HmacKey.load(dir.resolve("k"), Base64.getEncoder().encodeToString(new byte[8]), null));
    }

    @Test
    void aKeyFileInsideTheDatabaseDirectoryIsRefused() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> HmacKey.load(dir.resolve("neo4j/hmac.key"), null, dir.resolve("neo4j")));
        assertTrue(e.getMessage().contains("inside the database directory"), e.getMessage());
    }
}
