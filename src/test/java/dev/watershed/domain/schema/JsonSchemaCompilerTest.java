package dev.watershed.domain.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SpecificationVersion;
import com.sun.net.httpserver.HttpServer;
import dev.watershed.domain.ComputeBudget;
import dev.watershed.domain.ComputeBudgetExceededException;
import dev.watershed.domain.compatibility.FanOutSchemas;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class JsonSchemaCompilerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonSchemaCompiler compiler = new JsonSchemaCompiler(RemoteRefPolicy.localOnly());

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @ParameterizedTest
    @EnumSource(SpecificationVersion.class)
    void everyStandardMetaSchemaLoadsFromTheJar(SpecificationVersion dialect) {
        Schema meta = compiler.metaSchema(dialect);

        assertThat(JsonSchemaCompiler.validate(meta, json("{\"type\":\"string\"}"), ComputeBudget.unlimited()))
                .isEmpty();
        assertThat(JsonSchemaCompiler.validate(meta, json("{\"type\":17}"), ComputeBudget.unlimited()))
                .isNotEmpty();
    }

    @Test
    void aClassPathReferenceIsRefusedWithThePointerOfTheKeyword() {
        JsonNode schema = json("{\"properties\":{\"x\":{\"$ref\":\"classpath:application.properties\"}}}");

        assertThatThrownBy(() -> compiler.compile(schema, SpecificationVersion.DRAFT_2020_12))
                .isInstanceOf(RefNotAllowedException.class)
                .hasMessageContaining("`classpath:application.properties`")
                .satisfies(e -> {
                    RefNotAllowedException refused = (RefNotAllowedException) e;
                    assertThat(refused.code()).isEqualTo("REF_NOT_ALLOWED");
                    assertThat(refused.pointer()).isEqualTo("/properties/x/$ref");
                    assertThat(refused.under("/schema").pointer()).isEqualTo("/schema/properties/x/$ref");
                });
    }

    @Test
    void aReferenceRelativeToAClassPathIdIsRefusedToo() {
        JsonNode schema = json("{\"$id\":\"classpath:/db/migration/\",\"properties\":{\"x\":"
                + "{\"$ref\":\"V1__create_registry.sql\"}}}");

        assertThatThrownBy(() -> compiler.compile(schema, SpecificationVersion.DRAFT_2020_12))
                .isInstanceOf(RefNotAllowedException.class)
                .hasMessageContaining("V1__create_registry.sql")
                .extracting(e -> ((RefNotAllowedException) e).pointer())
                .isEqualTo("/properties/x/$ref");
    }

    @Test
    void aNestedSchemaDialectFromTheClassPathIsRefused() {
        JsonNode schema = json("{\"properties\":{\"x\":{\"$id\":\"urn:example:x\","
                + "\"$schema\":\"classpath:application.properties\",\"type\":\"string\"}}}");

        assertThatThrownBy(() -> compiler.compile(schema, SpecificationVersion.DRAFT_2020_12))
                .isInstanceOf(RefNotAllowedException.class)
                .extracting(e -> ((RefNotAllowedException) e).pointer())
                .isEqualTo("/properties/x/$schema");
    }

    @Test
    void localReferencesAndEmbeddedIdsStillWork() {
        Schema schema = compiler.compile(
                json("{\"$defs\":{\"a\":{\"$id\":\"urn:example:a\",\"type\":\"string\"}},"
                        + "\"properties\":{\"x\":{\"$ref\":\"urn:example:a\"},\"y\":{\"$ref\":\"#/$defs/a\"}}}"),
                SpecificationVersion.DRAFT_2020_12);

        assertThat(JsonSchemaCompiler.validate(schema, json("{\"x\":\"a\",\"y\":\"b\"}"), ComputeBudget.unlimited()))
                .isEmpty();
        assertThat(JsonSchemaCompiler.validate(schema, json("{\"x\":1}"), ComputeBudget.unlimited()))
                .isNotEmpty();
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void aSchemaThatFansOutCompilesInLinearTimeAndValidatesWithinItsBudget() {
        Schema schema = compiler.compile(FanOutSchemas.allOf(40), SpecificationVersion.DRAFT_2020_12);
        ComputeBudget budget = ComputeBudget.of(Duration.ofMillis(200));

        assertThatThrownBy(() -> JsonSchemaCompiler.validate(schema, json("{}"), budget))
                .isInstanceOf(ComputeBudgetExceededException.class);
        assertThat(JsonSchemaCompiler.validate(
                        compiler.compile(FanOutSchemas.allOf(3), SpecificationVersion.DRAFT_2020_12),
                        json("{}"),
                        ComputeBudget.unlimited()))
                .isEmpty();
    }

    @Test
    void failuresReadWithoutClassNames() {
        assertThat(JsonSchemaCompiler.reason(new RuntimeException("java.io.FileNotFoundException: x.json")))
                .isEqualTo("x.json");
        assertThat(JsonSchemaCompiler.reason(new RuntimeException((String) null)))
                .isEqualTo("the schema cannot be compiled");
    }

    /** A schema on an allowed host that redirects elsewhere is not followed there. */
    @Test
    void redirectsFromAnAllowedHostAreNotFollowed() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        AtomicInteger redirectedTo = new AtomicInteger();
        int port = server.getAddress().getPort();
        server.createContext("/moved.json", exchange -> {
            exchange.getResponseHeaders().add("Location", "http://localhost:" + port + "/target.json");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.createContext("/target.json", exchange -> {
            redirectedTo.incrementAndGet();
            byte[] body = "{\"type\":\"string\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            JsonSchemaCompiler remote = new JsonSchemaCompiler(new RemoteRefPolicy(Set.of("127.0.0.1")));
            JsonNode schema = json("{\"$ref\":\"http://127.0.0.1:" + port + "/moved.json\"}");

            assertThatThrownBy(() -> remote.compile(schema, SpecificationVersion.DRAFT_2020_12))
                    .isNotInstanceOf(RefNotAllowedException.class);
            assertThat(redirectedTo).hasValue(0);
        } finally {
            server.stop(0);
        }
    }
}
