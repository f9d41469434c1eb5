package dev.watershed.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Generates realistic JSON Schemas for benchmarks: a wide record of mixed field kinds (bounded strings, formats,
 * enums, numbers, nested objects, arrays of objects) and a history of versions that only ever evolve compatibly.
 */
public final class CompatibilityFixtures {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private CompatibilityFixtures() {}

    /**
     * A 2020-12 object schema with {@code fields} top-level properties, the first few of them required.
     *
     * @param revision changes descriptions only, so two revisions differ by documentation alone
     */
    public static ObjectNode schema(int fields, int revision) {
        ObjectNode schema = NODES.objectNode();
        schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        schema.put("title", "Order event");
        schema.put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        ArrayNode required = schema.putArray("required");
        for (int index = 0; index < fields; index++) {
            String name = "field_" + index;
            properties.set(name, field(index, revision));
            if (index < 10) {
                required.add(name);
            }
        }
        ObjectNode definitions = schema.putObject("$defs");
        definitions.set("money", money());
        return schema;
    }

    /**
     * Previous versions, oldest first, of {@link #schema(int, int) schema(fields, 0)}: each adds one optional
     * property to the open content model, and every fifth also rewrites descriptions. Under the default lenient
     * rules the latest schema is FULL_TRANSITIVE compatible with all of them.
     */
    public static List<JsonNode> history(int fields, int versions) {
        List<JsonNode> history = new ArrayList<>(versions);
        for (int version = 0; version < versions; version++) {
            int revision = version / 5 + 1;
            history.add(schema(fields - versions + version, revision));
        }
        return history;
    }

    private static ObjectNode field(int index, int revision) {
        ObjectNode field = NODES.objectNode();
        field.put("description", "field " + index + ", revision " + revision);
        switch (index % 8) {
            case 0 -> field.put("type", "string").put("minLength", 1).put("maxLength", 120);
            case 1 -> field.put("type", "string").put("format", "email");
            case 2 -> field.put("type", "integer").put("minimum", 0).put("maximum", 1_000_000);
            case 3 -> field.put("$ref", "#/$defs/money");
            case 4 -> field.put("type", "boolean");
            case 5 -> {
                field.put("type", "string");
                field.putArray("enum").add("NEW").add("PAID").add("SHIPPED").add("CANCELLED");
            }
            case 6 -> {
                field.put("type", "array").put("maxItems", 50);
                ObjectNode line = field.putObject("items").put("type", "object");
                ObjectNode lineProperties = line.putObject("properties");
                lineProperties.putObject("sku").put("type", "string").put("pattern", "^[A-Z0-9-]+$");
                lineProperties.putObject("quantity").put("type", "integer").put("minimum", 1);
                lineProperties.putObject("price").put("$ref", "#/$defs/money");
                line.putArray("required").add("sku").add("quantity");
            }
            default -> {
                field.put("type", "object");
                ObjectNode address = field.putObject("properties");
                address.putObject("street").put("type", "string");
                address.putObject("city").put("type", "string");
                address.putObject("postcode").put("type", "string").put("maxLength", 10);
                address.putObject("country")
                        .put("type", "string")
                        .put("minLength", 2)
                        .put("maxLength", 2);
                field.put("additionalProperties", false);
            }
        }
        return field;
    }

    private static ObjectNode money() {
        ObjectNode money = NODES.objectNode().put("type", "object");
        ObjectNode properties = money.putObject("properties");
        properties.putObject("amount").put("type", "number").put("multipleOf", 0.01);
        properties.putObject("currency").put("type", "string").put("pattern", "^[A-Z]{3}$");
        money.putArray("required").add("amount").add("currency");
        return money;
    }
}
