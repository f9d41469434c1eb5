package dev.watershed.domain.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** Hostile schemas the reliability fuzzing found answered 500; each must be an INVALID_SCHEMA instead. */
class SchemaParserTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final SchemaParser parser = new SchemaParser(100);

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text.replace('\'', '"'));
    }

    @Test
    void aNumberBeyondADoubleIsRefusedWithItsPointerInsteadOfCrashingTheMetaSchema() throws Exception {
        // Jackson reads 1e400 as infinity, which networknt's enum keyword turned into a NumberFormatException.
        JsonNode schema = json("{'type': 'object', 'properties': {'amount': {'type': 'number', 'maximum': 1e400}}}");

        assertThatThrownBy(() -> parser.parse(SchemaFormat.JSON_SCHEMA, schema, "/schema"))
                .isInstanceOf(InvalidSchemaException.class)
                .hasMessageContaining("beyond the range of a double")
                .satisfies(e -> assertThat(((InvalidSchemaException) e).pointer())
                        .isEqualTo("/schema/properties/amount/maximum"));
        assertThatThrownBy(() -> parser.parse(SchemaFormat.JSON_SCHEMA, json("{'type': -1e99999}"), "/schema"))
                .isInstanceOf(InvalidSchemaException.class)
                .hasMessageContaining("/schema/type");
    }

    @Test
    void largeNumbersWithinADoubleStillParse() throws Exception {
        JsonNode schema = json("{'type': 'number', 'maximum': 1e308, 'minimum': -1e308}");

        assertThat(parser.parse(SchemaFormat.JSON_SCHEMA, schema, "/schema").format())
                .isEqualTo(SchemaFormat.JSON_SCHEMA);
    }

    @Test
    void anAvroDoubleDefaultThatIsNotANumberIsAnInvalidSchema() throws Exception {
        // Avro's parser threw NumberFormatException here, not its own SchemaParseException.
        JsonNode schema = json("{'type': 'record', 'name': 'Order', 'fields': [{'name': 'amount', 'type': 'double',"
                + " 'default': 'x'}]}");

        assertThatThrownBy(() -> parser.parse(SchemaFormat.AVRO, schema, "/schema"))
                .isInstanceOf(InvalidSchemaException.class)
                .hasMessageContaining("not a number");
    }

    @Test
    void anAvroSchemaThatIsOnlyAnUnknownNameIsAnInvalidSchema() {
        // Avro's parser threw a NullPointerException naming one of its internal classes here.
        for (JsonNode schema : new JsonNode[] {
            JSON.getNodeFactory().textNode("nope"), JSON.getNodeFactory().textNode("\"nope\"")
        }) {
            assertThatThrownBy(() -> parser.parse(SchemaFormat.AVRO, schema, "/schema"))
                    .isInstanceOf(InvalidSchemaException.class)
                    .hasMessageContaining("must name a primitive type")
                    .hasMessageNotContaining("org.apache");
        }
        assertThat(parser.parse(SchemaFormat.AVRO, JSON.getNodeFactory().textNode("string"), "/schema")
                        .format())
                .isEqualTo(SchemaFormat.AVRO);
    }

    @Test
    void reasonsNameNoJavaTypes() throws Exception {
        // Found by the reliability fuzzing (FuzzTest): networknt passed on "java.util.regex.PatternSyntaxException:
        // ...", and Avro printed a type it could not resolve as its internal record of package
        // org.apache.avro.compiler.
        assertThatThrownBy(() ->
                        parser.parse(SchemaFormat.JSON_SCHEMA, json("{'type': 'string', 'pattern': '[a-'}"), "/schema"))
                .isInstanceOf(InvalidSchemaException.class)
                .hasMessageStartingWith("the schema cannot be compiled: Illegal character range")
                .hasMessageNotContaining("java.");
        JsonNode avro = json(
                "{'type': 'record', 'name': 'Order', 'fields': [{'name': 'id', 'type': 'intt'," + " 'default': 0}]}");
        assertThatThrownBy(() -> parser.parse(SchemaFormat.AVRO, avro, "/schema"))
                .isInstanceOf(InvalidSchemaException.class)
                .hasMessageContaining("'intt' (a type the schema does not define)")
                .hasMessageNotContaining("org.apache");
    }
}
