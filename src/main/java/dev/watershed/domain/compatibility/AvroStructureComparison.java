package dev.watershed.domain.compatibility;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.watershed.domain.ComputeBudget;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.avro.JsonProperties;
import org.apache.avro.Schema;

/**
 * Walks two Avro schemas side by side and lists what changed, breaking or not (a field added with a default, a
 * promotion, a new union branch, a new doc). Whether a change breaks is not decided here: {@link AvroDiffer} takes
 * that from Avro's own {@code SchemaCompatibility}, so the two can never disagree.
 *
 * <p>A named record used in several places is reported at each of them, but each pair of records is worked out
 * once: wherever the pair comes back, its findings are replayed at the new place.
 *
 * <p>One file on purpose, past 400 lines: every method is a step of one recursive walk that shares its state (the
 * findings so far, the pairs in progress, the remembered outcomes, the depth and the step budget), and the replay is
 * only right if every step records into that state the same way; split across classes, that state would have to be
 * passed around or exposed.
 */
final class AvroStructureComparison {

    private static final ObjectMapper DEFAULTS = new ObjectMapper();

    /** Avro's schema resolution promotions, writer type to the reader types that can read it. */
    private static final Map<Schema.Type, Set<Schema.Type>> PROMOTIONS = Map.of(
            Schema.Type.INT, Set.of(Schema.Type.LONG, Schema.Type.FLOAT, Schema.Type.DOUBLE),
            Schema.Type.LONG, Set.of(Schema.Type.FLOAT, Schema.Type.DOUBLE),
            Schema.Type.FLOAT, Set.of(Schema.Type.DOUBLE),
            Schema.Type.STRING, Set.of(Schema.Type.BYTES),
            Schema.Type.BYTES, Set.of(Schema.Type.STRING));

    private final int maxDepth;
    private final ComparisonLimits limits;
    private final ComputeBudget budget;
    private final boolean reuseOutcomes;
    private final List<AvroFinding> findings = new ArrayList<>();
    // Named types already compared on this descent; a recursive record refers back to itself through its name.
    private final Set<String> namedPairsInProgress = new HashSet<>();
    private final Map<String, Outcome> outcomes = new HashMap<>();
    private long cuts;
    private int deepest;

    AvroStructureComparison(int maxDepth, ComparisonLimits limits, ComputeBudget budget) {
        this(maxDepth, limits, budget, true);
    }

    /** @param reuseOutcomes false only to check, in tests, that reusing outcomes changes no answer */
    AvroStructureComparison(int maxDepth, ComparisonLimits limits, ComputeBudget budget, boolean reuseOutcomes) {
        this.maxDepth = maxDepth;
        this.limits = limits;
        this.budget = budget;
        this.reuseOutcomes = reuseOutcomes;
    }

    List<AvroFinding> run(Schema previous, Schema next) {
        compare(previous, next, new Paths(DataPath.ROOT, DataPath.ROOT), 0);
        return findings;
    }

    private void compare(Schema oldSchema, Schema newSchema, Paths path, int depth) {
        if (depth > maxDepth) {
            throw new SchemaTooDeepException(maxDepth, path.next());
        }
        limits.step();
        budget.tick();
        deepest = Math.max(deepest, depth);
        if (oldSchema.getType() == Schema.Type.UNION || newSchema.getType() == Schema.Type.UNION) {
            compareUnions(branches(oldSchema), branches(newSchema), path, depth);
            return;
        }
        if (oldSchema.getType() != newSchema.getType()) {
            compareDifferentTypes(oldSchema, newSchema, path);
            return;
        }
        compareLogicalTypes(oldSchema, newSchema, path);
        switch (oldSchema.getType()) {
            case RECORD -> compareNamed(oldSchema, newSchema, path, depth);
            case ENUM -> compareEnums(oldSchema, newSchema, path);
            case FIXED -> compareFixed(oldSchema, newSchema, path);
            case ARRAY -> compare(oldSchema.getElementType(), newSchema.getElementType(), path.element(), depth + 1);
            case MAP -> compare(oldSchema.getValueType(), newSchema.getValueType(), path.element(), depth + 1);
            default -> {
                // primitives of the same type carry nothing more than their logical type
            }
        }
    }

