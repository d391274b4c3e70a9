package fr.passerelle.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.passerelle.files.Folders;
import fr.passerelle.graph.Database;
import fr.passerelle.person.AggregateDelta;
import fr.passerelle.person.PersonRecords;
import fr.passerelle.person.Visit;
import fr.passerelle.person.WriteLock;
import fr.passerelle.privacy.HmacKey;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.neo4j.driver.Record;

/**
 * A consistent copy of the person layer (records, do-not-collect list, consents) and its secrets,
 * and putting it back into an empty person store. Neo4j Community has no online backup: the copy is
 * read page by page inside one transaction that holds the writers' lock, so no import or erasure
 * runs half-way through it, while answers (which read the release) go on.
 *
 * <p>A backup folder holds {@code manifest.json}, {@code persons.jsonl}, {@code do-not-collect.jsonl},
 * {@code consents.jsonl} and {@code keys/} (the key chain and the record key: as secret as the
 * originals, written owner-only). It appears whole or not at all.
 */
public final class Backup {
    static final String FORMAT = "passerelle-backup-1";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PAGE = 2000;

    /** What a backup holds. */
    public record Manifest(
            String format,
            String createdAt,
            String keyId,
            long version,
            long people,
            long doNotCollect,
            long consents) {}

    private Backup() {}

