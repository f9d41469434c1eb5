package dev.watershed.domain.schema;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apache.avro.Schema;

/**
 * The size of an Avro schema with every named type written out again at each place it is used (a recursive
 * record once per descent): what a walk over the schema, and Avro's own {@code SchemaCompatibility}, may have to
 * visit. A few hundred bytes of named types that reuse each other twice per level expand to millions; such a schema
 * must be refused before it is handed to code that cannot be interrupted.
 */
public final class AvroExpansion {

    /** The default bound: far above any hand-written schema, a second or two of work for a walk over it. */
    public static final long DEFAULT_LIMIT = 1_000_000;

    private AvroExpansion() {}

    /**
     * Counts the expanded schema, stopping as soon as the count passes {@code stopAbove}, so the cost never exceeds
     * it whatever the schema.
     *
     * @return the number of types in the expanded schema, or {@code stopAbove + 1} when there are more
     */
    public static long size(Schema schema, long stopAbove) {
        Objects.requireNonNull(schema, "schema");
        Set<Schema> recordsOnPath = Collections.newSetFromMap(new IdentityHashMap<>());
        // Explicit stack: chains of named types can run far deeper than the JSON they are written in.
        Deque<Object> pending = new ArrayDeque<>();
        pending.push(schema);
        long count = 0;
        while (!pending.isEmpty()) {
            Object next = pending.pop();
            if (next instanceof Leave leave) {
                recordsOnPath.remove(leave.record());
                continue;
            }
            Schema type = (Schema) next;
            if (++count > stopAbove) {
                return count;
            }
            switch (type.getType()) {
                case RECORD -> {
                    if (recordsOnPath.add(type)) {
                        pending.push(new Leave(type));
                        List<Schema.Field> fields = type.getFields();
                        for (int index = fields.size() - 1; index >= 0; index--) {
                            pending.push(fields.get(index).schema());
                        }
                    }
                }
                case ARRAY -> pending.push(type.getElementType());
                case MAP -> pending.push(type.getValueType());
                case UNION -> type.getTypes().forEach(pending::push);
                default -> {
                    // primitives, enums and fixed types have nothing inside
                }
            }
        }
        return count;
    }

    /** Whether the expanded schema has more than {@code limit} types. */
    public static boolean exceeds(Schema schema, long limit) {
        return size(schema, limit) > limit;
    }

    private record Leave(Schema record) {}
}
