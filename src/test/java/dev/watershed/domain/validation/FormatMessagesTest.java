package dev.watershed.domain.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FormatMessagesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"date-time", "date", "email", "uuid", "uri", "ipv4", "time", "hostname"})
    void aFormatViolationReadsAsOneSentence(String format) throws Exception {
        JsonSchemaRecordValidator validator = new JsonSchemaRecordValidator(
                JSON.readTree("{\"type\":\"object\",\"properties\":{\"at\":{\"type\":\"string\",\"format\":\"" + format
                        + "\"}}}"),
                ValidationOptions.defaults().withFormatAssertions(true));

        List<RecordError> errors = validator.validate(JSON.readTree("{\"at\":\"not ### valid\"}"));

        assertThat(errors).hasSize(1);
        String message = errors.get(0).message();
        assertThat(message)
                .contains("does not match the " + format + " format")
                .doesNotContain("pattern must be")
                .doesNotContain(" pattern");
    }

    @ParameterizedTest
    @ValueSource(strings = {"does not match the date-time pattern must be a valid RFC 3339 date-time"})
    void theGluedMessageIsSplitIntoAClause(String glued) {
        assertThat(FormatMessages.reworded("/at: " + glued))
                .isEqualTo("/at: does not match the date-time format: it must be a valid RFC 3339 date-time");
        assertThat(FormatMessages.reworded("must be a string")).isEqualTo("must be a string");
    }
}
