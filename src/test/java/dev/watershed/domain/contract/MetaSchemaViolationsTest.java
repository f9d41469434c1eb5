package dev.watershed.domain.contract;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

/** What the meta-schema says of an invalid JSON Schema: each mistake once, at the place that is wrong. */
class MetaSchemaViolationsTest {

    private static final SchemaParser PARSER = new SchemaParser(64);

    @Test
    void aMistakeThe202012VocabulariesEachSeeIsOneReason() {
        // networknt checks the subschema once per vocabulary meta-schema: eight identical errors.
        assertReasons(
                "{\"properties\": {\"a\": 3}}", "/schema/properties/a: integer found, [object, boolean] expected");
    }

    @Test
    void aTypeThatIsNoTypeNameIsOneReasonNotOnePerAlternativeOfTheMetaSchema() {
        assertReasons(
                "{\"type\": \"strin\"}",
                "/schema/type: does not have a value in the enumeration"
                        + " [\"array\", \"boolean\", \"integer\", \"null\", \"number\", \"object\", \"string\"]");
    }

    @Test
    void inAnArrayOfTypesTheWrongNameIsReported() {
        assertReasons(
                "{\"type\": [\"string\", \"nul\"]}",
                "/schema/type/1: does not have a value in the enumeration"
                        + " [\"array\", \"boolean\", \"integer\", \"null\", \"number\", \"object\", \"string\"]");
    }

    @Test
    void differentMistakesAreAllReported() {
        assertReasons(
                "{\"$schema\": \"http://json-schema.org/draft-07/schema#\", \"required\": \"id\","
                        + " \"properties\": {\"id\": {\"minLength\": -1}}}",
                "/schema/required: string found, array expected",
                "/schema/properties/id/minLength: must have a minimum value of 0");
    }

    private static void assertReasons(String schema, String... reasons) {
        assertThatThrownBy(() -> PARSER.parse(SchemaFormat.JSON_SCHEMA, json(schema), "/schema"))
                .isInstanceOf(InvalidSchemaException.class)
                .extracting(e -> ((InvalidSchemaException) e).reasons(), InstanceOfAssertFactories.list(String.class))
                .containsExactlyInAnyOrder(reasons);
    }

    private static JsonNode json(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