    /**
     * Writes the backup of {@code db} (pseudonyms under {@code keyId}) into {@code out}, which must
     * not exist yet, with copies of {@code secrets} (key files) in {@code out/keys/}.
     */
    public static Manifest write(Database db, String keyId, Path out, List<Path> secrets, Clock clock) {
        if (Files.exists(out)) {
            throw new IllegalArgumentException(out + " exists already; a backup goes into a new folder");
        }
        Path work = out.resolveSibling(out.getFileName() + ".partial");
        Folders.deleteTree(work);
        try {
            // Person records and secrets: the folder is the operator's alone.
            Files.createDirectories(
                    work, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            Files.createDirectories(work.resolve("keys"));
            Manifest manifest = db.write(w -> {
                // Under the writers' lock: no import, erasure or rotation changes the layer while it is copied.
                WriteLock.take(w, keyId);
                try {
                    long people = 0;
                    try (BufferedWriter persons =
                            Files.newBufferedWriter(work.resolve("persons.jsonl"), StandardCharsets.UTF_8)) {
                        String after = "";
                        while (true) {
                            List<Record> page =
                                    w.run("lifecycle/backup-persons", Map.of("after", after, "limit", PAGE));
                            for (Record r : page) {
                                persons.write(JSON.writeValueAsString(r.asMap()));
                                persons.write('\n');
                            }
                            people += page.size();
                            if (page.size() < PAGE) {
                                break;
                            }
                            after = page.get(page.size() - 1).get("pid").asString();
                        }
                    }
                    long listed =
                            lines(work.resolve("do-not-collect.jsonl"), w.run("person/all-do-not-collect", Map.of()));
                    long consents = lines(work.resolve("consents.jsonl"), w.run("lifecycle/backup-consents", Map.of()));
                    List<Record> meta = w.run("queries/dataset-version", Map.of());
                    long version =
                            meta.isEmpty() ? 0 : meta.get(0).get("version").asLong(0);
                    return new Manifest(FORMAT, clock.instant().toString(), keyId, version, people, listed, consents);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write the backup in " + work, e);
                }
            });
            for (Path secret : secrets) {
                copySecret(secret, work.resolve("keys").resolve(secret.getFileName()));
            }
            JSON.writerWithDefaultPrettyPrinter()
                    .writeValue(work.resolve("manifest.json").toFile(), manifest);
            Files.move(work, out, StandardCopyOption.ATOMIC_MOVE);
            return manifest;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the backup " + out, e);
        }
    }

    private static long lines(Path file, List<Record> rows) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (Record r : rows) {
                out.write(JSON.writeValueAsString(r.asMap()));
                out.write('\n');
            }
        }
        return rows.size();
    }

    /**
     * Copies a secret file ({@code from}, when it exists) to a new file {@code to} that is its owner's
     * alone from the moment it exists: never a moment readable by others, never over an existing key.
     */
    public static void copySecret(Path from, Path to) throws IOException {
        if (!Files.exists(from)) {
            return;
        }
        Files.createDirectories(to.toAbsolutePath().getParent());
        Files.createFile(to, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.write(to, Files.readAllBytes(from));
    }

    /** The manifest of the backup in {@code dir}; an error naming what is wrong when it is not one. */
    public static Manifest manifest(Path dir) {
        Path file = dir.resolve("manifest.json");
        if (!Files.exists(file)) {
            throw new IllegalArgumentException(dir + " is not a Passerelle backup (no manifest.json)");
        }
        try {
            Manifest m = JSON.readValue(file.toFile(), Manifest.class);
            if (!FORMAT.equals(m.format())) {
                throw new IllegalArgumentException(file + ": format " + m.format() + ", expected " + FORMAT);
            }
            return m;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** What a restore did. */
    public record Restored(Manifest backup, long people, long reErased, long version) {}

    /**
     * Puts the backup in {@code dir} into {@code db}, whose person layer must be empty, under
     * {@code key} (whose current key id must be the backup's); then applies again every do-not-collect
     * entry of {@code journals} (the erasures made since the backup), and sets the dataset version
     * above {@code minVersion} (every version already published from this home).
     */
    public static Restored restore(
            Database db,
            Path dir,
            HmacKey key,
            List<DoNotCollectJournal.Entry> journal,
            long minVersion,
            Erasure erasure) {
        Manifest m = manifest(dir);
        if (!m.keyId().equals(key.keyId())) {
            throw new IllegalArgumentException("the backup in " + dir + " was made under key " + m.keyId()
                    + " but this home's key is " + key.keyId()
                    + "; restore into a home without keys (the backup's are copied) or with the backup's key file");
        }
        Record empty = db.read("lifecycle/person-store-empty", Map.of(), r -> r).get(0);
        if (empty.get("people").asLong() > 0 || empty.get("listed").asLong() > 0) {
            throw new IllegalStateException("the person store is not empty ("
                    + empty.get("people").asLong() + " records, "
                    + empty.get("listed").asLong() + " do-not-collect entries); a restore goes into an empty one");
        }
        long people = 0;
        try (BufferedReader in = Files.newBufferedReader(dir.resolve("persons.jsonl"), StandardCharsets.UTF_8)) {
            List<JsonNode> batch = new ArrayList<>();
            String line;
            int lineNo = 0;
            while ((line = in.readLine()) != null) {
                lineNo++;
                try {
                    batch.add(JSON.readTree(line));
                } catch (IOException e) {
                    throw new IllegalArgumentException(
                            dir.resolve("persons.jsonl") + ":" + lineNo + ": not a person record");
                }
                if (batch.size() == PAGE) {
                    people += restoreBatch(db, key, batch);
                    batch.clear();
                }
            }
            people += restoreBatch(db, key, batch);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the backup " + dir, e);
        }
        db.write(w -> {
            WriteLock.take(w, key.keyId());
            w.run("lifecycle/restore-do-not-collect", Map.of("entries", rows(dir.resolve("do-not-collect.jsonl"))));
            w.run("lifecycle/restore-consents", Map.of("consents", rows(dir.resolve("consents.jsonl"))));
            return null;
        });
        // Erasures since the backup, by reason, under the current key (older key ids re-keyed along the chain).
        Map<Erasure.Reason, List<String>> again = new LinkedHashMap<>();
        for (DoNotCollectJournal.Entry e : journal) {
            String pid = e.keyId().equals(key.keyId()) ? e.pid() : key.rekey(e.pid(), e.keyId());
            again.computeIfAbsent(Erasure.Reason.valueOf(e.reason().toUpperCase(Locale.ROOT)), r -> new ArrayList<>())
                    .add(pid);
        }
        long reErased = 0;
        for (Map.Entry<Erasure.Reason, List<String>> e : again.entrySet()) {
            reErased += erasure.erasePseudonyms(e.getValue(), e.getKey()).stream()
                    .filter(Erasure.Receipt::found)
                    .count();
        }
        long version = Math.max(m.version(), minVersion) + 1;
        db.writeOne("lifecycle/restore-meta", Map.of("version", version, "keyId", key.keyId()));
        return new Restored(m, people, reErased, version);
    }

    private static long restoreBatch(Database db, HmacKey key, List<JsonNode> batch) {
        if (batch.isEmpty()) {
            return 0;
        }
        List<Map<String, Object>> persons = new ArrayList<>();
        AggregateDelta delta = new AggregateDelta();
        for (JsonNode p : batch) {
            List<String> steps = texts(p.path("steps"));
            List<Long> starts = longs(p.path("starts"));
            List<Long> ends = longs(p.path("ends"));
            List<String> regions = texts(p.path("regions"));
            List<String> institutions = texts(p.path("institutions"));
            List<Visit> visits = new ArrayList<>();
            for (int i = 0; i < steps.size(); i++) {
                // A record written by the bulk importer may lack an array that holds only unknowns.
                visits.add(new Visit(
                        steps.get(i),
                        i < starts.size() ? starts.get(i).intValue() : Visit.UNKNOWN,
                        i < ends.size() ? ends.get(i).intValue() : Visit.UNKNOWN,
                        i < regions.size() ? regions.get(i) : "",
                        i < institutions.size() ? institutions.get(i) : ""));
            }
            Map<String, Object> row = PersonRecords.row(
                    text(p, "pid"),
                    p.path("rkey").isNull() ? null : p.path("rkey").asLong(),
                    text(p, "source"),
                    text(p, "digest"),
                    visits);
            row.put("keyId", text(p, "keyId"));
            row.put("collectedAt", text(p, "collectedAt"));
            row.put("contributor", text(p, "contributor"));
            persons.add(row);
            delta.add(visits, 1);
        }
        db.write(w -> {
            WriteLock.take(w, key.keyId());
            w.run("lifecycle/restore-persons", Map.of("persons", persons));
            delta.writeTo(w);
            return null;
        });
        return batch.size();
    }

    private static List<Map<String, Object>> rows(Path file) {
        List<Map<String, Object>> rows = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> row = JSON.readValue(line, Map.class);
                    rows.add(row);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return rows;
    }

    private static String text(JsonNode record, String field) {
        return record.path(field).isNull() || record.path(field).isMissingNode()
                ? null
                : record.path(field).asText();
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }

    private static List<Long> longs(JsonNode array) {
        List<Long> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asLong()));
        return out;
    }
}
