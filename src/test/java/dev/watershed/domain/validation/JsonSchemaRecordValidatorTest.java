package dev.watershed.domain.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.watershed.domain.schema.RefNotAllowedException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonSchemaRecordValidatorTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static final String ORDER_SCHEMA = """
            {
              "type": "object",
              "required": ["id", "customer"],
              "properties": {
                "id": {"type": "integer", "minimum": 1},
                "customer": {
                  "type": "object",
                  "required": ["email"],
                  "properties": {"email": {"type": "string", "format": "email"}}
                },
                "lines": {"type": "array", "items": {"$ref": "#/$defs/line"}}
              },
              "$defs": {"line": {"type": "object", "properties": {"price": {"type": "number", "minimum": 0}}}}
            }
            """;

    @Test
    void validRecordHasNoErrors() {
        RecordValidator validator = new JsonSchemaRecordValidator(json(ORDER_SCHEMA));

        assertThat(validator.validate(json("""
                {"id": 1, "customer": {"email": "a@example.com"}, "lines": [{"price": 2.5}]}
                """))).isEmpty();
    }

    @Test
    void reportsErrorsWithJsonPointerPathsAndKeywords() {
        RecordValidator validator = new JsonSchemaRecordValidator(json(ORDER_SCHEMA));

        List<RecordError> errors = validator.validate(json("""
                {"id": 0, "customer": {"email": 42}, "lines": [{"price": 1}, {"price": -1}]}
                """));

        assertThat(errors)
                .extracting(RecordError::path, RecordError::keyword)
                .containsExactlyInAnyOrder(
                        tuple("/id", "minimum"), tuple("/customer/email", "type"), tuple("/lines/1/price", "minimum"));
        assertThat(errors).allSatisfy(error -> assertThat(error.message()).isNotBlank());
        System.out.println(errors);
    }

    @Test
    void reportsMissingRequiredPropertyAtItsParent() {
        RecordValidator validator = new JsonSchemaRecordValidator(json(ORDER_SCHEMA));

        List<RecordError> errors = validator.validate(json("{\"id\": 3}"));

        assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.path()).isEmpty();
            assertThat(error.keyword()).isEqualTo("required");
            assertThat(error.message()).contains("customer");
        });
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://json-schema.org/draft-04/schema#",
                "http://json-schema.org/draft-06/schema#",
                "http://json-schema.org/draft-07/schema#",
                "https://json-schema.org/draft/2019-09/schema",
                "https://json-schema.org/draft/2020-12/schema"
            })
    void supportsEveryDraftNamedBySchemaKeyword(String dialect) {
        RecordValidator validator = new JsonSchemaRecordValidator(json("""
                {"$schema": "%s", "type": "object", "properties": {"n": {"type": "integer", "maximum": 5}}}
                """.formatted(dialect)));

        assertThat(validator.validate(json("{\"n\": 4}"))).isEmpty();
        assertThat(validator.validate(json("{\"n\": 6}")))
                .extracting(RecordError::keyword)
                .containsExactly("maximum");
    }

    @Test
    void draftSpecificKeywordsFollowTheDialect() {
        // exclusiveMaximum is a boolean modifier in draft-04 and a number from draft-06 on.
        RecordValidator draft4 = new JsonSchemaRecordValidator(json("""
                {"$schema": "http://json-schema.org/draft-04/schema#", "maximum": 5, "exclusiveMaximum": true}
                """));
        RecordValidator draft2020 = new JsonSchemaRecordValidator(json("{\"exclusiveMaximum\": 5}"));

        assertThat(draft4.validate(json("5"))).isNotEmpty();
        assertThat(draft2020.validate(json("5"))).isNotEmpty();
        assertThat(draft2020.validate(json("4.9"))).isEmpty();
    }

    @Test
    void formatAssertionsAreOnByDefaultAndCanBeSwitchedOff() {
        JsonNode schema = json("{\"type\": \"string\", \"format\": \"date\"}");
        JsonNode notADate = json("\"2024-13-45\"");

        assertThat(new JsonSchemaRecordValidator(schema).validate(notADate))
                .extracting(RecordError::keyword)
                .containsExactly("format");
        assertThat(new JsonSchemaRecordValidator(
                                schema, ValidationOptions.defaults().withFormatAssertions(false))
                        .validate(notADate))
                .isEmpty();
    }

    @Test
    void remoteRefIsRefusedWhenHostIsNotAllowed() {
        JsonNode schema = json("{\"$ref\": \"http://169.254.169.254/latest/meta-data/schema.json\"}");

        assertThatThrownBy(() -> new JsonSchemaRecordValidator(schema))
                .isInstanceOf(RefNotAllowedException.class)
                .hasMessageContaining("169.254.169.254")
                .hasMessageContaining("does not load")
                .extracting(e -> ((RefNotAllowedException) e).pointer())
                .isEqualTo("/$ref");
    }

    @Test
    void remoteRefIsRefusedWhenAnotherHostIsAllowed() {
        JsonNode schema = json("{\"$ref\": \"https://evil.example/schema.json\"}");
        ValidationOptions options = ValidationOptions.defaults().withAllowedRefHosts(Set.of("schemas.example.com"));

        assertThatThrownBy(() -> new JsonSchemaRecordValidator(schema, options))
                .isInstanceOf(RefNotAllowedException.class)
                .hasMessageContaining("evil.example")
                .hasMessageContaining("schemas.example.com");
    }

    @Test
    void fileRefIsRefused() {
        JsonNode schema = json("{\"$ref\": \"file:///etc/passwd\"}");

        assertThatThrownBy(() -> new JsonSchemaRecordValidator(
                        schema, ValidationOptions.defaults().withAllowedRefHosts(Set.of("localhost"))))
                .isInstanceOf(RefNotAllowedException.class)
                .hasMessageContaining("file:///etc/passwd");
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.SECONDS)
    void catastrophicPatternRunsInLinearTime() {
        RecordValidator validator = new JsonSchemaRecordValidator(json("""
                {"type": "string", "pattern": "^(a+)+$"}
                """));

        long start = System.nanoTime();
        List<RecordError> errors = validator.validate(json("\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!\""));
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(errors).extracting(RecordError::keyword).containsExactly("pattern");
        assertThat(millis).isLessThan(500);
        assertThat(validator.validate(json("\"aaaa\""))).isEmpty();
    }

    @Test
    void patternIsNotAnchoredImplicitly() {
        RecordValidator validator = new JsonSchemaRecordValidator(json("{\"pattern\": \"b+\"}"));

        assertThat(validator.validate(json("\"abbc\""))).isEmpty();
    }

    @Test
    void invalidSchemaFailsWithTheParserReason() {
        assertThatThrownBy(() -> new JsonSchemaRecordValidator(json("{\"type\": \"string\", \"pattern\": \"(a\"}")))
                .isInstanceOf(InvalidContractSchemaException.class)
                .hasMessageContaining("(a");
        assertThatThrownBy(() -> new JsonSchemaRecordValidator(json("{\"$ref\": \"#/$defs/missing\"}")))
                .isInstanceOf(InvalidContractSchemaException.class);
    }
}
