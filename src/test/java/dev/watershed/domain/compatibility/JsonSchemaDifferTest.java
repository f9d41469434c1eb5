package dev.watershed.domain.compatibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonSchemaDifferTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aSchemaNestedAThousandLevelsDeepStopsWithSchemaTooDeepNotAStackOverflow() {
        JsonNode previous = nested(1_000, "string");
        JsonNode next = nested(1_000, "integer");

        assertThatThrownBy(() -> new JsonSchemaDiffer().diff(previous, next))
                .isInstanceOf(SchemaTooDeepException.class)
                .hasMessageContaining(Integer.toString(JsonSchemaDiffer.DEFAULT_MAX_DEPTH));
    }

    @Test
    void aDeepSchemaWithinTheConfiguredLimitGetsAVerdict() {
        List<Difference> differences = new JsonSchemaDiffer(false, JsonSchemaDiffer.MAX_SUPPORTED_DEPTH)
                .diff(nested(200, "string"), nested(200, "integer"));

        assertThat(differences).singleElement().satisfies(difference -> {
            assertThat(difference.kind()).isEqualTo(DifferenceKind.TYPE_CHANGED);
            assertThat(difference.path()).startsWith("/level/level/").endsWith("/level");
        });
    }

    @Test
    void aLimitBeyondWhatTheStackSafelyHoldsIsRefused() {
        assertThatThrownBy(() -> new JsonSchemaDiffer(false, 2_000)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theDepthLimitIsAConstructorParameter() {
        assertThatThrownBy(() -> new JsonSchemaDiffer(false, 3).diff(nested(5, "string"), nested(5, "string")))
                .isInstanceOfSatisfying(
                        SchemaTooDeepException.class,
                        tooDeep -> assertThat(tooDeep.maxDepth()).isEqualTo(3));
    }

    @Test
    void aRecursiveSchemaThatReferencesItselfTerminates() throws Exception {
        JsonNode previous = JSON.readTree("""
                {"$ref": "#/$defs/node", "$defs": {"node": {"type": "object", "properties": {
                  "value": {"type": "integer"},
                  "left": {"$ref": "#/$defs/node"}, "right": {"$ref": "#/$defs/node"}}}}}""");
        JsonNode next = JSON.readTree("""
                {"$ref": "#/$defs/node", "$defs": {"node": {"type": "object", "properties": {
                  "value": {"type": "number"},
                  "left": {"$ref": "#/$defs/node"}, "right": {"$ref": "#/$defs/node"}}}}}""");

        List<Difference> differences = new JsonSchemaDiffer().diff(previous, next);

        assertThat(differences)
                .extracting(Difference::kind, Difference::path)
                .containsExactly(tuple(DifferenceKind.TYPE_WIDENED, "/value"));
    }

    @Test
    void aReferenceCycleWithoutASchemaIsTreatedAsUnresolvedNotFollowedForever() throws Exception {
        JsonNode looping = JSON.readTree("""
                {"properties": {"a": {"$ref": "#/$defs/x"}}, "$defs": {"x": {"$ref": "#/$defs/y"},
                 "y": {"$ref": "#/$defs/x"}}}""");

        assertThat(new JsonSchemaDiffer().diff(looping, looping)).isEmpty();
    }

    @Test
    void theMessageNamesTheFieldWhatChangedAndWhoBreaks() throws Exception {
        JsonNode previous = JSON.readTree("""
                {"type": "object", "properties": {"amount": {"type": "number"}}}""");
        JsonNode next = JSON.readTree("""
                {"type": "object", "properties": {"amount": {"type": "string"}}}""");

        Difference difference = new JsonSchemaDiffer().diff(previous, next).get(0);

        assertThat(difference.message())
                .contains("`amount`")
                .contains("from number to string")
                .contains("readers of the new schema cannot read some records written with the previous version");
    }

    @Test
    void nestedAndArrayPathsPointIntoTheDataNotTheSchema() throws Exception {
        JsonNode previous = JSON.readTree("""
                {"type": "object", "properties": {"lines": {"type": "array", "items": {"type": "object",
                 "properties": {"price": {"type": "number"}}}}}}""");
        JsonNode next = JSON.readTree("""
                {"type": "object", "properties": {"lines": {"type": "array", "items": {"type": "object",
                 "properties": {"price": {"type": "integer"}}}}}}""");

        Difference difference = new JsonSchemaDiffer().diff(previous, next).get(0);

        assertThat(difference.path()).isEqualTo("/lines/*/price");
        assertThat(difference.message()).startsWith("property `lines[*].price`");
    }

    @Test
    void strictModeReadsAnOpenContentModelLiterally() throws Exception {
        JsonNode previous = JSON.readTree("""
                {"type": "object", "properties": {"id": {"type": "integer"}}}""");
        JsonNode next = JSON.readTree("""
                {"type": "object", "properties": {"id": {"type": "integer"}, "note": {"type": "string"}}}""");

        Difference lenient = new JsonSchemaDiffer().diff(previous, next).get(0);
        Difference strict = new JsonSchemaDiffer(true, 64).diff(previous, next).get(0);

        assertThat(lenient.breaks()).isFalse();
        assertThat(strict.breaksBackward()).isTrue();
        assertThat(strict.breaksForward()).isFalse();
    }

    private static JsonNode nested(int depth, String leafType) {
        ObjectNode schema = JsonNodeFactory.instance.objectNode().put("type", leafType);
        for (int level = 0; level < depth; level++) {
            ObjectNode parent = JsonNodeFactory.instance.objectNode().put("type", "object");
            parent.putObject("properties").set("level", schema);
            schema = parent;
        }
        return schema;
    }
}
