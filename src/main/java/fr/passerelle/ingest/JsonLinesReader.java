package fr.passerelle.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * JSON Lines, one trajectory a line:
 * {@code {"source":"...","id":"...","steps":[{"kind":"...","code":"...","label":"...","start":"YYYY-MM","end":"...","region":"...","institution":"UAI"}]}}.
 */
public final class JsonLinesReader implements TrajectoryReader {
    static final Set<String> TOP_FIELDS = Set.of("source", "id", "steps", "status");
    /** Statuses that withdraw a person: the record then asks for erasure and needs no steps. */
    static final Set<String> WITHDRAWN = Set.of("withdrawn", "private", "deleted", "noindex");

    static final Set<String> STEP_FIELDS = Set.of("kind", "code", "label", "start", "end", "region", "institution");
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String NOT_UTF8 = "not UTF-8 text (save the file as UTF-8)";

    @Override
    public void read(Path file, Sink sink) throws IOException {
        try (Utf8Lines lines = new Utf8Lines(file)) {
            while (lines.next()) {
                String line = lines.text();
                String origin = file + ":" + lines.number();
                if (line == null) {
                    sink.problem(new InputProblem(origin, NOT_UTF8));
                    continue;
                }
                if (line.isBlank()) {
                    continue;
                }
                try {
                    sink.accept(parse(line, origin, sink::droppedField));
                } catch (InvalidRecordException e) {
                    sink.problem(new InputProblem(origin, e.getMessage()));
                }
            }
        }
    }

    static RawTrajectory parse(String line, String origin, java.util.function.Consumer<String> droppedField) {
        JsonNode root;
        try {
            root = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new InvalidRecordException("not valid JSON (" + e.getOriginalMessage() + ")");
        }
        if (root == null || !root.isObject()) {
            throw new InvalidRecordException("expected a JSON object");
        }
        dropUnknown(root, TOP_FIELDS, "", droppedField);
        String source = text(root, "source");
        String id = text(root, "id");
        String status = text(root, "status");
        if (status != null && !status.equals("active") && !WITHDRAWN.contains(status)) {
            throw new InvalidRecordException("\"status\" must be active, withdrawn, private, deleted or noindex, got "
                    + InputProblem.quote(status));
        }
        if (status != null && WITHDRAWN.contains(status)) {
            return new RawTrajectory(source, id, List.of(), origin, true);
        }
        JsonNode steps = root.get("steps");
        if (steps == null || !steps.isArray()) {
            throw new InvalidRecordException("\"steps\" must be an array");
        }
        List<RawStep> raw = new ArrayList<>();
        int index = 0;
        for (JsonNode step : steps) {
            index++;
            if (!step.isObject()) {
                throw new InvalidRecordException("step " + index + " is not an object");
            }
            dropUnknown(step, STEP_FIELDS, "steps[].", droppedField);
            raw.add(new RawStep(
                    text(step, "kind"),
                    text(step, "code"),
                    text(step, "start"),
                    text(step, "end"),
                    text(step, "region"),
                    text(step, "institution")));
        }
        return new RawTrajectory(source, id, raw, origin);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isTextual() || value.isNumber()) {
            return value.asText();
        }
        throw new InvalidRecordException("\"" + field + "\" must be a string");
    }

    private static void dropUnknown(
            JsonNode node, Set<String> known, String prefix, java.util.function.Consumer<String> droppedField) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            String name = it.next().getKey();
            if (!known.contains(name)) {
                droppedField.accept(prefix + name);
            }
        }
    }
}