    private void compareDifferentTypes(Schema oldSchema, Schema newSchema, Paths path) {
        String change = "changed from " + describe(oldSchema) + " to " + describe(newSchema);
        if (promotes(oldSchema, newSchema) && !promotes(newSchema, oldSchema)) {
            add(DifferenceKind.TYPE_WIDENED, path, change + " (a promotion)");
        } else if (promotes(newSchema, oldSchema) && !promotes(oldSchema, newSchema)) {
            add(DifferenceKind.TYPE_NARROWED, path, change);
        } else {
            add(DifferenceKind.TYPE_CHANGED, path, change);
        }
    }

    private static boolean promotes(Schema writer, Schema reader) {
        return PROMOTIONS.getOrDefault(writer.getType(), Set.of()).contains(reader.getType());
    }

    private void compareLogicalTypes(Schema oldSchema, Schema newSchema, Paths path) {
        String oldLogical = oldSchema.getProp("logicalType");
        String newLogical = newSchema.getProp("logicalType");
        boolean decimalChanged = "decimal".equals(oldLogical)
                && "decimal".equals(newLogical)
                && (!Objects.equals(oldSchema.getObjectProp("precision"), newSchema.getObjectProp("precision"))
                        || !Objects.equals(oldSchema.getObjectProp("scale"), newSchema.getObjectProp("scale")));
        if (!Objects.equals(oldLogical, newLogical) || decimalChanged) {
            add(
                    DifferenceKind.LOGICAL_TYPE_CHANGED,
                    path,
                    "changed its logical type from " + describe(oldSchema) + " to " + describe(newSchema));
        }
    }

    private void compareNamed(Schema oldRecord, Schema newRecord, Paths path, int depth) {
        String pair = oldRecord.getFullName() + "->" + newRecord.getFullName();
        if (!namedPairsInProgress.add(pair)) {
            cuts++;
            return;
        }
        try {
            Outcome known = outcomes.get(pair);
            if (known != null && depth + known.height() <= maxDepth) {
                replay(known, path, depth);
            } else {
                compareAndRemember(pair, oldRecord, newRecord, path, depth);
            }
        } finally {
            namedPairsInProgress.remove(pair);
        }
    }

    /**
     * Compares a pair of records and keeps what it found, unless the comparison stopped at a pair already in
     * progress further up, which makes the result depend on the way the pair was reached.
     */
    private void compareAndRemember(String pair, Schema oldRecord, Schema newRecord, Paths path, int depth) {
        long cutsBefore = cuts;
        int deepestBefore = deepest;
        deepest = depth;
        int first = findings.size();
        compareNameAndDoc(oldRecord, newRecord, path);
        compareFields(oldRecord, newRecord, path, depth);
        int height = deepest - depth;
        deepest = Math.max(deepestBefore, deepest);
        if (reuseOutcomes && cuts == cutsBefore) {
            outcomes.put(pair, new Outcome(path, first, findings.size(), height));
        }
    }

    private void replay(Outcome known, Paths path, int depth) {
        deepest = Math.max(deepest, depth + known.height());
        for (int index = known.from(); index < known.to(); index++) {
            limits.step();
            budget.tick();
            addFinding(findings.get(index).movedTo(known.path(), path));
        }
    }

    private void compareNameAndDoc(Schema oldSchema, Schema newSchema, Paths path) {
        if (!oldSchema.getFullName().equals(newSchema.getFullName())) {
            add(
                    DifferenceKind.NAME_CHANGED,
                    path,
                    "changed its type name from `" + oldSchema.getFullName() + "` to `" + newSchema.getFullName()
                            + "`");
        }
        if (!Objects.equals(oldSchema.getAliases(), newSchema.getAliases())) {
            add(
                    DifferenceKind.ALIASES_CHANGED,
                    path,
                    "changed its type aliases from " + oldSchema.getAliases() + " to " + newSchema.getAliases());
        }
        if (!Objects.equals(oldSchema.getDoc(), newSchema.getDoc())) {
            add(DifferenceKind.DOCUMENTATION_CHANGED, path, "changed the `doc` of type `" + newSchema.getName() + "`");
        }
    }

