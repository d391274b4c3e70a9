package fr.passerelle.api;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * The server's access log, minimised like the data: one line per request with its time, method, path (never the
 * query string, where a counselling page or an app could put a person's path), status and duration. No address,
 * no key, no body, no referrer, no user agent. Operators see what was asked of the API, not who asked or about
 * whom; the counsellor's page sends the person's path in a body for that reason.
 */
public final class AccessLog implements AutoCloseable {
    static final String STARTED = "accessLogStarted";
    private final Path file;
    private final Writer out;

    private AccessLog(Path file, Writer out) {
        this.file = file;
        this.out = out;
    }

    /** Appends to {@code file} (created with its folder). */
    public static AccessLog to(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            return new AccessLog(
                    file,
                    Files.newBufferedWriter(
                            file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the access log " + file, e);
        }
    }

    public Path file() {
        return file;
    }

    void record(Context ctx) {
        Long started = ctx.attribute(STARTED);
        long micros = started == null ? -1 : (System.nanoTime() - started) / 1000;
        String line = Instant.now() + " " + ctx.method() + " " + ctx.path() + " " + ctx.statusCode() + " "
                + (micros < 0 ? "-" : String.format(java.util.Locale.ROOT, "%.1fms", micros / 1000.0)) + "\n";
        synchronized (this) {
            try {
                out.write(line);
                out.flush();
            } catch (IOException e) {
                // A full disk must not take the API down: the line is lost, the answer still goes.
            }
        }
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            // closing: nothing left to lose
        }
    }
}
