package dev.watershed.domain.declaration;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The line of each value of a JSON document, by JSON Pointer, read from the parser's token locations: what lets a
 * report point at the line of a schema file where a changed property sits.
 */
public final class LocatedJson {

    private static final JsonFactory FACTORY = new JsonFactory();

    private final Map<String, Integer> lines;

    private LocatedJson(Map<String, Integer> lines) {
        this.lines = lines;
    }

    /** Reads {@code text}; a document that does not parse has every line at 1. */
    public static LocatedJson of(String text) {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                int line = parser.currentTokenLocation().getLineNr();
                JsonStreamContext context = parser.getParsingContext();
                if (token == JsonToken.FIELD_NAME) {
                    lines.putIfAbsent(context.pathAsPointer().toString(), line);
                } else if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                    JsonStreamContext parent = context.getParent();
                    String pointer = parent == null || parent.inRoot()
                            ? ""
                            : parent.pathAsPointer().toString();
                    lines.putIfAbsent(pointer, line);
                } else if (token.isScalarValue() && context.inArray()) {
                    lines.putIfAbsent(context.pathAsPointer().toString(), line);
                }
            }
        } catch (IOException e) {
            // Not JSON (an Avro primitive name, a syntax error reported elsewhere): everything is on line 1.
        }
        return new LocatedJson(lines);
    }

    /** The line of the value at {@code pointer}, or of its closest ancestor present; 1 when none is. */
    public int lineOf(String pointer) {
        String at = pointer;
        while (true) {
            Integer line = lines.get(at);
            if (line != null) {
                return line;
            }
            if (at.isEmpty()) {
                return 1;
            }
            at = at.substring(0, Math.max(0, at.lastIndexOf('/')));
        }
    }

    /**
     * The line of the schema property a data path names: {@code /customer/id} is {@code /properties/customer/
     * properties/id} in a JSON Schema; an array element ({@code *} or a number) is {@code /items}.
     */
    public int lineOfDataPath(String dataPath) {
        StringBuilder pointer = new StringBuilder();
        for (String segment : dataPath.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            boolean element = segment.equals("*")
                    || segment.equals("[]")
                    || segment.chars().allMatch(Character::isDigit);
            pointer.append(element ? "/items" : "/properties/" + segment);
        }
        return lineOf(pointer.toString());
    }
}