    private void compareFields(Schema oldRecord, Schema newRecord, Paths path, int depth) {
        Set<String> matchedOld = new HashSet<>();
        for (Schema.Field newField : newRecord.getFields()) {
            Schema.Field oldField = oldRecord.getField(newField.name());
            boolean renamed = false;
            if (oldField == null) {
                oldField = renamedFrom(oldRecord, newField);
                renamed = oldField != null;
            }
            Paths fieldPath = path.child(oldField == null ? newField.name() : oldField.name(), newField.name());
            if (oldField == null) {
                boolean hasDefault = newField.hasDefaultValue();
                add(
                        hasDefault
                                ? DifferenceKind.FIELD_ADDED_WITH_DEFAULT
                                : DifferenceKind.FIELD_ADDED_WITHOUT_DEFAULT,
                        fieldPath,
                        "was added " + (hasDefault ? "with default " + defaultOf(newField) : "without a default"));
                continue;
            }
            matchedOld.add(oldField.name());
            if (renamed) {
                add(
                        DifferenceKind.FIELD_RENAMED,
                        fieldPath,
                        "was renamed from `" + oldField.name() + "` (kept as an alias)");
            }
            compareField(oldField, newField, fieldPath, !renamed, depth);
        }
        for (Schema.Field oldField : oldRecord.getFields()) {
            if (!matchedOld.contains(oldField.name())) {
                add(
                        DifferenceKind.FIELD_REMOVED,
                        path.child(oldField.name(), oldField.name()),
                        "was removed" + (oldField.hasDefaultValue() ? " (it had a default)" : " (it had no default)"));
            }
        }
    }

    /**
     * A field's default as the schema writes it ({@code null}, {@code "EUR"}, {@code {"a": 1}}): Avro hands it over as
     * Java objects, whose own text would be {@code JsonProperties$Null@5e2de80c} for a null default.
     */
    private static String defaultOf(Schema.Field field) {
        Object value = field.defaultVal();
        if (value == JsonProperties.NULL_VALUE) {
            return "null";
        }
        try {
            return DEFAULTS.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            return "(a default that cannot be shown)";
        }
    }

    private static Schema.Field renamedFrom(Schema oldRecord, Schema.Field newField) {
        for (String alias : newField.aliases()) {
            Schema.Field candidate = oldRecord.getField(alias);
            if (candidate != null) {
                return candidate;
            }
        }
        return null;
    }

    /** @param compareAliases false for a renamed field, whose new alias is already reported as the rename */
    private void compareField(
            Schema.Field oldField, Schema.Field newField, Paths fieldPath, boolean compareAliases, int depth) {
        if (oldField.hasDefaultValue() != newField.hasDefaultValue()) {
            add(
                    newField.hasDefaultValue() ? DifferenceKind.DEFAULT_ADDED : DifferenceKind.DEFAULT_REMOVED,
                    fieldPath,
                    newField.hasDefaultValue()
                            ? "gained the default " + defaultOf(newField)
                            : "lost its default " + defaultOf(oldField));
        } else if (oldField.hasDefaultValue() && !Objects.equals(oldField.defaultVal(), newField.defaultVal())) {
            add(
                    DifferenceKind.DEFAULT_CHANGED,
                    fieldPath,
                    "changed its default from " + defaultOf(oldField) + " to " + defaultOf(newField));
        }
        if (!Objects.equals(oldField.doc(), newField.doc())) {
            add(DifferenceKind.DOCUMENTATION_CHANGED, fieldPath, "changed its `doc`");
        }
        if (compareAliases && !Objects.equals(oldField.aliases(), newField.aliases())) {
            add(
                    DifferenceKind.ALIASES_CHANGED,
                    fieldPath,
                    "changed its aliases from " + oldField.aliases() + " to " + newField.aliases());
        }
        compare(oldField.schema(), newField.schema(), fieldPath, depth + 1);
    }

    private void compareEnums(Schema oldEnum, Schema newEnum, Paths path) {
        compareNameAndDoc(oldEnum, newEnum, path);
        List<String> added = new ArrayList<>(newEnum.getEnumSymbols());
        added.removeAll(oldEnum.getEnumSymbols());
        List<String> removed = new ArrayList<>(oldEnum.getEnumSymbols());
        removed.removeAll(newEnum.getEnumSymbols());
        if (!added.isEmpty()) {
            add(DifferenceKind.SYMBOL_ADDED, path, "gained the symbols " + added);
        }
        if (!removed.isEmpty()) {
            add(DifferenceKind.SYMBOL_REMOVED, path, "lost the symbols " + removed);
        }
        String oldDefault = oldEnum.getEnumDefault();
        String newDefault = newEnum.getEnumDefault();
        if (!Objects.equals(oldDefault, newDefault)) {
            DifferenceKind kind = oldDefault == null
                    ? DifferenceKind.DEFAULT_ADDED
                    : newDefault == null ? DifferenceKind.DEFAULT_REMOVED : DifferenceKind.DEFAULT_CHANGED;
            add(kind, path, "changed its enum default from " + oldDefault + " to " + newDefault);
        }
    }

