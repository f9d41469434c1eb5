package dev.watershed.domain.compatibility;

import com.fasterxml.jackson.databind.JsonNode;
import dev.watershed.domain.ComputeBudget;
import java.util.List;

/**
 * Lists the differences between two JSON Schemas (draft-04 to 2020-12), each with whether it breaks BACKWARD
 * readers (some instance valid under the previous schema is invalid under the new one) or FORWARD readers (the
 * converse). Local {@code $ref}s are followed; recursive schemas are compared once per pair of definitions. A
 * definition used in several places is reported at each, but compared once per pair and place in a {@code not}:
 * the work grows with the schemas and the answer, not with the number of paths through shared definitions.
 *
 * <p>Lenient by default: a property that appears in, or disappears from, an open content model is reported but
 * does not break. In strict mode the literal rule applies: an open model allowed any value under any name, so a
 * constrained property added to it breaks BACKWARD, and one removed from it breaks FORWARD.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class JsonSchemaDiffer implements SchemaDiffer<JsonNode> {

    /** Deep enough for any schema written by hand, shallow enough to stay far from the thread's stack limit. */
    public static final int DEFAULT_MAX_DEPTH = 64;

    /**
     * The largest limit accepted. Each nested subschema costs a few stack frames; measured on a default 1 MB
     * thread stack, about a thousand levels overflow, so the limit stays well below that.
     */
    public static final int MAX_SUPPORTED_DEPTH = 256;

    /**
     * Steps one comparison may take: a pair of subschemas compared, or a difference of a shared definition placed
     * again. Ordinary schemas need thousands; about a million take a second or two.
     */
    public static final long DEFAULT_MAX_STEPS = 1_000_000;

    private final boolean strict;
    private final int maxDepth;
    private final long maxSteps;

    /** A lenient differ with the default depth limit. */
    public JsonSchemaDiffer() {
        this(false, DEFAULT_MAX_DEPTH);
    }

    /**
     * @param strict   whether properties added to or removed from open content models count literally
     * @param maxDepth how many nested subschemas to follow before giving up with {@link SchemaTooDeepException},
     *                 from 1 to {@link #MAX_SUPPORTED_DEPTH}
     */
    public JsonSchemaDiffer(boolean strict, int maxDepth) {
        this(strict, maxDepth, DEFAULT_MAX_STEPS);
    }

    /**
     * @param strict   whether properties added to or removed from open content models count literally
     * @param maxDepth how many nested subschemas to follow before giving up with {@link SchemaTooDeepException},
     *                 from 1 to {@link #MAX_SUPPORTED_DEPTH}
     * @param maxSteps how many steps one comparison may take before giving up with
     *                 {@link dev.watershed.domain.contract.SchemaTooComplexException}
     */
    public JsonSchemaDiffer(boolean strict, int maxDepth, long maxSteps) {
        if (maxDepth < 1 || maxDepth > MAX_SUPPORTED_DEPTH) {
            throw new IllegalArgumentException(
                    "maxDepth must be between 1 and " + MAX_SUPPORTED_DEPTH + ", was " + maxDepth);
        }
        this.strict = strict;
        this.maxDepth = maxDepth;
        this.maxSteps = ComparisonLimits.requireValid(maxSteps);
    }

    /**
     * {@inheritDoc}
     *
     * @throws SchemaTooDeepException when either schema nests deeper than the configured limit
     * @throws dev.watershed.domain.contract.SchemaTooComplexException when the comparison needs more steps than
     *     allowed, or finds more differences than anyone could read
     */
    @Override
    public List<Difference> diff(JsonNode previous, JsonNode next, ComputeBudget budget) {
        return List.copyOf(
                new JsonSchemaComparison(previous, next, strict, maxDepth, new ComparisonLimits(maxSteps), budget)
                        .run());
    }

    public boolean strict() {
        return strict;
    }

    public int maxDepth() {
        return maxDepth;
    }

    public long maxSteps() {
        return maxSteps;
    }
}
