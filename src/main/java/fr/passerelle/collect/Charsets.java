package fr.passerelle.collect;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes a page whatever it claims: the charset of the Content-Type header or of a meta tag is
 * tried strictly, and bytes that are not valid in it (a page saved as Windows-1252 but served as
 * UTF-8 is common) fall back to UTF-8 then Windows-1252, so accents survive and titles still map.
 */
final class Charsets {
    private static final Pattern HEADER = Pattern.compile("charset=[\"']?([A-Za-z0-9._-]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern META =
            Pattern.compile("<meta[^>]+charset=[\"']?([A-Za-z0-9._-]+)", Pattern.CASE_INSENSITIVE);
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private Charsets() {}

    static String decode(byte[] bytes, String contentType) {
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb && (bytes[2] & 0xff) == 0xbf) {
            return strict(bytes, StandardCharsets.UTF_8, 3);
        }
        Charset declared = declared(contentType == null ? null : HEADER.matcher(contentType));
        if (declared == null) {
            String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1);
            declared = declared(META.matcher(head));
        }
        for (Charset c : new Charset[] {declared, StandardCharsets.UTF_8}) {
            if (c != null) {
                String text = strict(bytes, c, 0);
                if (text != null) {
                    return text;
                }
            }
        }
        return new String(bytes, WINDOWS_1252);
    }

    private static Charset declared(Matcher m) {
        if (m == null || !m.find()) {
            return null;
        }
        try {
            return Charset.forName(m.group(1).toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String strict(byte[] bytes, Charset charset, int offset) {
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