    private void compareFixed(Schema oldFixed, Schema newFixed, Paths path) {
        compareNameAndDoc(oldFixed, newFixed, path);
        if (oldFixed.getFixedSize() != newFixed.getFixedSize()) {
            add(
                    DifferenceKind.FIXED_SIZE_CHANGED,
                    path,
                    "changed its fixed size from " + oldFixed.getFixedSize() + " to " + newFixed.getFixedSize()
                            + " bytes");
        }
    }

    /**
     * Pairs union branches by type and name, then a leftover old branch with a leftover new branch it promotes to
     * or from; a non-union counts as a union of one, so {@code int} to {@code ["null", "int"]} is a branch added.
     */
    private void compareUnions(List<Schema> oldBranches, List<Schema> newBranches, Paths path, int depth) {
        List<Schema> unpairedNew = new ArrayList<>(newBranches);
        List<Schema> unpairedOld = new ArrayList<>();
        for (Schema oldBranch : oldBranches) {
            Schema partner = find(unpairedNew, oldBranch, true);
            if (partner == null) {
                unpairedOld.add(oldBranch);
            } else {
                unpairedNew.remove(partner);
                compare(oldBranch, partner, path, depth + 1);
            }
        }
        List<Schema> removed = new ArrayList<>();
        for (Schema oldBranch : unpairedOld) {
            Schema partner = find(unpairedNew, oldBranch, false);
            if (partner == null) {
                removed.add(oldBranch);
            } else {
                unpairedNew.remove(partner);
                compare(oldBranch, partner, path, depth + 1);
            }
        }
        for (Schema branch : removed) {
            add(DifferenceKind.UNION_BRANCH_REMOVED, path, "no longer accepts " + describe(branch));
        }
        for (Schema branch : unpairedNew) {
            add(DifferenceKind.UNION_BRANCH_ADDED, path, "now also accepts " + describe(branch));
        }
    }

    private static Schema find(List<Schema> candidates, Schema branch, boolean sameType) {
        for (Schema candidate : candidates) {
            boolean match = sameType
                    ? candidate.getType() == branch.getType()
                            && (!isNamed(branch) || candidate.getFullName().equals(branch.getFullName()))
                    : promotes(branch, candidate) || promotes(candidate, branch);
            if (match) {
                return candidate;
            }
        }
        return null;
    }

    private static boolean isNamed(Schema schema) {
        return schema.getType() == Schema.Type.RECORD
                || schema.getType() == Schema.Type.ENUM
                || schema.getType() == Schema.Type.FIXED;
    }

    private static List<Schema> branches(Schema schema) {
        return schema.getType() == Schema.Type.UNION ? schema.getTypes() : List.of(schema);
    }

    static String describe(Schema schema) {
        String logical = schema.getProp("logicalType");
        String base = isNamed(schema)
                ? schema.getType().getName() + " `" + schema.getName() + "`"
                : schema.getType() == Schema.Type.UNION
                        ? "union "
                                + schema.getTypes().stream()
                                        .map(AvroStructureComparison::describe)
                                        .toList()
                        : schema.getType().getName();
        return logical == null ? base : base + " (" + logical + ")";
    }

    private void add(DifferenceKind kind, Paths path, String change) {
        addFinding(new AvroFinding(kind, path.next(), path.previous(), change));
    }

    private void addFinding(AvroFinding finding) {
        findings.add(finding);
        limits.requireDifferences(findings.size());
    }

    /** The findings {@code [from, to)} a pair of records yielded at {@code path}, and how deep it went below. */
    private record Outcome(Paths path, int from, int to, int height) {}

    /**
     * The same place in the data as named by each schema: the names differ below a renamed field, and Avro
     * reports each direction's incompatibilities in its reader's names.
     */
    record Paths(String previous, String next) {

        Paths child(String previousName, String nextName) {
            return new Paths(DataPath.child(previous, previousName), DataPath.child(next, nextName));
        }

        Paths element() {
            return new Paths(DataPath.element(previous), DataPath.element(next));
        }
    }
}
