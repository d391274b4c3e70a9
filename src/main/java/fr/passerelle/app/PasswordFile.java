package fr.passerelle.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/** A password nobody gave (the embedded Neo4j's, the analysts'): generated once, kept owner-only beside the HMAC key. */
public final class PasswordFile {
    private PasswordFile() {}

    public static String loadOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).strip();
            }
            Files.createDirectories(file.getParent());
            String password = HexFormat.of().formatHex(new SecureRandom().generateSeed(9));
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, password + "\n", StandardCharsets.UTF_8);
            return password;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the password file " + file, e);
        }
    }
}
