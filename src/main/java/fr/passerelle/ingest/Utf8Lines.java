package fr.passerelle.ingest;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The lines of a file, each decoded as UTF-8 on its own: a line that is not UTF-8 is reported as
 * such ({@link #text()} null) and the next lines are still read. Decoding the whole file at once
 * would stop at the first bad byte, and replacing bad bytes would file a person under an identifier
 * they never had (so that erasing them by their real one would miss).
 */
final class Utf8Lines implements Closeable {
    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
    private int number;
    private String text;
    private boolean done;

    Utf8Lines(Path file) throws IOException {
        this.in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    }

    /** Moves to the next line; false at the end of the file. */
    boolean next() throws IOException {
        if (done) {
            return false;
        }
        line.reset();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            line.write(b);
        }
        if (b == -1) {
            done = true;
            if (line.size() == 0) {
                return false;
            }
        }
        number++;
        byte[] bytes = line.toByteArray();
        int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        try {
            text = decoder.decode(ByteBuffer.wrap(bytes, 0, length)).toString();
        } catch (CharacterCodingException e) {
            text = null;
        }
        return true;
    }

    /** The 1-based number of the current line. */
    int number() {
        return number;
    }

    /** The current line's text, or null when it is not UTF-8. */
    String text() {
        return text;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
