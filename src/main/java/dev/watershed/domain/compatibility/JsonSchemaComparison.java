package dev.watershed.domain.compatibility;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.watershed.domain.ComputeBudget;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One comparison of two JSON Schema documents: the state the keyword rules share (both roots, the options, the
 * differences found so far, the reference pairs being followed) and the recursive step they call back into.
 *
 * <p>A definition used in several places is compared, and reported, at each of them; but a pair of definitions is
 * worked out once and its differences are replayed, moved to the new place, wherever the pair comes back. So the
 * work grows with the size of the schemas and of the answer, not with the number of paths through shared
 * definitions. What is left (the paths of the answer itself, a recursive schema that fans out) is bounded by a
 * number of steps and by the {@link ComputeBudget}.
 */
final class JsonSchemaComparison {

    private static final ObjectNode ACCEPT_ALL = JsonNodeFactory.instance.objectNode();
    private static final int BRIEF_LENGTH = 120;

    private final LocalReferenceResolver oldReferences;
    private final LocalReferenceResolver newReferences;
    private final JsonNode oldRoot;
    private final JsonNode newRoot;
    private final boolean strict;
    private final int maxDepth;
    private final ComparisonLimits limits;
    private final ComputeBudget budget;
    private final boolean reuseOutcomes;
    // Pairs on the current descent only: a recursive schema revisits the same pair and stops there, while a
    // definition used in two places is still compared (and reported) at both.
    private final Set<ReferencePair> pairsInProgress = new HashSet<>();
    private final Map<Remembered, Outcome> outcomes = new HashMap<>();
    private List<Report> reports = new ArrayList<>();
    private boolean insideNot;
    // The keyword whose subschema is being compared when that is not the value at the path itself (the names in
    // `propertyNames`, the element `contains` asks for, a branch of `if`): told in each message, never in the path.
    private String within = "";
    private long cuts;
    private int deepest;

    JsonSchemaComparison(
            JsonNode oldRoot,
            JsonNode newRoot,
            boolean strict,
            int maxDepth,
            ComparisonLimits limits,
            ComputeBudget budget) {
        this(oldRoot, newRoot, strict, maxDepth, limits, budget, true);
    }

    /** @param reuseOutcomes false only to check, in tests, that reusing outcomes changes no answer */
    JsonSchemaComparison(
            JsonNode oldRoot,
            JsonNode newRoot,
            boolean strict,
            int maxDepth,
            ComparisonLimits limits,
            ComputeBudget budget,
            boolean reuseOutcomes) {
        this.oldRoot = oldRoot;
        this.newRoot = newRoot;
        this.oldReferences = new LocalReferenceResolver(oldRoot);
        this.newReferences = new LocalReferenceResolver(newRoot);
        this.strict = strict;
        this.maxDepth = maxDepth;
        this.limits = limits;
        this.budget = budget;
        this.reuseOutcomes = reuseOutcomes;
    }

    List<Difference> run() {
        compare(oldRoot, newRoot, DataPath.ROOT, 0);
        limits.requireDifferences(reports.size());
        List<Difference> differences = new ArrayList<>(reports.size());
        for (Report report : reports) {
            differences.add(report.toDifference());
        }
        return differences;
    }

    boolean strict() {
        return strict;
    }

    /** Compares two subschemas that describe the same place in the data. */
    void compare(JsonNode oldSchema, JsonNode newSchema, String path, int depth) {
        if (depth > maxDepth) {
            throw new SchemaTooDeepException(maxDepth, path);
        }
        step();
        deepest = Math.max(deepest, depth);
        JsonNode oldResolved = oldReferences.resolve(oldSchema);
        JsonNode newResolved = newReferences.resolve(newSchema);
        if (oldResolved == oldSchema && newResolved == newSchema) {
            compareResolved(oldResolved, newResolved, path, depth);
            return;
        }
        ReferencePair pair = new ReferencePair(oldResolved, newResolved);
        if (!pairsInProgress.add(pair)) {
            cuts++;
            return;
        }
        try {
            Remembered key = new Remembered(pair, insideNot, within);
            Outcome known = outcomes.get(key);
            if (known != null && depth + known.height() <= maxDepth) {
                replay(known, path, depth);
            } else {
                compareAndRemember(key, oldResolved, newResolved, path, depth);
            }
        } finally {
            pairsInProgress.remove(pair);
        }
    }

