package dev.watershed.domain.declaration;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.watershed.domain.contract.FieldPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A YAML document read token by token, so that every value remembers the line it was written on: problems found in
 * the tree (by the format schema, or later by the registry) can then point at a line of the file.
 *
 * @param document the document; {@link MissingNode} for an empty file
 * @param lines    1-based line of every JSON Pointer in the document; an object member's line is its key's
 */
record LocatedYaml(JsonNode document, Map<String, Integer> lines) {

    private static final YAMLFactory YAML = new YAMLFactory();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** @throws com.fasterxml.jackson.core.JsonProcessingException when the file is not YAML, with its location */
    static LocatedYaml read(Path file) throws IOException {
        // Through the Path API, not toFile(): the packaged example estate is read from inside the jar.
        try (JsonParser parser = YAML.createParser(Files.newInputStream(file))) {
            Map<String, Integer> lines = new HashMap<>();
            if (parser.nextToken() == null) {
                return new LocatedYaml(MissingNode.getInstance(), lines);
            }
            return new LocatedYaml(value(parser, "", lines), lines);
        }
    }

    /**
     * The line of the value at a pointer, or of its closest ancestor in the file (a missing required member is
     * reported where its object starts); 1 when nothing matches.
     */
    int lineOf(String pointer) {
        String current = pointer == null ? "" : pointer;
        while (true) {
            Integer line = lines.get(current);
            if (line != null) {
                return line;
            }
            if (current.isEmpty()) {
                return 1;
            }
            current = current.substring(0, current.lastIndexOf('/'));
        }
    }

    private static JsonNode value(JsonParser parser, String pointer, Map<String, Integer> lines) throws IOException {
        lines.putIfAbsent(pointer, line(parser.currentTokenLocation()));
        JsonToken token = parser.currentToken();
        return switch (token) {
            case START_OBJECT -> {
                ObjectNode object = NODES.objectNode();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    String child = FieldPath.child(pointer, name);
                    lines.put(child, line(parser.currentTokenLocation()));
                    parser.nextToken();
                    object.set(name, value(parser, child, lines));
                }
                yield object;
            }
            case START_ARRAY -> {
                ArrayNode array = NODES.arrayNode();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(value(parser, pointer + "/" + array.size(), lines));
                }
                yield array;
            }
            case VALUE_STRING -> NODES.textNode(parser.getText());
            // The same node types a plain ObjectMapper.readTree would give, so schemas compare the same either way.
            case VALUE_NUMBER_INT ->
                switch (parser.getNumberType()) {
                    case INT -> NODES.numberNode(parser.getIntValue());
                    case LONG -> NODES.numberNode(parser.getLongValue());
                    default -> NODES.numberNode(parser.getBigIntegerValue());
                };
            case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDoubleValue());
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_NULL -> NODES.nullNode();
            default -> NODES.textNode(parser.getText());
        };
    }

    private static int line(JsonLocation location) {
        return Math.max(1, location.getLineNr());
    }
}
