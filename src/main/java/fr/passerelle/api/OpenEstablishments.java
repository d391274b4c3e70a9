package fr.passerelle.api;

import fr.passerelle.catalog.Uai;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The establishments that chose to publish their own figures: anyone may read their
 * {@code /api/institutions/{uai}/...} routes without a key. Private is the default; opening is the
 * establishment's decision, recorded with its date beside the API keys ({@code <home>/keys/open-establishments.csv},
 * lines {@code uai,openedAt}) and stated in the processing register. A running server sees a change at
 * the next request, as it does for keys.
 */
public final class OpenEstablishments {
    private final Path file;
    private volatile Map<String, String> open;
    private volatile long loadedModified;

    private OpenEstablishments(Path file) {
        this.file = file;
        this.loadedModified = modified(file);
        this.open = read(file);
    }

    /** The opt-ins stored beside this key file (none when the file does not exist). */
    public static OpenEstablishments beside(Path apiKeysFile) {
        return new OpenEstablishments(
                apiKeysFile == null ? null : apiKeysFile.resolveSibling("open-establishments.csv"));
    }

    /** True when this establishment published its figures. */
    public boolean isOpen(String uai) {
        reloadIfChanged();
        return open.containsKey(uai);
    }

    /** UAI -> the date it opened, in the order they opened. */
    public Map<String, String> list() {
        reloadIfChanged();
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(open));
    }

    /** Publishes this establishment's figures; false when they already were. */
    public synchronized boolean open(String uai, Clock clock) {
        String code = Uai.normalise(uai)
                .orElseThrow(() -> new IllegalArgumentException(
                        "'" + uai + "' is not a UAI (seven digits and their check letter, as 0490970N)"));
        reloadIfChanged();
        if (open.containsKey(code)) {
            return false;
        }
        Map<String, String> next = new LinkedHashMap<>(open);
        next.put(code, clock.instant().toString());
        save(next);
        return true;
    }

    /** Makes this establishment's figures private again; false when they were. */
    public synchronized boolean close(String uai) {
        String code = Uai.normalise(uai).orElse(uai);
        reloadIfChanged();
        if (!open.containsKey(code)) {
            return false;
        }
        Map<String, String> next = new LinkedHashMap<>(open);
        next.remove(code);
        save(next);
        return true;
    }

    private void reloadIfChanged() {
        long now = modified(file);
        if (now != loadedModified) {
            synchronized (this) {
                if (now != loadedModified) {
                    open = read(file);
                    loadedModified = now;
                }
            }
        }
    }

    private static Map<String, String> read(Path file) {
        Map<String, String> found = new LinkedHashMap<>();
        if (file == null || !Files.exists(file)) {
            return found;
        }
        try {
            int n = 0;
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                n++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split(",", -1);
                String uai = Uai.normalise(f[0].trim())
                        .orElseThrow(() -> new IllegalStateException(file + ": line is not uai,openedAt: " + line));
                found.put(uai, f.length > 1 ? f[1].trim() : "");
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private void save(Map<String, String> next) {
        if (file == null) {
            throw new IllegalStateException("no key folder to record the establishment's choice in");
        }
        try {
            Files.createDirectories(file.getParent());
            List<String> lines = new ArrayList<>();
            lines.add("# uai,openedAt: establishments that chose to publish their own figures (private by default)");
            next.forEach((uai, at) -> lines.add(uai + "," + at));
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.write(tmp, lines, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            open = next;
            loadedModified = modified(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
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
}
