package dev.watershed.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.watershed.bench.CompatibilityFixtures;
import dev.watershed.domain.ComputeBudget;
import dev.watershed.domain.ComputeBudgetExceededException;
import dev.watershed.domain.contract.InvalidSchemaException;
import dev.watershed.domain.contract.ParsedSchema;
import dev.watershed.domain.contract.SchemaFormat;
import dev.watershed.domain.contract.SchemaParser;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SchemaCacheTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final SchemaParser parser = new SchemaParser(100).preloadMetaSchemas();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void aSchemaSentAgainIsTheSameParseInTheOrderItsSenderWroteIt() throws Exception {
        SchemaCache cache = new SchemaCache(parser, 1_000_000);
        JsonNode first =
                json("{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"string\"}},\"required\":[\"id\"]}");
        JsonNode reordered =
                json("{\"required\":[\"id\"],\"properties\":{\"id\":{\"type\":\"string\"}},\"type\":\"object\"}");
        ParsedSchema parsed = cache.parse(SchemaFormat.JSON_SCHEMA, first, "/schema", ComputeBudget.unlimited());
        ParsedSchema again = cache.parse(SchemaFormat.JSON_SCHEMA, reordered, "/previous/4", ComputeBudget.unlimited());
        ParsedSchema fresh = parser.parse(SchemaFormat.JSON_SCHEMA, reordered, "/previous/4");

        assertThat(cache.size()).isEqualTo(1);
        assertThat(again).isEqualTo(fresh);
        assertThat(again.text()).isEqualTo(reordered.toString());
        assertThat(again.sameAs(parsed)).isTrue();
        // A string holding the schema is the same schema.
        assertThat(cache.parse(
                        SchemaFormat.JSON_SCHEMA,
                        TextNode.valueOf(first.toString()),
                        "/schema",
                        ComputeBudget.unlimited()))
                .isEqualTo(parsed);
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void aRefusedSchemaIsRefusedEveryTimeWithThePointerOfThatRequest() throws Exception {
        SchemaCache cache = new SchemaCache(parser, 1_000_000);
        JsonNode invalid = json("{\"type\":12}");
        List<String> pointers = List.of("/previous/0", "/previous/3", "/schema");
        for (String pointer : pointers) {
            assertThatThrownBy(() -> cache.parse(SchemaFormat.JSON_SCHEMA, invalid, pointer, ComputeBudget.unlimited()))
                    .isInstanceOfSatisfying(InvalidSchemaException.class, e -> {
                        assertThat(e.pointer()).isEqualTo(pointer);
                        assertThat(e.getMessage()).contains(pointer + "/type");
                        pointers.stream()
                                .filter(other -> !other.equals(pointer))
                                .forEach(other -> assertThat(e.getMessage()).doesNotContain(other + "/"));
                    });
        }
        assertThat(cache.size()).isZero();
    }

    @Test
    void aNumberBeyondADoubleIsRefusedEvenWhenItsCanonicalTextIsCached() throws Exception {
        SchemaCache cache = new SchemaCache(parser, 1_000_000);
        // Jackson reads 1e400 as infinity, which it writes as the string "Infinity".
        cache.parse(
                SchemaFormat.JSON_SCHEMA,
                json("{\"type\":\"object\",\"default\":\"Infinity\"}"),
                "/schema",
                ComputeBudget.unlimited());
        assertThatThrownBy(() -> cache.parse(
                        SchemaFormat.JSON_SCHEMA,
                        json("{\"type\":\"object\",\"default\":1e400}"),
                        "/previous/1",
                        ComputeBudget.unlimited()))
                .isInstanceOfSatisfying(
                        InvalidSchemaException.class,
                        e -> assertThat(e.pointer()).isEqualTo("/previous/1/default"));
    }

    @Test
    void theSameDocumentInAnotherFormatIsAnotherSchema() throws Exception {
        SchemaCache cache = new SchemaCache(parser, 1_000_000);
        // Both an Avro schema and a JSON Schema.
        JsonNode record = json("{\"type\":\"string\"}");
        assertThat(cache.parse(SchemaFormat.AVRO, record, "/schema", ComputeBudget.unlimited())
                        .format())
                .isEqualTo(SchemaFormat.AVRO);
        assertThat(cache.parse(SchemaFormat.JSON_SCHEMA, record, "/schema", ComputeBudget.unlimited())
                        .format())
                .isEqualTo(SchemaFormat.JSON_SCHEMA);
        assertThat(cache.size()).isEqualTo(2);
    }

    @Test
    void aHitTakesNoComputeBudget() {
        SchemaCache cache = new SchemaCache(parser, 10_000_000);
        ObjectNode schema = CompatibilityFixtures.schema(300, 0);
        // Every reading of this clock is a millisecond later: meta-validating 300 fields reads it far more than
        // five times, a hit once.
        AtomicLong now = new AtomicLong();
        assertThatThrownBy(() -> cache.parse(SchemaFormat.JSON_SCHEMA, schema, "/schema", millisecondsBudget(now)))
                .isInstanceOf(ComputeBudgetExceededException.class);
        assertThat(cache.size()).isZero();

        ParsedSchema parsed = cache.parse(SchemaFormat.JSON_SCHEMA, schema, "/schema", ComputeBudget.unlimited());
        assertThat(cache.parse(SchemaFormat.JSON_SCHEMA, schema, "/schema", millisecondsBudget(now)))
                .isEqualTo(parsed);
    }

    private static ComputeBudget millisecondsBudget(AtomicLong now) {
        return ComputeBudget.of(Duration.ofMillis(5), () -> now.addAndGet(1_000_000));
    }

    @Test
    void isBoundedByTheLengthOfTheCanonicalFormsItKeeps() {
        int fields = 20;
        int oneSchema =
                SchemaParser.canonical(CompatibilityFixtures.schema(fields, 0)).length();
        long bound = 10L * oneSchema;
        SchemaCache cache = new SchemaCache(parser, bound);
        for (int revision = 0; revision < 100; revision++) {
            cache.parse(
                    SchemaFormat.JSON_SCHEMA,
                    CompatibilityFixtures.schema(fields, revision),
                    "/schema",
                    ComputeBudget.unlimited());
        }
        assertThat(cache.chars()).isLessThanOrEqualTo(bound);
        assertThat(cache.size()).isBetween(1L, 11L);
        // The most recent schema is kept.
        assertThat(cache.parse(
                                SchemaFormat.JSON_SCHEMA,
                                CompatibilityFixtures.schema(fields, 99),
                                "/schema",
                                ComputeBudget.unlimited())
                        .fingerprint())
                .isNotNull();
    }
}
