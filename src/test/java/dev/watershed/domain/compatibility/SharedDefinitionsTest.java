package dev.watershed.domain.compatibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.watershed.domain.ComputeBudget;
import dev.watershed.domain.ComputeBudgetExceededException;
import dev.watershed.domain.ComputeCancelledException;
import dev.watershed.domain.contract.SchemaTooComplexException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Definitions reached along many paths cost work in proportion to the schemas and the answer, not the paths. */
class SharedDefinitionsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @ParameterizedTest
    @ValueSource(ints = {25, 40})
    @Timeout(value = 5, unit = TimeUnit.SECONDS)
    void jsonSchemaFanOutComparesInLinearTime(int levels) {
        assertThat(new JsonSchemaDiffer()
                        .diff(FanOutSchemas.properties(levels, "string"), FanOutSchemas.properties(levels, "string")))
                .isEmpty();
    }

    @Test
    void aChangedSharedDefinitionIsReportedAtEveryPathExactlyAsBefore() {
        JsonNode previous = FanOutSchemas.properties(8, "string");
        JsonNode next = FanOutSchemas.properties(8, "integer");

        List<Difference> reused = new JsonSchemaDiffer().diff(previous, next);

        assertThat(reused).hasSize(256).allMatch(difference -> difference.kind() == DifferenceKind.TYPE_CHANGED);
        assertThat(reused)
                .extracting(Difference::path)
                .doesNotHaveDuplicates()
                .contains("/a/a/a/a/a/a/a/a", "/b/b/b/b/b/b/b/b", "/a/b/a/b/a/b/a/b");
        assertThat(reused.get(255).message()).startsWith("property `b.b.b.b.b.b.b.b` changed type from string");
        assertThat(reused).isEqualTo(withoutReuse(previous, next, false));
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.SECONDS)
    void moreDifferencesThanAnyoneReadsAreRefused() {
        assertThatThrownBy(() -> new JsonSchemaDiffer()
                        .diff(FanOutSchemas.properties(25, "string"), FanOutSchemas.properties(25, "integer")))
                .isInstanceOf(SchemaTooComplexException.class)
                .hasMessageContaining("differ in more than 10000 places");
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void aRecursiveFanOutStopsAtTheStepLimit() {
        JsonNode schema = FanOutSchemas.recursiveProperties(30, "string");

        assertThatThrownBy(() -> new JsonSchemaDiffer(false, 64, 50_000).diff(schema, schema))
                .isInstanceOf(SchemaTooComplexException.class)
                .hasMessageContaining("more than 50000 steps")
                .hasMessageContaining("watershed.limits.max-comparison-steps");
    }

    @Test
    void aComparisonStopsWhenItsBudgetRunsOutOrIsCancelled() {
        JsonNode schema = FanOutSchemas.recursiveProperties(30, "string");
        AtomicLong now = new AtomicLong();
        ComputeBudget budget = ComputeBudget.of(Duration.ofSeconds(1), now::get);
        now.set(Duration.ofSeconds(2).toNanos());

        assertThatThrownBy(() -> new JsonSchemaDiffer().diff(schema, schema, budget))
                .isInstanceOf(ComputeBudgetExceededException.class)
                .hasMessageContaining("1s")
                .hasMessageContaining("watershed.limits.compute-budget");

        ComputeBudget cancelled = ComputeBudget.unlimited();
        cancelled.cancel();
        assertThatThrownBy(() -> new JsonSchemaDiffer().diff(schema, schema, cancelled))
                .isInstanceOf(ComputeCancelledException.class);
    }

    @Test
    void transitiveChecksLookAtTheBudgetBetweenVersions() {
        ComputeBudget cancelled = ComputeBudget.unlimited();
        cancelled.cancel();
        JsonNode small = JsonNodeFactory.instance.objectNode().put("type", "string");
        SchemaDiffer<JsonNode> free = (previous, next, budget) -> List.of();

        assertThatThrownBy(() -> CompatibilityChecker.check(
                        free,
                        dev.watershed.domain.contract.CompatibilityMode.BACKWARD_TRANSITIVE,
                        small,
                        List.of(small, small),
                        cancelled))
                .isInstanceOf(ComputeCancelledException.class);
    }

    /**
     * Random schemas with shared, recursive and negated definitions, compared with and without reuse: reuse is a
     * pure optimisation, so both must list the same differences in the same order.
     */
    @Test
    void reusingOutcomesNeverChangesTheAnswer() {
        Random random = new Random(13);
        int compared = 0;
        for (int round = 0; round < 400; round++) {
            ObjectNode previous = randomSchema(random);
            ObjectNode next = random.nextInt(4) == 0 ? previous.deepCopy() : mutate(previous.deepCopy(), random);
            for (boolean strict : new boolean[] {false, true}) {
                List<Difference> reused = new JsonSchemaComparison(
                                previous,
                                next,
                                strict,
                                64,
                                new ComparisonLimits(10_000_000),
                                ComputeBudget.unlimited(),
                                true)
                        .run();
                assertThat(reused)
                        .as("round %d, strict %s:%n%s%n%s", round, strict, previous, next)
                        .isEqualTo(withoutReuse(previous, next, strict));
                compared += reused.size();
            }
        }
        assertThat(compared).isPositive();
    }

    /**
     * B is first met inside A's recursion, where A is cut short; reached afresh from y, B leads into A again, whose
     * change must be reported there too. A result that depended on a pair in progress is therefore never reused.
     */
    @Test
    void aComparisonCutShortByRecursionIsDoneAgainWhereThePairIsReachedAfresh() throws Exception {
        String template = "{\"$defs\":{\"a\":{\"type\":\"object\",\"properties\":{\"p\":{\"$ref\":\"#/$defs/b\"},"
                + "\"v\":{\"type\":\"%s\"}}},\"b\":{\"type\":\"object\",\"properties\":{\"q\":"
                + "{\"$ref\":\"#/$defs/a\"}}}},\"properties\":{\"x\":{\"$ref\":\"#/$defs/a\"},"
                + "\"y\":{\"$ref\":\"#/$defs/b\"}}}";
        JsonNode previous = JSON.readTree(template.formatted("string"));
        JsonNode next = JSON.readTree(template.formatted("integer"));

        List<Difference> differences = new JsonSchemaDiffer().diff(previous, next);

        assertThat(differences).extracting(Difference::path).containsExactly("/x/v", "/y/q/v");
        assertThat(differences).isEqualTo(withoutReuse(previous, next, false));
    }

    @Test
    void theDifferWithoutReuseIsWhatTheCaseFilesDescribe() throws Exception {
        // The comparison without reuse is the one every case file was written against; spot-check it here.
        JsonNode previous = JSON.readTree("{\"$defs\":{\"p\":{\"type\":\"string\"}},\"properties\":{\"x\":"
                + "{\"$ref\":\"#/$defs/p\"},\"y\":{\"$ref\":\"#/$defs/p\"}}}");
        JsonNode next = JSON.readTree("{\"$defs\":{\"p\":{\"type\":\"integer\"}},\"properties\":{\"x\":"
                + "{\"$ref\":\"#/$defs/p\"},\"y\":{\"not\":{\"$ref\":\"#/$defs/p\"}}}}");

        assertThat(withoutReuse(previous, next, false)).isEqualTo(new JsonSchemaDiffer().diff(previous, next));
    }

    @Test
    void referencesToOtherDocumentsAreComparedAsTextAndNeverLoaded() throws Exception {
        JsonNode classpath = JSON.readTree("{\"properties\":{\"x\":{\"$ref\":\"classpath:application.properties\"}}}");
        JsonNode file = JSON.readTree("{\"properties\":{\"x\":{\"$ref\":\"file:///etc/passwd\"}}}");

        assertThat(new JsonSchemaDiffer().diff(classpath, classpath)).isEmpty();
        assertThat(new JsonSchemaDiffer().diff(classpath, file)).singleElement().satisfies(difference -> {
            assertThat(difference.kind()).isEqualTo(DifferenceKind.REFERENCE_CHANGED);
            assertThat(difference.message())
                    .contains("cannot be resolved locally")
                    .doesNotContain("root:");
        });
    }

    @ParameterizedTest
    @ValueSource(ints = {25, 40})
    @Timeout(value = 5, unit = TimeUnit.SECONDS)
    void avroNamedTypeReuseIsRefusedBeforeAnythingWalksIt(int levels) {
        Schema schema = new Schema.Parser().parse(FanOutSchemas.avro(levels, "string"));

        assertThatThrownBy(() -> new AvroDiffer().diff(schema, schema))
                .isInstanceOf(SchemaTooComplexException.class)
                .hasMessageContaining("named type is written out at every place it is used");
    }

    @Test
    void avroNamedTypeReuseWithinTheLimitIsReportedAtEveryPathExactlyAsBefore() {
        Schema previous = new Schema.Parser().parse(FanOutSchemas.avro(8, "string"));
        Schema next = new Schema.Parser().parse(FanOutSchemas.avro(8, "int"));

        List<Difference> differences = new AvroDiffer().diff(previous, next);
        List<AvroFinding> reused = new AvroStructureComparison(
                        64, new ComparisonLimits(1_000_000), ComputeBudget.unlimited(), true)
                .run(previous, next);
        List<AvroFinding> fresh = new AvroStructureComparison(
                        64, new ComparisonLimits(1_000_000), ComputeBudget.unlimited(), false)
                .run(previous, next);

        assertThat(differences)
                .hasSize(256)
                .extracting(Difference::path)
                .doesNotHaveDuplicates()
                .contains("/a/a/a/a/a/a/a/a/f", "/b/b/b/b/b/b/b/b/f");
        assertThat(reused)
                .extracting(AvroFinding::toDifference)
                .isEqualTo(fresh.stream().map(AvroFinding::toDifference).toList());
        assertThat(new AvroDiffer().diff(previous, previous)).isEmpty();
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.SECONDS)
    void avroReuseBelowTheExpansionLimitComparesInLinearTime() {
        Schema schema = new Schema.Parser().parse(FanOutSchemas.avro(18, "string"));

        assertThat(new AvroDiffer().diff(schema, new Schema.Parser().parse(FanOutSchemas.avro(18, "string"))))
                .isEmpty();
    }

    private static List<Difference> withoutReuse(JsonNode previous, JsonNode next, boolean strict) {
        return new JsonSchemaComparison(
                        previous, next, strict, 64, new ComparisonLimits(10_000_000), ComputeBudget.unlimited(), false)
                .run();
    }

    /** Up to six definitions that refer to each other (sometimes to themselves), inside not, anyOf and arrays. */
    private static ObjectNode randomSchema(Random random) {
        ObjectNode root = NODES.objectNode();
        ObjectNode definitions = root.putObject("$defs");
        int count = 2 + random.nextInt(5);
        for (int index = 0; index < count; index++) {
            definitions.set("d" + index, randomSubschema(random, count, 0));
        }
        root.set("properties", randomProperties(random, count, 0));
        if (random.nextBoolean()) {
            root.put("additionalProperties", random.nextBoolean());
        }
        return root;
    }

    private static JsonNode randomSubschema(Random random, int definitions, int depth) {
        int choice = depth > 3 ? random.nextInt(3) : random.nextInt(9);
        ObjectNode schema = NODES.objectNode();
        switch (choice) {
            case 0 -> schema.put("type", random.nextBoolean() ? "string" : "integer");
            case 1 -> schema.put("$ref", "#/$defs/d" + random.nextInt(definitions));
            case 2 -> schema.put("type", "number").put("maximum", random.nextInt(3));
            case 3, 4 -> {
                schema.put("type", "object");
                schema.set("properties", randomProperties(random, definitions, depth + 1));
                if (random.nextBoolean()) {
                    schema.putArray("required").add("p" + random.nextInt(3));
                }
                if (random.nextInt(3) == 0) {
                    schema.set("additionalProperties", randomSubschema(random, definitions, depth + 1));
                }
            }
            case 5 -> schema.put("type", "array").set("items", randomSubschema(random, definitions, depth + 1));
            case 6 -> schema.set("not", randomSubschema(random, definitions, depth + 1));
            case 7 -> {
                ArrayNode any = schema.putArray(random.nextBoolean() ? "anyOf" : "allOf");
                for (int index = 0; index < 1 + random.nextInt(3); index++) {
                    any.add(randomSubschema(random, definitions, depth + 1));
                }
            }
            default -> {
                schema.put("$ref", "#/$defs/d" + random.nextInt(definitions));
                schema.put("description", "beside a reference");
            }
        }
        return schema;
    }

    private static ObjectNode randomProperties(Random random, int definitions, int depth) {
        ObjectNode properties = NODES.objectNode();
        for (int index = 0; index < 1 + random.nextInt(3); index++) {
            properties.set("p" + index, randomSubschema(random, definitions, depth));
        }
        return properties;
    }

    /** A few random edits: a definition replaced, a property dropped or added. */
    private static ObjectNode mutate(ObjectNode schema, Random random) {
        ObjectNode definitions = (ObjectNode) schema.get("$defs");
        List<String> names = new ArrayList<>();
        definitions.fieldNames().forEachRemaining(names::add);
        for (int edit = 0; edit < 1 + random.nextInt(3); edit++) {
            switch (random.nextInt(3)) {
                case 0 ->
                    definitions.set(names.get(random.nextInt(names.size())), randomSubschema(random, names.size(), 1));
                case 1 -> ((ObjectNode) schema.get("properties")).remove("p0");
                default ->
                    ((ObjectNode) schema.get("properties"))
                            .set("p" + (3 + edit), randomSubschema(random, names.size(), 1));
            }
        }
        return schema;
    }
}
