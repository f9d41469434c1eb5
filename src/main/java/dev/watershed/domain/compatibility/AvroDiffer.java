package dev.watershed.domain.compatibility;

import dev.watershed.domain.ComputeBudget;
import dev.watershed.domain.contract.SchemaTooComplexException;
import dev.watershed.domain.schema.AvroExpansion;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaIncompatibilityType;

/**
 * Lists the differences between two Avro schemas. What changed comes from a structural comparison (so additions
 * with defaults, promotions and doc changes are reported too); which readers a change breaks comes only from
 * Avro's own {@link SchemaCompatibility}, BACKWARD with the new schema reading data written with the previous one,
 * FORWARD the other way round. Hence a difference breaks BACKWARD exactly when Avro finds the pair incompatible
 * that way, and likewise FORWARD.
 *
 * <p>Avro's check cannot be interrupted and lists an incompatibility once per path to it, so it is only handed
 * schemas whose named types, written out at each use, stay within the step limit.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class AvroDiffer implements SchemaDiffer<Schema> {

    /** Deep enough for any hand-written schema, shallow enough to stay far from the stack limit. */
    public static final int DEFAULT_MAX_DEPTH = 64;

    private static final Map<SchemaIncompatibilityType, DifferenceKind> KIND_WHEN_UNMATCHED = Map.of(
            SchemaIncompatibilityType.NAME_MISMATCH, DifferenceKind.NAME_CHANGED,
            SchemaIncompatibilityType.FIXED_SIZE_MISMATCH, DifferenceKind.FIXED_SIZE_CHANGED,
            SchemaIncompatibilityType.MISSING_ENUM_SYMBOLS, DifferenceKind.SYMBOL_REMOVED,
            SchemaIncompatibilityType.READER_FIELD_MISSING_DEFAULT_VALUE, DifferenceKind.FIELD_ADDED_WITHOUT_DEFAULT,
            SchemaIncompatibilityType.TYPE_MISMATCH, DifferenceKind.TYPE_CHANGED,
            SchemaIncompatibilityType.MISSING_UNION_BRANCH, DifferenceKind.UNION_BRANCH_REMOVED);

    private final int maxDepth;
    private final long maxSteps;

    public AvroDiffer() {
        this(DEFAULT_MAX_DEPTH);
    }

    /** @param maxDepth see {@link #AvroDiffer(int, long)} */
    public AvroDiffer(int maxDepth) {
        this(maxDepth, JsonSchemaDiffer.DEFAULT_MAX_STEPS);
    }

    /**
     * @param maxDepth how many nested types to follow before giving up with {@link SchemaTooDeepException}, from 1
     *                 to {@link JsonSchemaDiffer#MAX_SUPPORTED_DEPTH}
     * @param maxSteps how many steps one comparison may take, and how many types either schema may have with its
     *                 named types written out at each use, before giving up with {@link SchemaTooComplexException}
     */
    public AvroDiffer(int maxDepth, long maxSteps) {
        if (maxDepth < 1 || maxDepth > JsonSchemaDiffer.MAX_SUPPORTED_DEPTH) {
            throw new IllegalArgumentException(
                    "maxDepth must be between 1 and " + JsonSchemaDiffer.MAX_SUPPORTED_DEPTH + ", was " + maxDepth);
        }
        this.maxDepth = maxDepth;
        this.maxSteps = ComparisonLimits.requireValid(maxSteps);
    }

    /**
     * {@inheritDoc}
     *
     * @throws SchemaTooDeepException     when either schema nests deeper than the configured limit
     * @throws SchemaTooComplexException when either schema expands beyond the step limit, or the comparison needs
     *                                    more steps than allowed
     */
    @Override
    public List<Difference> diff(Schema previous, Schema next, ComputeBudget budget) {
        requireExpansionWithinLimit(previous, "previous");
        requireExpansionWithinLimit(next, "new");
        Findings findings = new Findings(
                new AvroStructureComparison(maxDepth, new ComparisonLimits(maxSteps), budget).run(previous, next));
        budget.check();
        attach(findings, next, previous, DataPath.ROOT, true, budget);
        budget.check();
        attach(findings, previous, next, DataPath.ROOT, false, budget);
        return findings.all.stream().map(AvroFinding::toDifference).toList();
    }

    private void requireExpansionWithinLimit(Schema schema, String which) {
        if (AvroExpansion.exceeds(schema, maxSteps)) {
            throw new SchemaTooComplexException("the " + which + " Avro schema has more than " + maxSteps
                    + " types when each named type is written out at every place it is used"
                    + " (watershed.limits.max-comparison-steps): its named types reuse each other along very many"
                    + " paths; reuse them fewer times");
        }
    }

    /** Marks the findings that explain why {@code reader} cannot read data written with {@code writer}. */
    private static void attach(
            Findings findings, Schema reader, Schema writer, String basePath, boolean backward, ComputeBudget budget) {
        List<Incompatibility> incompatibilities = SchemaCompatibility.checkReaderWriterCompatibility(reader, writer)
                .getResult()
                .getIncompatibilities();
        for (Incompatibility incompatibility : incompatibilities) {
            budget.tick();
            String path = basePath + AvroLocation.toDataPath(reader, incompatibility.getLocation());
            if (!attachInsideUnionBranch(findings, incompatibility, path, backward, budget)) {
                AvroFinding finding = finding(findings, incompatibility, path, backward);
                if (backward) {
                    finding.breaksBackward = true;
                } else {
                    finding.breaksForward = true;
                }
            }
        }
    }

    /**
     * Avro reports a union branch it cannot resolve at the union, even when the branch is the same record with a
     * change deep inside. Comparing that branch with its namesake in the reader union finds the real place.
     */
    private static boolean attachInsideUnionBranch(
            Findings findings, Incompatibility incompatibility, String path, boolean backward, ComputeBudget budget) {
        if (incompatibility.getType() != SchemaIncompatibilityType.MISSING_UNION_BRANCH) {
            return false;
        }
        Schema writerBranch = writerBranch(incompatibility);
        if (writerBranch == null) {
            return false;
        }
        for (Schema readerBranch : branches(incompatibility.getReaderFragment())) {
            boolean namesake = readerBranch.getType() == writerBranch.getType()
                    && readerBranch.getType() != Schema.Type.UNION
                    && readerBranch.getName().equals(writerBranch.getName());
            if (namesake && readerBranch != incompatibility.getReaderFragment()) {
                attach(findings, readerBranch, writerBranch, path, backward, budget);
                return true;
            }
        }
        return false;
    }

    private static Schema writerBranch(Incompatibility incompatibility) {
        Schema writer = incompatibility.getWriterFragment();
        if (writer.getType() != Schema.Type.UNION) {
            return writer;
        }
        String location = incompatibility.getLocation();
        String last = location.substring(location.lastIndexOf('/') + 1);
        if (last.isEmpty() || !last.chars().allMatch(Character::isDigit)) {
            return null;
        }
        int index = Integer.parseInt(last);
        return index < writer.getTypes().size() ? writer.getTypes().get(index) : null;
    }

    private static List<Schema> branches(Schema schema) {
        return schema.getType() == Schema.Type.UNION ? schema.getTypes() : List.of(schema);
    }

    /**
     * The structural finding an incompatibility explains, preferring the kinds that cause it in that direction;
     * when the structural walk saw nothing at that place, a new finding built from Avro's own message.
     */
    private static AvroFinding finding(
            Findings findings, Incompatibility incompatibility, String path, boolean backward) {
        List<AvroFinding> here = findings.at(path, backward);
        for (DifferenceKind kind : likelyKinds(incompatibility.getType(), backward)) {
            for (AvroFinding finding : here) {
                if (finding.kind == kind) {
                    return finding;
                }
            }
        }
        for (AvroFinding finding : here) {
            if (!finding.kind.documentationOnly()) {
                return finding;
            }
        }
        AvroFinding unexplained = new AvroFinding(
                KIND_WHEN_UNMATCHED.getOrDefault(incompatibility.getType(), DifferenceKind.TYPE_CHANGED),
                path,
                path,
                "cannot be resolved by Avro (" + incompatibility.getMessage() + ")");
        findings.add(unexplained);
        return unexplained;
    }

    private static List<DifferenceKind> likelyKinds(SchemaIncompatibilityType type, boolean backward) {
        return switch (type) {
            case NAME_MISMATCH -> List.of(DifferenceKind.NAME_CHANGED);
            case FIXED_SIZE_MISMATCH -> List.of(DifferenceKind.FIXED_SIZE_CHANGED);
            case MISSING_ENUM_SYMBOLS ->
                backward ? List.of(DifferenceKind.SYMBOL_REMOVED) : List.of(DifferenceKind.SYMBOL_ADDED);
            case READER_FIELD_MISSING_DEFAULT_VALUE ->
                backward
                        ? List.of(DifferenceKind.FIELD_ADDED_WITHOUT_DEFAULT, DifferenceKind.FIELD_RENAMED)
                        : List.of(DifferenceKind.FIELD_REMOVED, DifferenceKind.FIELD_RENAMED);
            case TYPE_MISMATCH ->
                backward
                        ? List.of(
                                DifferenceKind.TYPE_CHANGED,
                                DifferenceKind.TYPE_NARROWED,
                                DifferenceKind.UNION_BRANCH_REMOVED)
                        : List.of(
                                DifferenceKind.TYPE_CHANGED,
                                DifferenceKind.TYPE_WIDENED,
                                DifferenceKind.UNION_BRANCH_ADDED);
            case MISSING_UNION_BRANCH ->
                backward
                        ? List.of(
                                DifferenceKind.UNION_BRANCH_REMOVED,
                                DifferenceKind.TYPE_CHANGED,
                                DifferenceKind.TYPE_NARROWED)
                        : List.of(
                                DifferenceKind.UNION_BRANCH_ADDED,
                                DifferenceKind.TYPE_CHANGED,
                                DifferenceKind.TYPE_WIDENED);
            default -> List.of();
        };
    }

    public int maxDepth() {
        return maxDepth;
    }

    public long maxSteps() {
        return maxSteps;
    }

    /**
     * The findings in their order, indexed by the path each direction names them by: Avro may list thousands of
     * incompatibilities, and looking each one up by scanning every finding would cost their product.
     */
    private static final class Findings {

        private final List<AvroFinding> all = new ArrayList<>();
        private final Map<String, List<AvroFinding>> byNewPath = new HashMap<>();
        private final Map<String, List<AvroFinding>> byPreviousPath = new HashMap<>();

        Findings(List<AvroFinding> structural) {
            structural.forEach(this::add);
        }

        void add(AvroFinding finding) {
            all.add(finding);
            byNewPath.computeIfAbsent(finding.path, key -> new ArrayList<>()).add(finding);
            byPreviousPath
                    .computeIfAbsent(finding.previousPath, key -> new ArrayList<>())
                    .add(finding);
        }

        /** In list order, the findings at a path as named by the reader: the new schema when {@code backward}. */
        List<AvroFinding> at(String readerPath, boolean backward) {
            return (backward ? byNewPath : byPreviousPath).getOrDefault(readerPath, List.of());
        }
    }
}
