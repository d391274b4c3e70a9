package fr.passerelle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The package map of {@code docs/ARCHITECTURE.md} holds: every package is in it, has its comment,
 * and depends only on packages below it in the table (no cycle, no reaching up).
 */
class ArchitectureTest {
    private static final Path ROOT = Path.of("src/main/java/fr/passerelle");

    /** The table's rows, top to bottom, as the document lists them. */
    static List<List<String>> layers() throws IOException {
        List<List<String>> layers = new ArrayList<>();
        Pattern row = Pattern.compile("^\\| (`[a-z]+`(?:, `[a-z]+`)*) \\|");
        for (String line : Files.readAllLines(Path.of("docs/ARCHITECTURE.md"))) {
            Matcher m = row.matcher(line);
            if (m.find() && !line.contains("| route |")) {
                List<String> names = new ArrayList<>();
                for (String n : m.group(1).split(", ")) {
                    names.add(n.replace("`", ""));
                }
                if (names.stream().allMatch(n -> Files.isDirectory(ROOT.resolve(n)))) {
                    layers.add(names);
                }
            }
        }
        return layers;
    }

    @Test
    void packagesDependOnlyOnPackagesBelowThemInTheMap() throws IOException {
        Map<String, Integer> level = new LinkedHashMap<>();
        List<List<String>> layers = layers();
        for (int i = 0; i < layers.size(); i++) {
            for (String p : layers.get(i)) {
                level.put(p, i);
            }
        }
        TreeSet<String> packages = new TreeSet<>();
        try (Stream<Path> dirs = Files.list(ROOT)) {
            dirs.filter(Files::isDirectory)
                    .forEach(d -> packages.add(d.getFileName().toString()));
        }
        assertEquals(
                packages,
                new TreeSet<>(level.keySet()),
                "every package is in docs/ARCHITECTURE.md's map, and only those");
        TreeSet<String> upward = new TreeSet<>();
        Pattern reference = Pattern.compile("fr\\.passerelle\\.(\\w+)\\.");
        for (String p : packages) {
            assertTrue(Files.exists(ROOT.resolve(p).resolve("package-info.java")), p + " has a package comment");
            try (Stream<Path> files = Files.list(ROOT.resolve(p))) {
                for (Path f : files.toList()) {
                    Matcher m = reference.matcher(Files.readString(f));
                    while (m.find()) {
                        String to = m.group(1);
                        if (!to.equals(p) && level.containsKey(to) && level.get(to) <= level.get(p)) {
                            upward.add(p + "/" + f.getFileName() + " -> " + to);
                        }
                    }
                }
            }
        }
        assertTrue(upward.isEmpty(), "references to a package at the same level or above: " + upward);
    }
}
