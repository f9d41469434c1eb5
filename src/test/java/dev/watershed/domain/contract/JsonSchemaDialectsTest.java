package dev.watershed.domain.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.SpecificationVersion;
import dev.watershed.domain.ComputeBudget;
import dev.watershed.domain.schema.RemoteRefPolicy;
import dev.watershed.domain.validation.JsonSchemaRecordValidator;
import dev.watershed.domain.validation.ValidationOptions;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The dialect a JSON Schema is read as: declared, detected as 2020-12, or the configured fallback. */
class JsonSchemaDialectsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DRAFT_07 = "http://json-schema.org/draft-07/schema#";
    private static final String DRAFT_2019_09 = "https://json-schema.org/draft/2019-09/schema";
    private static final String DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema";

    private final SchemaParser parser = new SchemaParser(100);

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text.replace('\'', '"'));
    }

    private ParsedSchema parse(String schema) throws Exception {
        return parser.parse(SchemaFormat.JSON_SCHEMA, json(schema), "/schema");
    }

    private static SchemaParser withFallback(SpecificationVersion fallback) {
        return new SchemaParser(100, RemoteRefPolicy.localOnly(), 1_000_000, fallback);
    }

    private static JsonSchemaRecordValidator validator(ParsedSchema schema) {
        return new JsonSchemaRecordValidator(
                schema.document(), ValidationOptions.defaults(), JsonSchemaDialects.named(schema.dialect()));
    }

    @Test
    void aSchemaValidIn202012WithoutDroppedKeywordsIsRead202012() throws Exception {
        ParsedSchema schema = parse("{'type': 'object', 'properties': {'tags': {'type': 'array',"
                + " 'prefixItems': [{'type': 'string'}], 'items': {'type': 'integer'}}}}");

        assertThat(schema.dialect()).isEqualTo(DRAFT_2020_12);
        assertThat(schema.dialectSource()).isEqualTo(DialectSource.DETECTED);
    }

    @Test
    void aTupleItemsArrayIsReadDraft07AndValidatesAsATuple() throws Exception {
        ParsedSchema schema =
                parse("{'type': 'array', 'items': [{'type': 'integer'}, {'type': 'string'}], 'minItems': 1}");

        assertThat(schema.dialect()).isEqualTo(DRAFT_07);
        assertThat(schema.dialectSource()).isEqualTo(DialectSource.DETECTED);
        assertThat(validator(schema).validate(json("[1, 'one']"))).isEmpty();
        assertThat(validator(schema).validate(json("['one', 1]"))).hasSize(2);
    }

    @Test
    void additionalItemsOrDependenciesAnywhereAreReadDraft07() throws Exception {
        ParsedSchema additionalItems =
                parse("{'properties': {'point': {'items': [{'type': 'number'}]," + " 'additionalItems': false}}}");
        ParsedSchema dependencies = parse("{'type': 'object', 'dependencies': {'card': ['billing_address'],"
                + " 'name': {'required': ['surname']}}}");

        assertThat(additionalItems.dialect()).isEqualTo(DRAFT_07);
        assertThat(validator(additionalItems).validate(json("{'point': [1, 2]}")))
                .singleElement()
                .satisfies(error -> assertThat(error.keyword()).isEqualTo("additionalItems"));
        assertThat(dependencies.dialect()).isEqualTo(DRAFT_07);
        assertThat(validator(dependencies).validate(json("{'card': 1}"))).hasSize(1);
        assertThat(validator(dependencies).validate(json("{'card': 1, 'billing_address': 'x'}")))
                .isEmpty();
    }

    @Test
    void onlyKeywordsDecideNotPropertiesNamedLikeThem() throws Exception {
        ParsedSchema schema = parse("{'type': 'object', 'properties': {'dependencies': {'type': 'array'},"
                + " 'additionalItems': {'type': 'string'}, 'items': {'type': 'array'}}}");

        assertThat(schema.dialect()).isEqualTo(DRAFT_2020_12);
    }

    @Test
    void definitionsAloneStay202012AndTheirReferencesResolve() throws Exception {
        ParsedSchema schema = parse("{'definitions': {'positive': {'type': 'integer', 'minimum': 1}},"
                + " 'properties': {'count': {'$ref': '#/definitions/positive'}}}");

        assertThat(schema.dialect()).isEqualTo(DRAFT_2020_12);
        assertThat(validator(schema).validate(json("{'count': 0}"))).hasSize(1);
        assertThat(validator(schema).validate(json("{'count': 3}"))).isEmpty();
    }

    @Test
    void aSchemaInvalidIn202012ButValidInDraft07IsReadDraft07() throws Exception {
        // A plain-name fragment as $id was draft-07's anchor; 2020-12's meta-schema refuses it.
        ParsedSchema schema = parse("{'$id': '#address', 'type': 'object'}");

        assertThat(schema.dialect()).isEqualTo(DRAFT_07);
    }

    @Test
    void aSchemaInvalidInBothIsReportedAgainst202012() throws Exception {
        assertThatThrownBy(() -> parse("{'type': 'whole number'}"))
                .isInstanceOf(InvalidSchemaException.class)
                .hasMessageContaining(DRAFT_2020_12)
                .hasMessageContaining("names no $schema");
    }

    @Test
    void aDeclaredSchemaAlwaysWins() throws Exception {
        ParsedSchema declared2020 = parse("{'$schema': 'https://json-schema.org/draft/2020-12/schema',"
                + " 'items': {'type': 'string'}, 'additionalItems': false, 'dependencies': {'a': ['b']}}");
        ParsedSchema declared07 = parse("{'$schema': 'http://json-schema.org/draft-07/schema#', 'type': 'string'}");

        assertThat(declared2020.dialect()).isEqualTo(DRAFT_2020_12);
        assertThat(declared2020.dialectSource()).isEqualTo(DialectSource.DECLARED);
        assertThat(declared07.dialect()).isEqualTo(DRAFT_07);
        assertThat(declared07.dialectSource()).isEqualTo(DialectSource.DECLARED);
        assertThat(parse("{'$schema': 'http://json-schema.org/draft-07/schema', 'items': {'type': 'string'}}")
                        .dialect())
                .as("draft-07 named without its empty fragment")
                .isEqualTo(DRAFT_07);
        assertThatThrownBy(() -> parse("{'$schema': 'https://json-schema.org/draft/2020-12/schema',"
                        + " 'items': [{'type': 'string'}]}"))
                .isInstanceOf(InvalidSchemaException.class)
                .hasMessageNotContaining("names no $schema");
    }

    @Test
    void theConfiguredFallbackIsHonoured() throws Exception {
        JsonNode tuple = json("{'items': [{'type': 'string'}], 'additionalItems': false}");

        assertThat(withFallback(SpecificationVersion.DRAFT_2019_09)
                        .parse(SchemaFormat.JSON_SCHEMA, tuple, "/schema")
                        .dialect())
                .isEqualTo(DRAFT_2019_09);
        // 2020-12 as the fallback reads every schema without $schema as 2020-12, where a tuple is invalid.
        assertThatThrownBy(() -> withFallback(SpecificationVersion.DRAFT_2020_12)
                        .parse(SchemaFormat.JSON_SCHEMA, tuple, "/schema"))
                .isInstanceOf(InvalidSchemaException.class)
                .hasMessageContaining(DRAFT_2020_12);
        assertThat(withFallback(SpecificationVersion.DRAFT_2020_12)
                        .parse(SchemaFormat.JSON_SCHEMA, json("{'additionalItems': false}"), "/schema")
                        .dialect())
                .isEqualTo(DRAFT_2020_12);
    }

    @Test
    void aStoredSchemaIsReadAsItWasPublishedWhateverTheFallbackSaysNow() throws Exception {
        JsonNode tuple = json("{'items': [{'type': 'string'}], 'additionalItems': false}");
        SchemaParser now = withFallback(SpecificationVersion.DRAFT_2020_12);

        ParsedSchema stored =
                now.parse(SchemaFormat.JSON_SCHEMA, tuple, "/schema", ComputeBudget.unlimited(), DRAFT_07);

        assertThat(stored.dialect()).isEqualTo(DRAFT_07);
        assertThat(parser.parse(
                                SchemaFormat.JSON_SCHEMA,
                                json("{'$schema': 'https://json-schema.org/draft/2019-09/schema'}"),
                                "/schema",
                                ComputeBudget.unlimited(),
                                DRAFT_07)
                        .dialect())
                .isEqualTo(DRAFT_2019_09);
    }

    @Test
    void versionsStoredBeforeDetectionWereRead202012UnlessTheyDeclared() {
        assertThat(JsonSchemaDialects.storedBeforeDetection("{\"additionalItems\": false}"))
                .isEqualTo(DRAFT_2020_12);
        assertThat(JsonSchemaDialects.storedBeforeDetection(
                        "{\"$schema\": \"http://json-schema.org/draft-07/schema\"}"))
                .isEqualTo(DRAFT_07);
        assertThat(JsonSchemaDialects.storedBeforeDetection("true")).isEqualTo(DRAFT_2020_12);
    }

    @Test
    void dialectsAreNamedShortOrByUri() {
        assertThat(JsonSchemaDialects.named("draft-07")).isEqualTo(SpecificationVersion.DRAFT_7);
        assertThat(JsonSchemaDialects.named(" 2020-12 ")).isEqualTo(SpecificationVersion.DRAFT_2020_12);
        assertThat(JsonSchemaDialects.named("http://json-schema.org/draft-04/schema#"))
                .isEqualTo(SpecificationVersion.DRAFT_4);
        assertThat(JsonSchemaDialects.named("http://json-schema.org/draft-06/schema"))
                .isEqualTo(SpecificationVersion.DRAFT_6);
        assertThatThrownBy(() -> JsonSchemaDialects.named("draft-08"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("draft-08");
    }

    @Test
    void booleanSchemasAreContractsRead202012WithNoFields() throws Exception {
        ParsedSchema accept = parse("true");
        ParsedSchema reject = parse("false");

        assertThat(accept.dialect()).isEqualTo(DRAFT_2020_12);
        assertThat(accept.dialectSource()).isEqualTo(DialectSource.DETECTED);
        assertThat(accept.fields()).isEmpty();
        assertThat(reject.fields()).isEmpty();
        assertThat(validator(accept).validate(json("{'anything': [1]}"))).isEmpty();
        assertThat(validator(accept).validate(json("42"))).isEmpty();
        assertThat(validator(reject).validate(json("{}"))).hasSize(1);
        assertThatThrownBy(() -> parse("42"))
                .isInstanceOf(InvalidSchemaException.class)
                .hasMessageContaining("not number");
    }

    @Test
    void aRelativeIdResolvesAgainstTheBaseAndItsLocalReferencesStayLocal() throws Exception {
        ParsedSchema schema = parse("{'$id': 'customer.json', '$defs': {'name': {'type': 'string'}},"
                + " 'properties': {'first': {'$ref': '#/$defs/name'}, 'last': {'$ref': 'customer.json#/$defs/name'}}}");

        assertThat(schema.dialect()).isEqualTo(DRAFT_2020_12);
        assertThat(validator(schema).validate(json("{'first': 'Ada', 'last': 'Lovelace'}")))
                .isEmpty();
        assertThat(validator(schema).validate(json("{'first': 1, 'last': 2}"))).hasSize(2);
    }

    @Test
    void aRelativeReferenceTheDocumentDoesNotHoldIsRefusedEvenWhenTheBaseHostIsAllowed() throws Exception {
        JsonNode schema = json("{'$id': 'something_else', 'properties': {'a': {'$ref': 'other.json'}}}");
        SchemaParser permissive = new SchemaParser(
                100, new RemoteRefPolicy(Set.of("watershed.invalid")), 1_000_000, JsonSchemaDialects.DEFAULT_FALLBACK);

        assertThatThrownBy(() -> permissive.parse(SchemaFormat.JSON_SCHEMA, schema, "/schema"))
                .isInstanceOf(dev.watershed.domain.schema.RefNotAllowedException.class)
                .satisfies(e -> assertThat(((dev.watershed.domain.schema.RefNotAllowedException) e).pointer())
                        .isEqualTo("/schema/properties/a/$ref"));
    }
}
