package dev.watershed.domain.compatibility;

import org.apache.avro.Schema;

/**
 * Turns a {@code SchemaCompatibility} location ({@code /fields/1/type/items/fields/0/type}), which indexes into
 * the reader schema, into the data path it stands for ({@code /lines/*}{@code /price}).
 */
final class AvroLocation {

    private AvroLocation() {}

    static String toDataPath(Schema reader, String location) {
        String[] tokens = location.split("/");
        Schema current = reader;
        String path = DataPath.ROOT;
        for (int index = 0; index < tokens.length && current != null; index++) {
            switch (tokens[index]) {
                case "fields" -> {
                    Schema record = branchOf(current, Schema.Type.RECORD);
                    if (record == null || index + 1 >= tokens.length) {
                        return path;
                    }
                    Schema.Field field = record.getFields().get(Integer.parseInt(tokens[++index]));
                    path = DataPath.child(path, field.name());
                    current = field.schema();
                }
                case "items" -> {
                    Schema array = branchOf(current, Schema.Type.ARRAY);
                    current = array == null ? null : array.getElementType();
                    path = DataPath.element(path);
                }
                case "values" -> {
                    Schema map = branchOf(current, Schema.Type.MAP);
                    current = map == null ? null : map.getValueType();
                    path = DataPath.element(path);
                }
                default -> {
                    // "type", union branch indexes, "symbols", "size", "name": same place in the data
                }
            }
        }
        return path;
    }

    /** The schema itself, or its union branch of the given type: unions are transparent in data paths. */
    private static Schema branchOf(Schema schema, Schema.Type type) {
        if (schema.getType() == type) {
            return schema;
        }
        if (schema.getType() == Schema.Type.UNION) {
            for (Schema branch : schema.getTypes()) {
                if (branch.getType() == type) {
                    return branch;
                }
            }
        }
        return null;
    }
}
