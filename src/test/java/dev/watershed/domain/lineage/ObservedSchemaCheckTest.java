package dev.watershed.domain.lineage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.watershed.domain.contract.ParsedSchema;
import dev.watershed.domain.contract.SchemaFormat;
import dev.watershed.domain.contract.SchemaParser;
import dev.watershed.domain.lineage.SchemaViolation.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

class ObservedSchemaCheckTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SchemaParser PARSER = new SchemaParser(100);

    private static final String CUSTOMER = """
            {'type': 'object',
             'properties': {
               'id': {'type': 'string'},
               'amount': {'type': 'number'},
               'created': {'type': 'string', 'format': 'date-time'},
               'note': {'type': 'string'},
               'address': {'type': 'object', 'properties': {'city': {'type': 'string'}, 'zip': {'type': 'string'}}}},
             'required': ['id', 'amount']}""";

    private static final String ORDER_AVRO = """
            {'type': 'record', 'name': 'Order', 'namespace': 'shop',
             'fields': [
               {'name': 'id', 'type': 'long'},
               {'name': 'placed', 'type': {'type': 'long', 'logicalType': 'timestamp-millis'}},
               {'name': 'coupon', 'type': ['null', 'string'], 'default': null},
               {'name': 'channel', 'type': 'string', 'default': 'web'},
               {'name': 'total', 'type': {'type': 'bytes', 'logicalType': 'decimal', 'precision': 10, 'scale': 2}}]}""";

    private static ParsedSchema jsonSchema(String text) {
        return parse(SchemaFormat.JSON_SCHEMA, text);
    }

    private static ParsedSchema avro(String text) {
        return parse(SchemaFormat.AVRO, text);
    }

    private static ParsedSchema parse(SchemaFormat format, String text) {
        try {
            return PARSER.parse(format, JSON.readTree(text.replace('\'', '"')), "/schema");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static LineageField field(String name, String type, LineageField... fields) {
        return new LineageField(name, type, null, List.of(fields));
    }

    private static ObservedSchemaVerdict check(ParsedSchema contract, LineageField... observed) {
        return ObservedSchemaCheck.check(List.of(observed), contract);
    }

    @Test
    void aSchemaThatMatchesTheContractHasNoViolationsAndNothingAdded() {
        ObservedSchemaVerdict verdict = check(
                jsonSchema(CUSTOMER),
                field("id", "string"),
                field("amount", "double"),
                field("created", "timestamp"),
                field("note", "text"),
                field("address", "struct", field("city", "varchar"), field("zip", "string")));

        assertThat(verdict.violated()).isFalse();
        assertThat(verdict.violations()).isEmpty();
        assertThat(verdict.addedFields()).isEmpty();
    }

    @Test
    void aMissingRequiredFieldIsReportedAndAMissingOptionalOneIsNot() {
        ObservedSchemaVerdict verdict = check(jsonSchema(CUSTOMER), field("id", "string"));

        assertThat(verdict.violations()).singleElement().satisfies(violation -> {
            assertThat(violation.kind()).isEqualTo(Kind.REQUIRED_FIELD_MISSING);
            assertThat(violation.field()).isEqualTo("/amount");
            assertThat(violation.expected()).isEqualTo("required");
            assertThat(violation.observed()).isNull();
            assertThat(violation.detail()).contains("/amount");
        });
    }

    @Test
    void aStringBecomingABigintIsATypeChange() {
        ObservedSchemaVerdict verdict = check(jsonSchema(CUSTOMER), field("id", "BIGINT"), field("amount", "double"));

        assertThat(verdict.violations()).singleElement().satisfies(violation -> {
            assertThat(violation.kind()).isEqualTo(Kind.TYPE_CHANGED);
            assertThat(violation.field()).isEqualTo("/id");
            assertThat(violation.expected()).isEqualTo("string");
            assertThat(violation.observed()).isEqualTo("BIGINT");
            assertThat(violation.detail()).contains("string", "BIGINT");
        });
    }

    @Test
    void decimalsAndIntegersAreNumbersButADecimalWithAScaleIsNoInteger() {
        ParsedSchema contract = jsonSchema(
                "{'type': 'object', 'properties': {'amount': {'type': 'number'}, 'count': {'type': 'integer'}}}");

        assertThat(check(contract, field("amount", "decimal(10,2)"), field("count", "NUMBER(38,0)"))
                        .violated())
                .isFalse();
        assertThat(check(contract, field("amount", "int")).violated()).isFalse();
        assertThat(check(contract, field("count", "decimal(10,2)")).violations())
                .extracting(SchemaViolation::kind, SchemaViolation::field)
                .containsExactly(tuple(Kind.TYPE_CHANGED, "/count"));
    }

    @Test
    void aTimestampIsAcceptedWhereTheContractHasADateTimeStringButNotAnInteger() {
        ParsedSchema contract = jsonSchema("{'type': 'object', 'properties': {'at': {'type': 'string', 'format': "
                + "'date-time'}, 'day': {'type': 'string', 'format': 'date'}, 'seq': {'type': 'integer'}}}");

        assertThat(check(contract, field("at", "timestamp_ntz"), field("day", "DATE"))
                        .violated())
                .isFalse();
        assertThat(check(contract, field("seq", "timestamp")).violations())
                .extracting(SchemaViolation::field)
                .containsExactly("/seq");
    }

    @Test
    void aNestedStructFieldWhoseTypeChangedIsReportedAtItsPointer() {
        ObservedSchemaVerdict verdict = check(
                jsonSchema(CUSTOMER),
                field("id", "string"),
                field("amount", "double"),
                field("address", "struct", field("city", "integer")));

        assertThat(verdict.violations()).singleElement().satisfies(violation -> {
            assertThat(violation.kind()).isEqualTo(Kind.TYPE_CHANGED);
            assertThat(violation.field()).isEqualTo("/address/city");
        });
    }

    @Test
    void aFieldAClosedModelDoesNotNameIsNotAllowed() {
        ParsedSchema contract = jsonSchema("""
                {'type': 'object', 'additionalProperties': false,
                 'properties': {'id': {'type': 'string'},
                   'meta': {'type': 'object', 'unevaluatedProperties': false,
                            'properties': {'source': {'type': 'string'}}}}}""");

        ObservedSchemaVerdict verdict = check(
                contract,
                field("id", "string"),
                field("extra", "INTEGER"),
                field("meta", "struct", field("source", "string"), field("region", "string")));

        assertThat(verdict.violations())
                .extracting(
                        SchemaViolation::kind,
                        SchemaViolation::field,
                        SchemaViolation::expected,
                        SchemaViolation::observed)
                .containsExactly(
                        tuple(Kind.FIELD_NOT_ALLOWED, "/extra", null, "INTEGER"),
                        tuple(Kind.FIELD_NOT_ALLOWED, "/meta/region", null, "string"));
        assertThat(verdict.addedFields()).isEmpty();
    }

    @Test
    void aFieldAnOpenModelDoesNotNameIsAnAddition() {
        ObservedSchemaVerdict verdict = check(
                jsonSchema(CUSTOMER),
                field("id", "string"),
                field("amount", "double"),
                field("loyalty", "struct", field("tier", "string")),
                field("a/b~c", "string"));

        assertThat(verdict.violated()).isFalse();
        assertThat(verdict.addedFields()).containsExactly("/loyalty", "/a~1b~0c");
    }

    @Test
    void aPatternPropertyIsAllowedInAClosedModel() {
        ParsedSchema contract = jsonSchema("{'type': 'object', 'additionalProperties': false, "
                + "'patternProperties': {'^x_': {'type': 'string'}}, 'properties': {'id': {'type': 'string'}}}");

        ObservedSchemaVerdict verdict = check(contract, field("id", "string"), field("x_debug", "string"));

        assertThat(verdict.violated()).isFalse();
        assertThat(verdict.addedFields()).containsExactly("/x_debug");
    }

    @Test
    void avroFieldsThatAreNullableOrHaveADefaultMayBeMissingButOthersMayNot() {
        ObservedSchemaVerdict verdict = check(avro(ORDER_AVRO), field("id", "bigint"), field("total", "decimal(10,2)"));

        assertThat(verdict.violations()).singleElement().satisfies(violation -> {
            assertThat(violation.kind()).isEqualTo(Kind.REQUIRED_FIELD_MISSING);
            assertThat(violation.field()).isEqualTo("/placed");
        });
    }

    @Test
    void anAvroContractTakesExtraFieldsAsAdditionsAndTimestampsForItsTimestampLongs() {
        ObservedSchemaVerdict verdict = check(
                avro(ORDER_AVRO),
                field("id", "long"),
                field("placed", "TIMESTAMP"),
                field("coupon", "varchar(20)"),
                field("total", "decimal(10,2)"),
                field("warehouse", "string"));

        assertThat(verdict.violated()).isFalse();
        assertThat(verdict.addedFields()).containsExactly("/warehouse");
    }

    @Test
    void anAvroUnionAcceptsAnyMembersFamilyAndNamesTheUnionWhenNoneFits() {
        ObservedSchemaVerdict verdict = check(
                avro(ORDER_AVRO),
                field("id", "long"),
                field("placed", "bigint"),
                field("total", "double"),
                field("coupon", "boolean"));

        assertThat(verdict.violations()).singleElement().satisfies(violation -> {
            assertThat(violation.kind()).isEqualTo(Kind.TYPE_CHANGED);
            assertThat(violation.field()).isEqualTo("/coupon");
            assertThat(violation.expected()).isEqualTo("[\"null\",\"string\"]");
            assertThat(violation.observed()).isEqualTo("boolean");
        });
    }

    @Test
    void aJsonSchemaTypeListAcceptsEachOfItsTypes() {
        ParsedSchema contract = jsonSchema("{'type': 'object', 'properties': {'v': {'type': ['string', 'integer']}}}");

        assertThat(check(contract, field("v", "VARCHAR")).violated()).isFalse();
        assertThat(check(contract, field("v", "BIGINT")).violated()).isFalse();
        assertThat(check(contract, field("v", "BOOLEAN")).violations())
                .singleElement()
                .satisfies(violation -> assertThat(violation.expected()).isEqualTo("[\"string\",\"integer\"]"));
    }

    @Test
    void anUnknownOrMissingObservedTypeGivesNoVerdictOnTheType() {
        ObservedSchemaVerdict verdict =
                check(jsonSchema(CUSTOMER), field("id", "geography"), field("amount", null), field("note", "json"));

        assertThat(verdict.violated()).isFalse();
    }

    @Test
    void typeNamesAndFieldNamesAreMatchedWhateverTheirCase() {
        ObservedSchemaVerdict verdict = check(
                jsonSchema(CUSTOMER),
                field("ID", "VarChar(36)"),
                field("AMOUNT", "DOUBLE PRECISION"),
                field("Created", "TIMESTAMP WITH TIME ZONE"));

        assertThat(verdict.violated()).isFalse();
        assertThat(verdict.addedFields()).isEmpty();
    }

    @Test
    void requiredFieldsFromAReferencedDefinitionAreChecked() {
        ParsedSchema contract = jsonSchema("""
                {'$defs': {'keyed': {'type': 'object', 'properties': {'id': {'type': 'integer'}}, 'required': ['id']}},
                 'allOf': [{'$ref': '#/$defs/keyed'}],
                 'properties': {'name': {'type': 'string'}}}""");

        assertThat(check(contract, field("name", "string")).violations())
                .extracting(SchemaViolation::kind, SchemaViolation::field)
                .containsExactly(tuple(Kind.REQUIRED_FIELD_MISSING, "/id"));
        assertThat(check(contract, field("id", "string"), field("name", "string"))
                        .violations())
                .extracting(SchemaViolation::kind)
                .containsExactly(Kind.TYPE_CHANGED);
    }

    @Test
    void arrayItemsAreComparedAtTheStarPointerWhetherGivenAsElementOrAsTheirFields() {
        ParsedSchema contract = jsonSchema("""
                {'type': 'object', 'properties': {
                  'tags': {'type': 'array', 'items': {'type': 'string'}},
                  'lines': {'type': 'array', 'items': {'type': 'object',
                            'properties': {'sku': {'type': 'string'}, 'price': {'type': 'number'}},
                            'required': ['sku']}}}}""");

        ObservedSchemaVerdict verdict =
                check(contract, field("tags", "array<int>"), field("lines", "array", field("price", "string")));

        assertThat(verdict.violations())
                .extracting(SchemaViolation::kind, SchemaViolation::field)
                .containsExactly(
                        tuple(Kind.TYPE_CHANGED, "/tags/*"),
                        tuple(Kind.TYPE_CHANGED, "/lines/*/price"),
                        tuple(Kind.REQUIRED_FIELD_MISSING, "/lines/*/sku"));
        assertThat(check(
                        contract,
                        field("tags", "array", field("_element", "string")),
                        field("lines", "array", field("_element", "struct", field("sku", "string")))))
                .extracting(ObservedSchemaVerdict::violated)
                .isEqualTo(false);
    }

    @Test
    void avroArraysAndMapsAreComparedThroughTheirItemsAndValues() {
        ParsedSchema contract = avro("""
                {'type': 'record', 'name': 'Basket', 'fields': [
                  {'name': 'items', 'type': {'type': 'array', 'items': {'type': 'record', 'name': 'Item',
                     'fields': [{'name': 'sku', 'type': 'string'}, {'name': 'qty', 'type': 'int'}]}}},
                  {'name': 'attributes', 'type': {'type': 'map', 'values': 'long'}}]}""");

        ObservedSchemaVerdict verdict = check(
                contract,
                field("items", "array", field("_element", "struct", field("sku", "string"))),
                field("attributes", "map", field("key", "string"), field("value", "string")));

        assertThat(verdict.violations())
                .extracting(SchemaViolation::kind, SchemaViolation::field)
                .containsExactly(
                        tuple(Kind.REQUIRED_FIELD_MISSING, "/items/*/qty"), tuple(Kind.TYPE_CHANGED, "/attributes/*"));
    }

    /** The example of the OpenLineage documentation's schema dataset facet page, against a contract it keeps. */
    @Test
    void theSpecsCustomerExampleKeepsAContractForIt() {
        ParsedSchema contract = jsonSchema("""
                {'type': 'object', 'required': ['id', 'name'],
                 'properties': {
                   'id': {'type': 'integer'}, 'name': {'type': 'string'}, 'is_active': {'type': 'boolean'},
                   'phones': {'type': 'array', 'items': {'type': 'string'}},
                   'address': {'type': 'object', 'additionalProperties': false, 'properties': {
                       'type': {'type': 'string'}, 'country': {'type': 'string'}, 'zip': {'type': 'string'},
                       'state': {'type': 'string'}, 'street': {'type': 'string'}}},
                   'custom_properties': {'type': 'object', 'additionalProperties': {'type': ['string', 'integer']}}}}""");
        List<LineageField> example = List.of(
                new LineageField("id", "int", "Customer's identifier", List.of()),
                new LineageField("name", "string", "Customer's name", List.of()),
                new LineageField("is_active", "boolean", "Has customer completed activation process", List.of()),
                new LineageField(
                        "phones",
                        "array",
                        "List of phone numbers",
                        List.of(new LineageField("_element", "string", "Phone number", List.of()))),
                new LineageField(
                        "address",
                        "struct",
                        "Customer address",
                        List.of(
                                field("type", "string"),
                                field("country", "string"),
                                field("zip", "string"),
                                field("state", "string"),
                                field("street", "string"))),
                new LineageField(
                        "custom_properties",
                        "map",
                        null,
                        List.of(
                                field("key", "string"),
                                field("value", "union", field("_0", "string"), field("_1", "int64")))));

        ObservedSchemaVerdict verdict = ObservedSchemaCheck.check(example, contract);

        assertThat(verdict.violations()).isEmpty();
        assertThat(verdict.addedFields()).isEmpty();
    }

    /** SQL emitters write upper-case types, as in the spec's example facet fields ("VARCHAR", "INTEGER"). */
    @Test
    void sqlTypeNamesFromTheSpecAreReadAsTheirFamilies() {
        ParsedSchema contract = jsonSchema("{'type': 'object', 'required': ['column1', 'column2'], 'properties': "
                + "{'column1': {'type': 'string'}, 'column2': {'type': 'integer'}}}");

        assertThat(check(contract, field("column1", "VARCHAR"), field("column2", "INTEGER"))
                        .violated())
                .isFalse();
        assertThat(check(contract, field("column1", "INTEGER"), field("column2", "VARCHAR"))
                        .violations())
                .extracting(SchemaViolation::field, SchemaViolation::expected, SchemaViolation::observed)
                .containsExactly(tuple("/column1", "string", "INTEGER"), tuple("/column2", "integer", "VARCHAR"));
    }
}
