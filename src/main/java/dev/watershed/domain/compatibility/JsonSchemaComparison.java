package dev.watershed.domain.compatibility;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One comparison of two JSON Schema documents: the state the keyword rules share (both roots, the options, the
 * differences found so far, the reference pairs being followed) and the recursive step they call back into.
 */
final class JsonSchemaComparison {

    private static final ObjectNode ACCEPT_ALL = JsonNodeFactory.instance.objectNode();

    private final LocalReferenceResolver oldReferences;
    private final LocalReferenceResolver newReferences;
    private final JsonNode oldRoot;
    private final JsonNode newRoot;
    private final boolean strict;
    private final int maxDepth;
    // Pairs on the current descent only: a recursive schema revisits the same pair and stops there, while a
    // definition used in two places is still compared (and reported) at both.
    private final Set<ReferencePair> pairsInProgress = new HashSet<>();
    private List<Difference> differences = new ArrayList<>();
    private boolean insideNot;

    JsonSchemaComparison(JsonNode oldRoot, JsonNode newRoot, boolean strict, int maxDepth) {
        this.oldRoot = oldRoot;
        this.newRoot = newRoot;
        this.oldReferences = new LocalReferenceResolver(oldRoot);
        this.newReferences = new LocalReferenceResolver(newRoot);
        this.strict = strict;
        this.maxDepth = maxDepth;
    }

    List<Difference> run() {
        compare(oldRoot, newRoot, DataPath.ROOT, 0);
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
        JsonNode oldResolved = oldReferences.resolve(oldSchema);
        JsonNode newResolved = newReferences.resolve(newSchema);
        boolean viaReference = oldResolved != oldSchema || newResolved != newSchema;
        ReferencePair pair = new ReferencePair(oldResolved, newResolved);
        if (viaReference && !pairsInProgress.add(pair)) {
            return;
        }
        try {
            compareResolved(oldResolved, newResolved, path, depth);
        } finally {
            if (viaReference) {
                pairsInProgress.remove(pair);
            }
        }
    }

    /**
     * Compares two subschemas without recording anything, to learn which readers the replacement of one by the
     * other breaks; used where a single difference (a property added) stands for a whole subschema comparison.
     */
    Breakage probe(JsonNode oldSchema, JsonNode newSchema, String path, int depth) {
        List<Difference> saved = differences;
        differences = new ArrayList<>();
        try {
            compare(oldSchema, newSchema, path, depth);
            Breakage breakage = Breakage.NONE;
            for (Difference difference : differences) {
                breakage = breakage.or(new Breakage(difference.breaksBackward(), difference.breaksForward()));
            }
            return breakage;
        } finally {
            differences = saved;
        }
    }

    void report(DifferenceKind kind, String path, String change, Breakage breakage) {
        Breakage effective = insideNot ? breakage.swapped() : breakage;
        String where = insideNot ? change + " (inside `not`)" : change;
        differences.add(effective.difference(kind, path, "property", where));
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
        DocumentationRules.compare(this, oldObject, newObject, path);
        if (!TypeRules.compare(this, oldObject, newObject, path)) {
            return;
        }
        ValueRules.compare(this, oldObject, newObject, path);
        BoundRules.compare(this, oldObject, newObject, path);
        StringRules.compare(this, oldObject, newObject, path);
        ObjectRules.compare(this, oldObject, newObject, path, depth);
        ArrayRules.compare(this, oldObject, newObject, path, depth);
        CompositionRules.compare(this, oldObject, newObject, path, depth);
    }

    private void compareRejectAll(boolean oldRejectsAll, boolean newRejectsAll, String path) {
        if (oldRejectsAll && newRejectsAll) {
            return;
        }
        if (newRejectsAll) {
            report(DifferenceKind.SCHEMA_NARROWED, path, "no longer accepts any value (schema `false`)",
                    Breakage.BACKWARD);
        } else {
            report(DifferenceKind.SCHEMA_WIDENED, path, "accepted no value before (schema `false`) and now does",
                    Breakage.FORWARD);
        }
    }

    private void compareUnresolved(JsonNode oldSchema, JsonNode newSchema, String path) {
        String oldReference = oldSchema.path("$ref").asText("(inline schema)");
        String newReference = newSchema.path("$ref").asText("(inline schema)");
        if (!Objects.equals(oldReference, newReference) || !oldSchema.equals(newSchema)) {
            report(DifferenceKind.REFERENCE_CHANGED, path, "changed from `" + oldReference + "` to `" + newReference
                    + "`, which cannot be resolved locally, so the change is assumed to break", Breakage.BOTH);
        }
    }

    static boolean rejectsAll(JsonNode schema) {
        return schema.isBoolean() && !schema.booleanValue();
    }

    /** {@code true} and an absent subschema accept everything, exactly as {@code {}} does. */
    static ObjectNode asObject(JsonNode schema) {
        return schema != null && schema.isObject() ? (ObjectNode) schema : ACCEPT_ALL;
    }

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
