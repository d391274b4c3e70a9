package fr.passerelle.lifecycle;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every pseudonym put on the do-not-collect list, appended to a file outside the database
 * ({@code <home>/do-not-collect.jsonl}) as it happens: when the database is lost and a backup is
 * restored, the erasures made since that backup are applied again from here, so a restore never
 * brings back someone who asked to leave. An entry written for a transaction that then failed only
 * erases again someone who asked to be erased.
 */
public final class DoNotCollectJournal {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path file;

    /** One pseudonym put on the list: under which key, why, when. */
    public record Entry(String pid, String keyId, String reason, String at) {}

    public DoNotCollectJournal(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    synchronized void append(List<String> pids, String keyId, String reason, String at) {
        StringBuilder lines = new StringBuilder();
        try {
            for (String pid : pids) {
                lines.append(JSON.writeValueAsString(Map.of("pid", pid, "keyId", keyId, "reason", reason, "at", at)))
                        .append('\n');
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(
                    file,
                    lines,
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND,
                    StandardOpenOption.SYNC);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the do-not-collect journal " + file, e);
        }
    }

    /** Every entry, oldest first (none when the file does not exist); a damaged line is an error naming it. */
    public static List<Entry> read(Path file) {
        List<Entry> entries = new ArrayList<>();
        if (!Files.exists(file)) {
            return entries;
        }
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).isBlank()) {
                    continue;
                }
                try {
                    entries.add(JSON.readValue(lines.get(i), Entry.class));
                } catch (IOException e) {
                    throw new IllegalArgumentException(file + ":" + (i + 1) + ": not a journal entry ("
                            + e.getMessage().lines().findFirst().orElse("") + ")");
                }
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the do-not-collect journal " + file, e);
        }
    }
}