    /**
     * Compares a pair reached through a reference and keeps what it found, unless the comparison stopped at a pair
     * already in progress further up: that result depends on the way the pair was reached, so it is not reused.
     * Otherwise it depends on the two subschemas alone (the path only prefixes what is reported), and replaying it
     * gives exactly what comparing again would.
     */
    private void compareAndRemember(Remembered key, JsonNode oldSchema, JsonNode newSchema, String path, int depth) {
        long cutsBefore = cuts;
        int deepestBefore = deepest;
        deepest = depth;
        List<Report> into = reports;
        int first = into.size();
        compareResolved(oldSchema, newSchema, path, depth);
        int height = deepest - depth;
        deepest = Math.max(deepestBefore, deepest);
        if (reuseOutcomes && cuts == cutsBefore) {
            outcomes.put(key, new Outcome(path, into, first, into.size(), height));
        }
    }

    private void replay(Outcome known, String path, int depth) {
        deepest = Math.max(deepest, depth + known.height());
        for (int index = known.from(); index < known.to(); index++) {
            step();
            add(known.reports().get(index).movedTo(known.path(), path));
        }
    }

    /**
     * Compares two subschemas without recording anything, to learn which readers the replacement of one by the
     * other breaks; used where a single difference (a property added) stands for a whole subschema comparison.
     */
    Breakage probe(JsonNode oldSchema, JsonNode newSchema, String path, int depth) {
        List<Report> saved = reports;
        reports = new ArrayList<>();
        try {
            compare(oldSchema, newSchema, path, depth);
            Breakage breakage = Breakage.NONE;
            for (Report report : reports) {
                breakage = breakage.or(report.breakage());
            }
            // Reports inside a `not` are already turned round; the caller reports the result, which turns it again.
            return insideNot ? breakage.swapped() : breakage;
        } finally {
            reports = saved;
        }
    }

    void report(DifferenceKind kind, String path, String change, Breakage breakage) {
        Breakage effective = insideNot ? breakage.swapped() : breakage;
        String where = change + within + (insideNot ? " (inside `not`)" : "");
        add(new Report(kind, path, where, effective));
    }

    /**
     * Compares two subschemas of a keyword that constrains the value at {@code path} without being that value, such
     * as {@code propertyNames} or {@code contains}; verdicts keep their direction, messages say where they come from.
     *
     * @param keyword how the messages name the place, e.g. "in `propertyNames`"
     */
    void compareWithin(String keyword, JsonNode oldSchema, JsonNode newSchema, String path, int depth) {
        String outer = within;
        within = " (" + keyword + ")" + outer;
        try {
            compare(oldSchema, newSchema, path, depth);
        } finally {
            within = outer;
        }
    }

    /** The schema a node of the previous document stands for, its local {@code $ref}s followed. */
    JsonNode resolveOld(JsonNode schema) {
        return oldReferences.resolve(schema);
    }

    /** The schema a node of the new document stands for, its local {@code $ref}s followed. */
    JsonNode resolveNew(JsonNode schema) {
        return newReferences.resolve(schema);
    }

    /** Compares the schemas inside a {@code not}, where every verdict turns round. */
    void compareNegated(JsonNode oldSchema, JsonNode newSchema, String path, int depth) {
        insideNot = !insideNot;
        try {
            compare(oldSchema, newSchema, path, depth);
        } finally {
            insideNot = !insideNot;
        }
    }

    private void add(Report report) {
        reports.add(report);
        limits.requireDifferences(reports.size());
    }

    private void step() {
        limits.step();
        budget.tick();
    }

