package fr.passerelle.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

/** Folders the application owns and removes whole: temporary stores, bulk-import files, half-built releases. */
public final class Folders {
    private Folders() {}

    /**
     * {@code dir} emptied of whatever an earlier, killed process left there, and readable by its
     * owner only (it holds inputs before they are pseudonymised).
     */
    public static Path emptyOwnerOnly(Path dir) {
        deleteTree(dir);
        return ownerOnly(dir);
    }

    /** {@code dir}, created if missing, readable by its owner only; what it holds stays. */
    public static Path ownerOnly(Path dir) {
        try {
            Files.createDirectories(dir);
            Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
        return dir;
    }

    /**
     * Deletes {@code dir} and everything in it (nothing when it does not exist). A file that cannot
     * be deleted is an error naming it: a half-deleted release or key folder must not pass unseen.
     */
    public static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            List<Path> paths = walk.sorted(Comparator.reverseOrder()).toList();
            for (Path p : paths) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
