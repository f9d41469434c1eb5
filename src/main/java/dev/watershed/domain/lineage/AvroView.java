package dev.watershed.domain.lineage;

import dev.watershed.domain.lineage.LineageTypes.Family;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.avro.Schema;

/**
 * An Avro contract read as {@link ContractView}s. Avro records are never closed to a writer: a reader ignores fields
 * it does not know, so an extra observed field is an addition, not a violation.
 */
final class AvroView implements ContractView {

    /** The schemas this level was written as: one, or several when records of a union share a field. */
    private final List<Schema> declared;
    /** The same with unions opened up: every non-union type a value here may have. */
    private final List<Schema> branches = new ArrayList<>();

    private AvroView(List<Schema> declared) {
        this.declared = declared;
        for (Schema schema : declared) {
            if (schema.getType() == Schema.Type.UNION) {
                branches.addAll(schema.getTypes());
            } else {
                branches.add(schema);
            }
        }
    }

    static ContractView of(Schema schema) {
        return new AvroView(List.of(schema));
    }

    @Override
    public String expected() {
        return declared.stream().map(AvroView::describe).distinct().collect(Collectors.joining("|"));
    }

    @Override
    public Set<Family> accepted() {
        Set<Family> families = EnumSet.noneOf(Family.class);
        for (Schema branch : branches) {
            families.addAll(familiesOf(branch));
        }
        return families;
    }

    @Override
    public List<Member> members() {
        List<Schema> records =
                branches.stream().filter(b -> b.getType() == Schema.Type.RECORD).toList();
        Map<String, List<Schema.Field>> byName = new LinkedHashMap<>();
        for (Schema record : records) {
            for (Schema.Field field : record.getFields()) {
                byName.computeIfAbsent(field.name(), name -> new ArrayList<>()).add(field);
            }
        }
        List<Member> members = new ArrayList<>();
        for (Map.Entry<String, List<Schema.Field>> entry : byName.entrySet()) {
            List<Schema.Field> fields = entry.getValue();
            // Within a union of records a value is one of them, so a field is required only if each one requires it.
            boolean required =
                    fields.size() == records.size() && fields.stream().allMatch(AvroView::required);
            Set<String> aliases =
                    fields.stream().flatMap(field -> field.aliases().stream()).collect(Collectors.toUnmodifiableSet());
            List<Schema> types = fields.stream().map(Schema.Field::schema).toList();
            members.add(new Member(entry.getKey(), aliases, required, new AvroView(types)));
        }
        return members;
    }

    @Override
    public boolean allowsUndeclared(String name) {
        return true;
    }

    @Override
    public ContractView undeclared() {
        List<Schema> values = branches.stream()
                .filter(b -> b.getType() == Schema.Type.MAP)
                .map(Schema::getValueType)
                .toList();
        return values.isEmpty() ? null : new AvroView(values);
    }

    @Override
    public ContractView items() {
        List<Schema> elements = branches.stream()
                .filter(b -> b.getType() == Schema.Type.ARRAY)
                .map(Schema::getElementType)
                .toList();
        return elements.isEmpty() ? null : new AvroView(elements);
    }

    /** A reader needs the writer to send it: it has no default to fall back on and cannot be null. */
    private static boolean required(Schema.Field field) {
        if (field.hasDefaultValue()) {
            return false;
        }
        Schema schema = field.schema();
        return schema.getType() != Schema.Type.NULL
                && (schema.getType() != Schema.Type.UNION
                        || schema.getTypes().stream().noneMatch(b -> b.getType() == Schema.Type.NULL));
    }

    private static Set<Family> familiesOf(Schema schema) {
        String logical = logicalType(schema);
        return switch (schema.getType()) {
            case STRING, ENUM -> EnumSet.of(Family.STRING, Family.TEMPORAL);
            case INT, LONG ->
                isTemporal(logical) ? EnumSet.of(Family.INTEGER, Family.TEMPORAL) : EnumSet.of(Family.INTEGER);
            case FLOAT, DOUBLE -> EnumSet.of(Family.NUMBER, Family.INTEGER);
            case BYTES, FIXED ->
                "decimal".equals(logical)
                        ? EnumSet.of(Family.BYTES, Family.NUMBER, Family.INTEGER)
                        : EnumSet.of(Family.BYTES);
            case BOOLEAN -> EnumSet.of(Family.BOOLEAN);
            case RECORD, MAP -> EnumSet.of(Family.OBJECT);
            case ARRAY -> EnumSet.of(Family.ARRAY);
            case UNION, NULL -> EnumSet.noneOf(Family.class);
        };
    }

    /** The logical type's name, also when Avro did not accept it on this type (it then keeps it as a property). */
    private static String logicalType(Schema schema) {
        return schema.getLogicalType() != null ? schema.getLogicalType().getName() : schema.getProp("logicalType");
    }

    private static boolean isTemporal(String logical) {
        return logical != null
                && (logical.equals("date")
                        || logical.startsWith("time-")
                        || logical.startsWith("timestamp-")
                        || logical.startsWith("local-timestamp-"));
    }

    /** The type as the registry's field listing writes it ({@code long(timestamp-millis)}, {@code ["null","string"]}). */
    private static String describe(Schema schema) {
        return switch (schema.getType()) {
            case RECORD, ENUM, FIXED -> schema.getFullName();
            case ARRAY -> "array<" + describe(schema.getElementType()) + ">";
            case MAP -> "map<" + describe(schema.getValueType()) + ">";
            case UNION ->
                schema.getTypes().stream()
                        .map(branch -> "\"" + describe(branch) + "\"")
                        .collect(Collectors.joining(",", "[", "]"));
            default -> {
                String logical = logicalType(schema);
                yield logical != null ? schema.getName() + "(" + logical + ")" : schema.getName();
            }
        };
    }
}
