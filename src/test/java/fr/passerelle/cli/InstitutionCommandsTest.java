package fr.passerelle.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line around establishments: an institution key names valid UAIs (and only an institution key
 * does), and {@code export} refuses an establishment's private queries, pointing to the API and its key.
 */
// It captures System.out: alone, so no other class prints into it.
@org.junit.jupiter.api.parallel.Isolated
class InstitutionCommandsTest {
    @TempDir
    Path home;

    record Run(int exit, String out, String err) {}

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        int exit;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            exit = new picocli.CommandLine(new Main()).execute(args);
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void anInstitutionKeyNamesValidEstablishmentsOnly() throws Exception {
        String h = home.toString();
        Run missing = run("apikey", "create", "--home", h, "--name", "lycee", "--role", "institution");
        assertNotEquals(0, missing.exit());
        assertTrue(missing.err().contains("needs --institution"), missing.err());
        Run wrong = run(
                "apikey",
                "create",
                "--home",
                h,
                "--name",
                "lycee",
                "--role",
                "institution",
                "--institution",
                "0490970A");
        assertNotEquals(0, wrong.exit());
        assertTrue(wrong.err().contains("'0490970A' is not a UAI"), wrong.err());
        Run reader =
                run("apikey", "create", "--home", h, "--name", "app", "--role", "reader", "--institution", "0490970N");
        assertNotEquals(0, reader.exit());
        assertTrue(reader.err().contains("--role institution only"), reader.err());
        Run made = run(
                "apikey",
                "create",
                "--home",
                h,
                "--name",
                "univ",
                "--role",
                "institution",
                "--institution",
                "0490970n,0350005R");
        assertEquals(0, made.exit(), made.err());
        assertTrue(made.out().startsWith("pk_"), made.out());
        String stored = Files.readString(fr.passerelle.app.Settings.apiKeysFile(home));
        assertTrue(stored.contains(",institution,") && stored.contains(",0,0490970N 0350005R\n"), stored);
        assertTrue(!stored.contains(made.out().strip()), "the key itself is never stored");
        Run list = run("apikey", "list", "--home", h);
        assertTrue(list.out().contains("univ\tinstitution") && list.out().contains("0490970N 0350005R"), list.out());
    }

    @Test
    void exportRefusesAnEstablishmentsPrivateQuery() {
        Run refused = run(
                "export", "--home", home.toString(), "--query", "institution-programmes", "--param", "uai=0490970N");
        assertNotEquals(0, refused.exit());
        assertTrue(refused.err().contains("/api/institutions/{uai}"), refused.err());
    }

    @Test
    void anEstablishmentOptsInToPublishingAndBackOut() throws Exception {
        String h = home.toString();
        Run none = run("institution", "list", "--home", h);
        assertEquals(0, none.exit(), none.err());
        assertTrue(none.out().contains("no establishment publishes"), none.out());
        Run bad = run("institution", "open", "--home", h, "--uai", "0490970A");
        assertNotEquals(0, bad.exit());
        assertTrue(bad.err().contains("'0490970A' is not a UAI"), bad.err());
        Run missing = run("institution", "open", "--home", h);
        assertNotEquals(0, missing.exit());
        assertTrue(missing.err().contains("needs --uai"), missing.err());
        Run open = run("institution", "open", "--home", h, "--uai", "0490970n");
        assertEquals(0, open.exit(), open.err());
        assertTrue(open.out().contains("/api/institutions/0490970n/"), open.out());
        assertTrue(run("institution", "open", "--home", h, "--uai", "0490970N")
                .out()
                .contains("already publishes"));
        Run list = run("institution", "list", "--home", h);
        assertTrue(list.out().startsWith("0490970N  since 20"), list.out());
        // What the register states, from the same home's settings.
        java.util.Map<String, String> stated = fr.passerelle.app.Settings.defaults(home)
                .register("k1")
                .openEstablishments()
                .get();
        assertEquals(java.util.Set.of("0490970N"), stated.keySet());
        Run close = run("institution", "close", "--home", h, "--uai", "0490970N");
        assertEquals(0, close.exit(), close.err());
        assertTrue(run("institution", "list", "--home", h).out().contains("no establishment publishes"));
    }
}
