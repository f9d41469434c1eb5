package dev.watershed.domain.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class AvroRecordValidatorTest {

    private static final Schema ORDER = AvroRecordValidator.parseSchema("""
            {"type": "record", "name": "Order", "namespace": "shop",
             "fields": [
               {"name": "id", "type": "long"},
               {"name": "status", "type": {"type": "enum", "name": "Status", "symbols": ["NEW", "PAID"]}},
               {"name": "note", "type": ["null", "string"], "default": null},
               {"name": "customer", "type": {"type": "record", "name": "Customer", "fields": [
                 {"name": "email", "type": "string"},
                 {"name": "vip", "type": "boolean", "default": false}]}},
               {"name": "lines", "type": {"type": "array", "items": {"type": "record", "name": "Line", "fields": [
                 {"name": "sku", "type": "string"}, {"name": "price", "type": "double"}]}}},
               {"name": "attributes", "type": {"type": "map", "values": "int"}, "default": {}}
             ]}
            """);

    private static JsonNode json(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    void acceptsAvroJsonEncoding() {
        RecordValidator validator = new AvroRecordValidator(ORDER);

        assertThat(validator.validate(json("""
                {"id": 1, "status": "NEW", "note": {"string": "leave at door"},
                 "customer": {"email": "a@example.com"},
                 "lines": [{"sku": "X", "price": 2.5}], "attributes": {"gift": 1}}
                """))).isEmpty();
        assertThat(validator.validate(json("""
                {"id": 1, "status": "PAID", "note": null, "customer": {"email": "a@example.com", "vip": true},
                 "lines": []}
                """))).isEmpty();
    }

    @Test
    void reportsEveryMismatchWithItsPath() {
        RecordValidator validator = new AvroRecordValidator(ORDER);

        List<RecordError> errors = validator.validate(json("""
                {"id": "one", "status": "SHIPPED", "customer": {"email": 42},
                 "lines": [{"sku": "X", "price": 1}, {"price": "free"}], "attributes": {"a": 1.5}, "extra": true}
                """));

        assertThat(errors)
                .extracting(RecordError::path, RecordError::keyword)
                .containsExactly(
                        tuple("/id", "type"),
                        tuple("/status", "enum"),
                        tuple("/customer/email", "type"),
                        tuple("/lines/1/sku", "required"),
                        tuple("/lines/1/price", "type"),
                        tuple("/attributes/a", "type"),
                        tuple("/extra", "unknownField"));
        assertThat(errors.get(2).message()).isEqualTo("expected string, got integer 42");
        assertThat(errors.get(1).message()).contains("SHIPPED").contains("[NEW, PAID]");
    }

    @Test
    void plainUnionValueIsRejectedInAvroJsonModeAndAcceptedLeniently() {
        JsonNode plain = json("""
                {"id": 1, "status": "NEW", "note": "plain", "customer": {"email": "e"}, "lines": []}
                """);

        assertThat(new AvroRecordValidator(ORDER).validate(plain))
                .extracting(RecordError::path, RecordError::keyword)
                .containsExactly(tuple("/note", "type"));
        assertThat(new AvroRecordValidator(ORDER, AvroJsonMode.LENIENT).validate(plain))
                .isEmpty();
        assertThat(new AvroRecordValidator(ORDER, AvroJsonMode.LENIENT).validate(json("""
                {"id": 1, "status": "NEW", "note": 5, "customer": {"email": "e"}, "lines": []}
                """)))
                .extracting(RecordError::path)
                .containsExactly("/note");
    }

    @Test
    void wrongBranchContentIsReportedInsideTheUnion() {
        List<RecordError> errors = new AvroRecordValidator(ORDER).validate(json("""
                {"id": 1, "status": "NEW", "note": {"string": 7}, "customer": {"email": "e"}, "lines": []}
                """));

        assertThat(errors).extracting(RecordError::path).containsExactly("/note/string");
    }

    @Test
    void intRangeIsChecked() {
        Schema schema = AvroRecordValidator.parseSchema("""
                {"type": "record", "name": "R", "fields": [{"name": "n", "type": "int"}]}
                """);

        assertThat(new AvroRecordValidator(schema).validate(json("{\"n\": 3000000000}")))
                .extracting(RecordError::keyword)
                .containsExactly("type");
    }

    @Test
    void invalidAvroSchemaFailsWithReason() {
        assertThatThrownBy(() -> AvroRecordValidator.parseSchema("{\"type\": \"record\", \"name\": \"R\"}"))
                .isInstanceOf(InvalidContractSchemaException.class)
                .hasMessageContaining("fields");
    }
}
