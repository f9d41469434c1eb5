package dev.watershed.domain.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;

/**
 * Walks an Avro schema and a JSON value side by side, collecting every mismatch with its JSON Pointer. The path is
 * built in one reused {@link StringBuilder} and turned into a string only when there is an error to report.
 */
final class AvroJsonConformance {

    private final AvroJsonMode mode;
    private final StringBuilder path = new StringBuilder();
    private List<RecordError> errors;

    AvroJsonConformance(AvroJsonMode mode) {
        this.mode = mode;
    }

    List<RecordError> check(Schema schema, JsonNode value) {
        path.setLength(0);
        errors = null;
        walk(schema, value);
        return errors == null ? List.of() : errors;
    }

    private void walk(Schema schema, JsonNode value) {
        switch (schema.getType()) {
            case NULL -> expect(value.isNull(), "null", value);
            case BOOLEAN -> expect(value.isBoolean(), "boolean", value);
            case INT -> expect(value.isIntegralNumber() && value.canConvertToInt(), "int", value);
            case LONG -> expect(value.isIntegralNumber() && value.canConvertToLong(), "long", value);
            case FLOAT, DOUBLE -> expect(value.isNumber() || isSpecialFloat(value), schema.getName(), value);
            case STRING -> expect(value.isTextual(), "string", value);
            case BYTES -> expect(value.isTextual(), "bytes (string)", value);
            case FIXED -> walkFixed(schema, value);
            case ENUM -> walkEnum(schema, value);
            case ARRAY -> walkArray(schema, value);
            case MAP -> walkMap(schema, value);
            case RECORD -> walkRecord(schema, value);
            case UNION -> walkUnion(schema, value);
            default -> error("type", "unsupported Avro type " + schema.getType());
        }
    }

    private static boolean isSpecialFloat(JsonNode value) {
        // Avro's JSON encoder writes non-finite floats as these strings.
        if (!value.isTextual()) {
            return false;
        }
        String text = value.textValue();
        return "NaN".equals(text) || "Infinity".equals(text) || "-Infinity".equals(text);
    }

    private void walkFixed(Schema schema, JsonNode value) {
        if (expect(value.isTextual(), "fixed (string)", value)
                && value.textValue().length() != schema.getFixedSize()) {
            error(
                    "size",
                    "expected " + schema.getFixedSize() + " bytes, got "
                            + value.textValue().length());
        }
    }

    private void walkEnum(Schema schema, JsonNode value) {
        if (expect(value.isTextual(), "enum symbol (string)", value) && !schema.hasEnumSymbol(value.textValue())) {
            error("enum", "unknown symbol '" + value.textValue() + "', expected one of " + schema.getEnumSymbols());
        }
    }

    private void walkArray(Schema schema, JsonNode value) {
        if (!expect(value.isArray(), "array", value)) {
            return;
        }
        Schema items = schema.getElementType();
        int mark = path.length();
        for (int i = 0, size = value.size(); i < size; i++) {
            path.append('/').append(i);
            walk(items, value.get(i));
            path.setLength(mark);
        }
    }

    private void walkMap(Schema schema, JsonNode value) {
        if (!expect(value.isObject(), "map (object)", value)) {
            return;
        }
        Schema values = schema.getValueType();
        int mark = path.length();
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            appendSegment(entry.getKey());
            walk(values, entry.getValue());
            path.setLength(mark);
        }
    }

    private void walkRecord(Schema schema, JsonNode value) {
        if (!expect(value.isObject(), "record " + schema.getName() + " (object)", value)) {
            return;
        }
        int mark = path.length();
        for (Schema.Field field : schema.getFields()) {
            JsonNode fieldValue = value.get(field.name());
            appendSegment(field.name());
            if (fieldValue == null) {
                if (!field.hasDefaultValue()) {
                    error("required", "missing field without default");
                }
            } else {
                walk(field.schema(), fieldValue);
            }
            path.setLength(mark);
        }
        if (value.size() > schema.getFields().size() || hasUnknownField(schema, value)) {
            reportUnknownFields(schema, value, mark);
        }
    }

    private static boolean hasUnknownField(Schema schema, JsonNode value) {
        for (Iterator<String> names = value.fieldNames(); names.hasNext(); ) {
            if (schema.getField(names.next()) == null) {
                return true;
            }
        }
        return false;
    }

    private void reportUnknownFields(Schema schema, JsonNode value, int mark) {
        // The Avro decoder silently drops such fields; for a contract they are data the consumer never sees.
        for (Iterator<String> names = value.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (schema.getField(name) == null) {
                appendSegment(name);
                error("unknownField", "field is not in record " + schema.getFullName());
                path.setLength(mark);
            }
        }
    }

    private void walkUnion(Schema schema, JsonNode value) {
        List<Schema> branches = schema.getTypes();
        if (value.isNull()) {
            if (schema.getIndexNamed(Schema.Type.NULL.getName()) == null) {
                error("type", "expected one of " + branchNames(branches) + ", got null");
            }
            return;
        }
        if (value.isObject() && value.size() == 1) {
            String branchName = value.fieldNames().next();
            Integer index = schema.getIndexNamed(branchName);
            if (index != null) {
                int mark = path.length();
                appendSegment(branchName);
                walk(branches.get(index), value.get(branchName));
                path.setLength(mark);
                return;
            }
        }
        if (mode == AvroJsonMode.LENIENT && matchesSomeBranch(branches, value)) {
            return;
        }
        error(
                "type",
                mode == AvroJsonMode.LENIENT
                        ? "value matches no branch of union " + branchNames(branches)
                        : "expected a union value wrapped as {\"<branch>\": value}, one of " + branchNames(branches));
    }

    private boolean matchesSomeBranch(List<Schema> branches, JsonNode value) {
        List<RecordError> saved = errors;
        int mark = path.length();
        try {
            for (Schema branch : branches) {
                errors = null;
                walk(branch, value);
                path.setLength(mark);
                if (errors == null) {
                    return true;
                }
            }
            return false;
        } finally {
            errors = saved;
        }
    }

    private static List<String> branchNames(List<Schema> branches) {
        List<String> names = new ArrayList<>(branches.size());
        for (Schema branch : branches) {
            names.add(branch.getFullName());
        }
        return names;
    }

    private boolean expect(boolean condition, String expected, JsonNode value) {
        if (!condition) {
            error("type", "expected " + expected + ", got " + describe(value));
        }
        return condition;
    }

    private static String describe(JsonNode value) {
        return switch (value.getNodeType()) {
            case NUMBER -> value.isIntegralNumber() ? "integer " + value.asText() : "number " + value.asText();
            case STRING -> "string";
            case BOOLEAN -> "boolean";
            case NULL -> "null";
            case ARRAY -> "array";
            case OBJECT -> "object";
            default -> value.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private void appendSegment(String name) {
        path.append('/');
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '~') {
                path.append("~0");
            } else if (c == '/') {
                path.append("~1");
            } else {
                path.append(c);
            }
        }
    }

    private void error(String keyword, String message) {
        if (errors == null) {
            errors = new ArrayList<>(2);
        }
        errors.add(new RecordError(path.toString(), keyword, message));
    }
}
