package dev.watershed.domain.compatibility;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Small schemas that reach their definitions along exponentially many paths: each level refers to the one below
 * twice. A few kilobytes at level 40, and 2^40 paths.
 */
public final class FanOutSchemas {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private FanOutSchemas() {}

    /** {@code d<i>} has properties {@code a} and {@code b}, both {@code $ref} to {@code d<i-1>}; {@code d0} a leaf. */
    public static ObjectNode properties(int levels, String leafType) {
        return jsonSchema(levels, leafType, false);
    }

    /** As {@link #properties}, and every level also refers to itself, so no level's comparison can be reused. */
    public static ObjectNode recursiveProperties(int levels, String leafType) {
        return jsonSchema(levels, leafType, true);
    }

    /** {@code d<i>} is {@code allOf} two {@code $ref}s to {@code d<i-1>}: validating any value visits 2^levels. */
    public static ObjectNode allOf(int levels) {
        ObjectNode root = NODES.objectNode();
        ObjectNode definitions = root.putObject("$defs");
        definitions.putObject("d0").put("type", "object");
        for (int level = 1; level <= levels; level++) {
            ArrayNode all = definitions.putObject("d" + level).putArray("allOf");
            all.addObject().put("$ref", "#/$defs/d" + (level - 1));
            all.addObject().put("$ref", "#/$defs/d" + (level - 1));
        }
        root.put("$ref", "#/$defs/d" + levels);
        return root;
    }

    /** Record {@code R<i>} has fields {@code a} (defining {@code R<i-1>}) and {@code b} (naming it again). */
    public static String avro(int levels, String leafType) {
        String schema =
                "{\"type\":\"record\",\"name\":\"R0\",\"fields\":[{\"name\":\"f\",\"type\":\"" + leafType + "\"}]}";
        for (int level = 1; level <= levels; level++) {
            schema = "{\"type\":\"record\",\"name\":\"R" + level + "\",\"fields\":[{\"name\":\"a\",\"type\":" + schema
                    + "},{\"name\":\"b\",\"type\":\"R" + (level - 1) + "\"}]}";
        }
        return schema;
    }

    /**
     * The same records side by side in a union, each naming the one before twice: shallow JSON at any level, so
     * that only the reuse, not the nesting, is what a registry must refuse.
     */
    public static String flatAvro(int levels, String leafType) {
        StringBuilder union = new StringBuilder("[{\"type\":\"record\",\"name\":\"R0\",\"fields\":[{\"name\":\"f\","
                + "\"type\":\"" + leafType + "\"}]}");
        for (int level = 1; level <= levels; level++) {
            union.append(",{\"type\":\"record\",\"name\":\"R")
                    .append(level)
                    .append("\",\"fields\":[{\"name\":\"a\"," + "\"type\":\"R")
                    .append(level - 1)
                    .append("\"},{\"name\":\"b\",\"type\":\"R")
                    .append(level - 1)
                    .append("\"}]}");
        }
        return union.append(']').toString();
    }

    private static ObjectNode jsonSchema(int levels, String leafType, boolean recursive) {
        ObjectNode root = NODES.objectNode();
        ObjectNode definitions = root.putObject("$defs");
        definitions.putObject("d0").put("type", leafType);
        for (int level = 1; level <= levels; level++) {
            ObjectNode definition = definitions.putObject("d" + level).put("type", "object");
            ObjectNode properties = definition.putObject("properties");
            properties.putObject("a").put("$ref", "#/$defs/d" + (level - 1));
            properties.putObject("b").put("$ref", "#/$defs/d" + (level - 1));
            if (recursive) {
                properties.putObject("self").put("$ref", "#/$defs/d" + level);
            }
        }
        root.put("$ref", "#/$defs/d" + levels);
        return root;
    }
}
