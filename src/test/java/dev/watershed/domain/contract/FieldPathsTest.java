package dev.watershed.domain.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class FieldPathsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text.replace('\'', '"'));
    }

    @Test
    void jsonSchemaNestedPropertiesArraysAndRequired() throws Exception {
        JsonNode schema = json("""
                {'type': 'object', 'required': ['id', 'customer'],
                 'properties': {
                   'id': {'type': 'string', 'description': 'order id'},
                   'customer': {'type': 'object', 'required': ['email'],
                     'properties': {'email': {'type': 'string'}, 'phone': {'type': ['string', 'null']}}},
                   'lines': {'type': 'array', 'items': {'type': 'object',
                     'properties': {'price': {'type': 'number'},
                                    'tags': {'type': 'array', 'items': {'type': 'string'}}}}},
                   'a/b': {'type': 'integer'}
                 }}
                """);

        List<SchemaField> fields = FieldPaths.fromJsonSchema(schema);

        assertThat(fields)
                .extracting(SchemaField::path, SchemaField::type, SchemaField::required)
                .containsExactly(
                        tuple("/id", "string", true),
                        tuple("/customer", "object", true),
                        tuple("/customer/email", "string", true),
                        tuple("/customer/phone", "[\"string\",\"null\"]", false),
                        tuple("/lines", "array<object>", false),
                        tuple("/lines/*/price", "number", false),
                        tuple("/lines/*/tags", "array<string>", false),
                        tuple("/a~1b", "integer", false));
        assertThat(fields.get(0).description()).isEqualTo("order id");
    }

    @Test
    void jsonSchemaResolvesRefsAndStopsOnRecursion() throws Exception {
        JsonNode schema = json("""
                {'$defs': {
                   'node': {'type': 'object', 'description': 'a tree node', 'properties': {
                     'name': {'type': 'string'},
                     'children': {'type': 'array', 'items': {'$ref': '#/$defs/node'}}}},
                   'money': {'type': 'object', 'required': ['amount'],
                     'properties': {'amount': {'type': 'integer'}, 'currency': {'type': 'string'}}}},
                 'definitions': {'id': {'type': 'string', 'description': 'an id'}},
                 'type': 'object',
                 'properties': {
                   'root': {'$ref': '#/$defs/node'},
                   'total': {'$ref': '#/$defs/money'},
                   'ref': {'$ref': '#/definitions/id'}}}
                """);

        List<SchemaField> fields = FieldPaths.fromJsonSchema(schema);

        assertThat(fields)
                .extracting(SchemaField::path)
                .containsExactly(
                        "/root", "/root/name", "/root/children", "/total", "/total/amount", "/total/currency", "/ref");
        assertThat(fields)
                .filteredOn(f -> f.path().equals("/root/children"))
                .singleElement()
                .satisfies(f -> assertThat(f.type()).isEqualTo("array<node>"));
        assertThat(fields)
                .filteredOn(f -> f.path().equals("/root"))
                .singleElement()
                .satisfies(f -> assertThat(f.description()).isEqualTo("a tree node"));
        assertThat(fields)
                .filteredOn(f -> f.path().equals("/total/amount"))
                .singleElement()
                .satisfies(f -> assertThat(f.required()).isTrue());
        assertThat(fields)
                .filteredOn(f -> f.path().equals("/ref"))
                .singleElement()
                .satisfies(f -> assertThat(f.type()).isEqualTo("string"));
    }

    @Test
    void jsonSchemaMergesCombinatorBranches() throws Exception {
        JsonNode schema = json("""
                {'allOf': [
                   {'type': 'object', 'required': ['id'], 'properties': {'id': {'type': 'string'}}},
                   {'properties': {'created': {'type': 'string'}}}],
                 'oneOf': [
                   {'required': ['card'], 'properties': {'card': {'type': 'object',
                     'properties': {'last4': {'type': 'string'}}}}},
                   {'required': ['iban'], 'properties': {'iban': {'type': 'string'}}}]}
                """);

        assertThat(FieldPaths.fromJsonSchema(schema))
                .extracting(SchemaField::path, SchemaField::required)
                .containsExactly(
                        tuple("/id", true),
                        tuple("/created", false),
                        tuple("/card", false),
                        tuple("/card/last4", false),
                        tuple("/iban", false));
    }

    @Test
    void refDiamondsThatExplodeAreRefusedNotTruncated() throws Exception {
        StringBuilder defs = new StringBuilder("{'$defs': {'d0': {'type': 'string'}");
        for (int i = 1; i <= 20; i++) {
            defs.append(", 'd")
                    .append(i)
                    .append("': {'type': 'object', 'properties': {'a': {'$ref': '#/$defs/d")
                    .append(i - 1)
                    .append("'}, 'b': {'$ref': '#/$defs/d")
                    .append(i - 1)
                    .append("'}}}");
        }
        defs.append("}, '$ref': '#/$defs/d20'}");

        assertThatThrownBy(() -> FieldPaths.fromJsonSchema(json(defs.toString())))
                .isInstanceOf(SchemaTooComplexException.class);
    }

    @Test
    void avroRecordsArraysMapsAndNullableUnions() {
        Schema schema = new Schema.Parser().parse("""
                {"type": "record", "name": "Order", "namespace": "shop", "fields": [
                  {"name": "id", "type": "string", "doc": "order id"},
                  {"name": "email", "type": ["null", "string"], "default": null},
                  {"name": "customer", "type": ["null", {"type": "record", "name": "Customer", "fields": [
                    {"name": "name", "type": "string"}]}]},
                  {"name": "lines", "type": {"type": "array", "items": {"type": "record", "name": "Line", "fields": [
                    {"name": "price", "type": {"type": "bytes", "logicalType": "decimal", "precision": 9}}]}}},
                  {"name": "attrs", "type": {"type": "map", "values": {"type": "record", "name": "Attr", "fields": [
                    {"name": "value", "type": "string"}]}}},
                  {"name": "next", "type": ["null", "Order"], "default": null}
                ]}
                """);

        List<SchemaField> fields = FieldPaths.fromAvro(schema);

        assertThat(fields)
                .extracting(SchemaField::path, SchemaField::type, SchemaField::required)
                .containsExactly(
                        tuple("/id", "string", true),
                        tuple("/email", "[\"null\",\"string\"]", false),
                        tuple("/customer", "[\"null\",\"shop.Customer\"]", false),
                        tuple("/customer/name", "string", true),
                        tuple("/lines", "array<shop.Line>", true),
                        tuple("/lines/*/price", "bytes(decimal)", true),
                        tuple("/attrs", "map<shop.Attr>", true),
                        tuple("/attrs/*/value", "string", true),
                        tuple("/next", "[\"null\",\"shop.Order\"]", false));
        assertThat(fields.get(0).description()).isEqualTo("order id");
    }

    @Test
    void unknownFieldsAcceptsPrefixesWildcardsAndDottedForms() throws Exception {
        List<SchemaField> fields = FieldPaths.fromJsonSchema(json("""
                {'properties': {'customer': {'properties': {'email': {'type': 'string'}}},
                  'lines': {'type': 'array', 'items': {'properties': {'price': {'type': 'number'}}}}}}
                """));

        assertThat(FieldPaths.unknownFields(
                        fields,
                        List.of(
                                "/customer",
                                "customer.email",
                                "lines[].price",
                                "/lines/0/price",
                                "/lines/*",
                                "customer.phone",
                                "/cust",
                                "totals.net",
                                "customer.phone")))
                .containsExactly("/customer/phone", "/cust", "/totals/net");
    }
}
