package dev.watershed.domain.compatibility;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.watershed.domain.ComputeBudget;
import dev.watershed.domain.contract.CompatibilityMode;
import dev.watershed.domain.contract.SchemaFormat;
import dev.watershed.domain.contract.VersionBump;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * Checks a new schema version against its previous versions under a {@link CompatibilityMode}, for any schema
 * format, and derives the version bump the change needs.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class CompatibilityChecker {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonSchemaDiffer lenientJsonSchemaDiffer;
    private final JsonSchemaDiffer strictJsonSchemaDiffer;
    private final AvroDiffer avroDiffer;

    /** A checker with the default depth and step limits. */
    public CompatibilityChecker() {
        this(JsonSchemaDiffer.DEFAULT_MAX_DEPTH);
    }

    /** @param maxDepth how deep either differ follows nested schemas before {@link SchemaTooDeepException} */
    public CompatibilityChecker(int maxDepth) {
        this(maxDepth, JsonSchemaDiffer.DEFAULT_MAX_STEPS);
    }

    /**
     * @param maxDepth how deep either differ follows nested schemas before {@link SchemaTooDeepException}
     * @param maxSteps how many steps one comparison of two versions may take before
     *                 {@link dev.watershed.domain.contract.SchemaTooComplexException}
     */
    public CompatibilityChecker(int maxDepth, long maxSteps) {
        this.lenientJsonSchemaDiffer = new JsonSchemaDiffer(false, maxDepth, maxSteps);
        this.strictJsonSchemaDiffer = new JsonSchemaDiffer(true, maxDepth, maxSteps);
        this.avroDiffer = new AvroDiffer(maxDepth, maxSteps);
    }

    /**
     * Checks a schema given in any accepted form.
     *
     * @param format              the schema language
     * @param mode                the guarantee to check
     * @param strict              JSON Schema only: read open content models literally (see {@link JsonSchemaDiffer})
     * @param next                the new schema: a {@link JsonNode} or JSON text for JSON Schema, an Avro
     *                            {@link Schema} or its JSON text for Avro
     * @param previousOldestFirst the published versions, oldest first, in the same forms; empty for a first version
     * @throws InvalidSchemaException when a schema is neither the parsed type nor parsable text of the format
     * @throws SchemaTooDeepException when a schema nests deeper than the configured limit
     * @throws dev.watershed.domain.contract.SchemaTooComplexException when comparing two versions needs more steps
     *     than the configured limit
     */
    public CompatibilityVerdict check(
            SchemaFormat format, CompatibilityMode mode, boolean strict, Object next, List<?> previousOldestFirst) {
        return check(format, mode, strict, next, previousOldestFirst, ComputeBudget.unlimited());
    }

    /**
     * Checks a schema given in any accepted form within a compute budget; see
     * {@link #check(SchemaFormat, CompatibilityMode, boolean, Object, List)}.
     *
     * @throws dev.watershed.domain.ComputeBudgetExceededException when the budget runs out
     * @throws dev.watershed.domain.ComputeCancelledException      when the budget is cancelled
     */
    public CompatibilityVerdict check(
            SchemaFormat format,
            CompatibilityMode mode,
            boolean strict,
            Object next,
            List<?> previousOldestFirst,
            ComputeBudget budget) {
        return switch (format) {
            case JSON_SCHEMA ->
                check(
                        strict ? strictJsonSchemaDiffer : lenientJsonSchemaDiffer,
                        mode,
                        jsonSchema(next),
                        previousOldestFirst.stream()
                                .map(CompatibilityChecker::jsonSchema)
                                .toList(),
                        budget);
            case AVRO ->
                check(
                        avroDiffer,
                        mode,
                        avroSchema(next),
                        previousOldestFirst.stream()
                                .map(CompatibilityChecker::avroSchema)
                                .toList(),
                        budget);
        };
    }

    /**
     * Checks a new version with a given differ.
     *
     * @param previousOldestFirst the published versions, oldest first; only the last counts unless the mode is
     *                            transitive; empty for a first version, which is always compatible and needs no bump
     */
    public static <T> CompatibilityVerdict check(
            SchemaDiffer<T> differ, CompatibilityMode mode, T next, List<T> previousOldestFirst) {
        return check(differ, mode, next, previousOldestFirst, ComputeBudget.unlimited());
    }

    /**
     * Checks a new version with a given differ within a compute budget, which is also checked between versions.
     *
     * @param previousOldestFirst the published versions, oldest first; only the last counts unless the mode is
     *                            transitive; empty for a first version, which is always compatible and needs no bump
     */
    public static <T> CompatibilityVerdict check(
            SchemaDiffer<T> differ, CompatibilityMode mode, T next, List<T> previousOldestFirst, ComputeBudget budget) {
        if (previousOldestFirst.isEmpty()) {
            return new CompatibilityVerdict(true, mode, List.of(), List.of(), Optional.empty());
        }
        int latest = previousOldestFirst.size() - 1;
        List<Difference> againstLatest = differ.diff(previousOldestFirst.get(latest), next, budget);
        // Merge repeats across versions, newest first, so each difference reads as "against versions a, b".
        Map<Difference, List<Integer>> merged = new LinkedHashMap<>();
        add(merged, againstLatest, latest);
        if (mode.transitive()) {
            for (int version = latest - 1; version >= 0; version--) {
                budget.check();
                add(merged, differ.diff(previousOldestFirst.get(version), next, budget), version);
            }
        }
        List<Difference> differences = new ArrayList<>(merged.size());
        merged.forEach((difference, versions) -> differences.add(
                difference.againstVersions(versions.stream().sorted().toList())));
        boolean compatible = mode == CompatibilityMode.NONE
                || differences.stream().noneMatch(difference -> CompatibilityVerdict.breaksUnder(mode, difference));
        Optional<VersionBump> bump = againstLatest.stream()
                .map(difference -> difference.requiredBumpUnder(mode))
                .reduce(VersionBump::max);
        List<Difference> latestPlaced = againstLatest.stream()
                .map(difference -> difference.againstVersions(List.of(latest)))
                .toList();
        return new CompatibilityVerdict(compatible, mode, differences, latestPlaced, bump);
    }

    private static void add(Map<Difference, List<Integer>> merged, List<Difference> differences, int version) {
        for (Difference difference : differences) {
            List<Integer> versions = merged.computeIfAbsent(difference.unplaced(), key -> new ArrayList<>());
            if (!versions.contains(version)) {
                versions.add(version);
            }
        }
    }

    private static JsonNode jsonSchema(Object schema) {
        if (schema instanceof JsonNode node) {
            return node;
        }
        if (schema instanceof String text) {
            try {
                return JSON.readTree(text);
            } catch (JsonProcessingException invalid) {
                throw new InvalidSchemaException(
                        "the JSON Schema is not valid JSON: " + invalid.getOriginalMessage(), invalid);
            }
        }
        throw new InvalidSchemaException("a JSON Schema must be given as JSON text or a parsed JSON tree, not "
                + (schema == null ? "nothing" : schema.getClass().getSimpleName()));
    }

    private static Schema avroSchema(Object schema) {
        if (schema instanceof Schema avro) {
            return avro;
        }
        if (schema instanceof String text) {
            try {
                return new Schema.Parser().parse(text);
            } catch (SchemaParseException invalid) {
                throw new InvalidSchemaException("the Avro schema cannot be parsed: " + invalid.getMessage(), invalid);
            }
        }
        throw new InvalidSchemaException("an Avro schema must be given as JSON text or a parsed Schema, not "
                + (schema == null ? "nothing" : schema.getClass().getSimpleName()));
    }
}
