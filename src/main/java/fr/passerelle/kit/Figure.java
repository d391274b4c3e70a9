package fr.passerelle.kit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One figure of a handout, drawn as SVG for a room: horizontal bars in large type, every bar with its figure in words,
 * and on the figure itself what stands behind it ({@code footer}: the release, the people, the noise sentence), so a
 * figure copied alone into slides still says it.
 *
 * @param id the figure's name in the kit (its SVG file is {@code figures/<id>.svg})
 * @param groups bars under a heading each (one group for most figures; one per horizon for outcomes)
 */
public record Figure(
        String id, String title, String subtitle, List<Group> groups, List<String> notes, List<String> footer) {

    /** Bars under one heading (null heading: no heading line). */
    public record Group(String heading, List<Bar> bars) {}

    /**
     * One bar: {@code fraction} of the longest bar (0-1, the share or the count over the biggest), {@code value} the
     * figure written beside it, {@code kind} its colour: shown, hidden (grouped, too small to list), target (a
     * programme's promise), study, other.
     */
    public record Bar(String label, double fraction, String value, String kind) {}

    static final int WIDTH = 900;
    private static final int MARGIN = 24;
    private static final int LABEL_WIDTH_CHARS = 36;
    private static final int BAR_X = 410;
    private static final int BAR_MAX = 290;

    /**
     * Colours against white: text colours above 7:1, bar colours above 3:1 (graphical objects, WCAG 1.4.11), read from
     * the back of a room and in black-and-white print by their labels, never by colour alone.
     */
    static String colour(String kind) {
        return switch (kind) {
            case "hidden" -> "#767676";
            case "target" -> "#1b6e3a";
            case "study" -> "#6b3fa0";
            case "other" -> "#8a5a00";
            default -> "#1f5f99";
        };
    }

    /** The figure as a standalone SVG document (UTF-8 text), scaled to any width by its viewBox. */
    public String svg() {
        StringBuilder body = new StringBuilder();
        int y = MARGIN;
        for (String line : wrap(title, 50)) {
            y += 32;
            text(body, MARGIN, y, 26, "700", "#111", line);
        }
        if (subtitle != null && !subtitle.isBlank()) {
            y += 6;
            for (String line : wrap(subtitle, 82)) {
                y += 24;
                text(body, MARGIN, y, 18, "400", "#222", line);
            }
        }
        y += 12;
        for (Group group : groups) {
            if (group.heading() != null) {
                y += 34;
                text(body, MARGIN, y, 20, "700", "#111", group.heading());
            }
            y += 8;
            for (Bar bar : group.bars()) {
                List<String> label = wrap(bar.label(), LABEL_WIDTH_CHARS);
                if (label.size() > 3) {
                    label = new ArrayList<>(label.subList(0, 3));
                    label.set(2, label.get(2) + " …");
                }
                int rowHeight = Math.max(36, label.size() * 22 + 12);
                int top = y + 6;
                for (int i = 0; i < label.size(); i++) {
                    text(body, MARGIN, top + 18 + i * 22, 18, "400", "#111", label.get(i));
                }
                int length = (int) Math.round(Math.max(0, Math.min(1, bar.fraction())) * BAR_MAX);
                int barY = top + (rowHeight - 12 - 24) / 2;
                body.append(String.format(
                        Locale.ROOT,
                        "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"24\" fill=\"%s\"/>%n",
                        BAR_X,
                        barY,
                        Math.max(length, 2),
                        colour(bar.kind())));
                text(body, BAR_X + Math.max(length, 2) + 10, barY + 19, 18, "700", "#111", bar.value());
                y += rowHeight;
            }
        }
        for (String note : notes) {
            y += 8;
            for (String line : wrap(note, 96)) {
                y += 21;
                text(body, MARGIN, y, 16, "400", "#222", line);
            }
        }
        y += 14;
        body.append(String.format(
                Locale.ROOT,
                "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#999\"/>%n",
                MARGIN,
                y,
                WIDTH - MARGIN,
                y));
        for (String line : footer) {
            for (String part : wrap(line, 104)) {
                y += 20;
                text(body, MARGIN, y, 15, "400", "#333", part);
            }
        }
        int height = y + MARGIN;
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 " + WIDTH + " " + height
                + "\" width=\"" + WIDTH + "\" height=\"" + height + "\" font-family=\"DejaVu Sans, Arial, sans-serif\""
                + " aria-labelledby=\"" + id + "-title\">\n"
                + "<title id=\"" + id + "-title\">" + escape(title) + "</title>\n"
                + "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n"
                + body
                + "</svg>\n";
    }

    private static void text(StringBuilder out, int x, int y, int size, String weight, String fill, String text) {
        out.append(String.format(
                Locale.ROOT,
                "<text x=\"%d\" y=\"%d\" font-size=\"%d\" font-weight=\"%s\" fill=\"%s\">%s</text>%n",
                x,
                y,
                size,
                weight,
                fill,
                escape(text)));
    }

    /** Lines of at most {@code width} characters, broken between words (a longer word stands alone). */
    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.trim().split("\\s+")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }

    static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
