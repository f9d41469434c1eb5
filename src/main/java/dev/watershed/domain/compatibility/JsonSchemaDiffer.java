package dev.watershed.domain.compatibility;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * Lists the differences between two JSON Schemas (draft-04 to 2020-12), each with whether it breaks BACKWARD
 * readers (some instance valid under the previous schema is invalid under the new one) or FORWARD readers (the
 * converse). Local {@code $ref}s are followed; recursive schemas are compared once per pair of definitions.
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

    private final boolean strict;
    private final int maxDepth;

    /** A lenient differ with the default depth limit. */
    public JsonSchemaDiffer() {
        this(false, DEFAULT_MAX_DEPTH);
    }

    /**
     * @param strict   whether properties added to or removed from open content models count literally
     * @param maxDepth how many nested subschemas to follow before giving up with {@link SchemaTooDeepException}
     */
    public JsonSchemaDiffer(boolean strict, int maxDepth) {
        if (maxDepth < 1) {
            throw new IllegalArgumentException("maxDepth must be at least 1, was " + maxDepth);
        }
        this.strict = strict;
        this.maxDepth = maxDepth;
    }

    /**
     * {@inheritDoc}
     *
     * @throws SchemaTooDeepException when either schema nests deeper than the configured limit
     */
    @Override
    public List<Difference> diff(JsonNode previous, JsonNode next) {
        return List.copyOf(new JsonSchemaComparison(previous, next, strict, maxDepth).run());
    }

    public boolean strict() {
        return strict;
    }

    public int maxDepth() {
        return maxDepth;
    }
}