    private void compareResolved(JsonNode oldSchema, JsonNode newSchema, String path, int depth) {
        boolean oldRejectsAll = rejectsAll(oldSchema);
        boolean newRejectsAll = rejectsAll(newSchema);
        if (oldRejectsAll || newRejectsAll) {
            compareRejectAll(oldRejectsAll, newRejectsAll, path);
            return;
        }
        if (LocalReferenceResolver.isReference(oldSchema) || LocalReferenceResolver.isReference(newSchema)) {
            compareUnresolved(oldSchema, newSchema, path);
            return;
        }
        ObjectNode oldObject = asObject(oldSchema);
        ObjectNode newObject = asObject(newSchema);
        if (CompositionRules.compareAsAlternatives(this, oldObject, newObject, path, depth)) {
            return;
        }
        DocumentationRules.compare(this, oldObject, newObject, path);
        if (!TypeRules.compare(this, oldObject, newObject, path)) {
            return;
        }
        ValueRules.compare(this, oldObject, newObject, path);
        BoundRules.compare(this, oldObject, newObject, path);
        StringRules.compare(this, oldObject, newObject, path, depth);
        ObjectRules.compare(this, oldObject, newObject, path, depth);
        ArrayRules.compare(this, oldObject, newObject, path, depth);
        ConditionalRules.compare(this, oldObject, newObject, path, depth);
        CompositionRules.compare(this, oldObject, newObject, path, depth);
    }

    private void compareRejectAll(boolean oldRejectsAll, boolean newRejectsAll, String path) {
        if (oldRejectsAll && newRejectsAll) {
            return;
        }
        if (newRejectsAll) {
            report(
                    DifferenceKind.SCHEMA_NARROWED,
                    path,
                    "no longer accepts any value (schema `false`)",
                    Breakage.BACKWARD);
        } else {
            report(
                    DifferenceKind.SCHEMA_WIDENED,
                    path,
                    "accepted no value before (schema `false`) and now does",
                    Breakage.FORWARD);
        }
    }

    private void compareUnresolved(JsonNode oldSchema, JsonNode newSchema, String path) {
        String oldReference = oldSchema.path("$ref").asText("(inline schema)");
        String newReference = newSchema.path("$ref").asText("(inline schema)");
        if (!Objects.equals(oldReference, newReference) || !oldSchema.equals(newSchema)) {
            report(
                    DifferenceKind.REFERENCE_CHANGED,
                    path,
                    "changed from `" + oldReference + "` to `" + newReference
                            + "`, which cannot be resolved locally, so the change is assumed to break",
                    Breakage.BOTH);
        }
    }

    /** A subschema quoted in a message: whole when short, cut when it would drown the sentence. */
    static String brief(JsonNode schema) {
        String text = schema.toString();
        return text.length() <= BRIEF_LENGTH ? text : text.substring(0, BRIEF_LENGTH) + "…";
    }

    static boolean rejectsAll(JsonNode schema) {
        return schema.isBoolean() && !schema.booleanValue();
    }

    /** {@code true} and an absent subschema accept everything, exactly as {@code {}} does. */
    static ObjectNode asObject(JsonNode schema) {
        return schema != null && schema.isObject() ? (ObjectNode) schema : ACCEPT_ALL;
    }

    /** A difference before its message is written, so that a replay can move it to another path. */
    private record Report(DifferenceKind kind, String path, String change, Breakage breakage) {

        Report movedTo(String from, String to) {
            return new Report(kind, to + path.substring(from.length()), change, breakage);
        }

        Difference toDifference() {
            return breakage.difference(kind, path, "property", change);
        }
    }

    /**
     * A pair of definitions compared in or outside a {@code not}, which turns its verdicts round, and within a
     * keyword, which its messages name.
     */
    private record Remembered(ReferencePair pair, boolean insideNot, String within) {}

    /**
     * What comparing a pair reported: the slice {@code [from, to)} of a list of reports, made at {@code path}, and
     * how many levels the comparison went below its own depth.
     */
    private record Outcome(String path, List<Report> reports, int from, int to, int height) {}

    /** Identity, not equality: two equal-looking definitions at different places are different schemas. */
    private static final class ReferencePair {
        private final JsonNode oldSchema;
        private final JsonNode newSchema;

        ReferencePair(JsonNode oldSchema, JsonNode newSchema) {
            this.oldSchema = oldSchema;
            this.newSchema = newSchema;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof ReferencePair pair && pair.oldSchema == oldSchema && pair.newSchema == newSchema;
        }

        @Override
        public int hashCode() {
            return 31 * System.identityHashCode(oldSchema) + System.identityHashCode(newSchema);
        }
    }
}
