package dev.watershed.domain.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NdjsonBatchValidatorTest {

    private static final RecordValidator ID_REQUIRED = new JsonSchemaRecordValidator(json("""
            {"type": "object", "required": ["id"],
             "properties": {"id": {"type": "integer"}, "tags": {"type": "array", "items": {"type": "string"}}}}
            """));

    private static JsonNode json(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static InputStream body(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static ValidationReport run(String ndjson, ValidationLimits limits) {
        return new NdjsonBatchValidator(ID_REQUIRED, limits).validate(body(ndjson));
    }

    @Test
    void countsValidAndInvalidRecordsAndIgnoresBlankLines() {
        ValidationReport report = run("{\"id\":1}\n\n   \n{\"id\":\"x\"}\r\n{\"id\":3}", ValidationLimits.defaults());

        assertThat(report.total()).isEqualTo(3);
        assertThat(report.valid()).isEqualTo(2);
        assertThat(report.invalid()).isEqualTo(1);
        assertThat(report.errors())
                .extracting(ReportedError::recordIndex, ReportedError::path, ReportedError::keyword)
                .containsExactly(tuple(1L, "/id", "type"));
    }

    @Test
    void twoValuesOnALineAreSaidSoWithoutJavaTypes() {
        // Found by the reliability fuzzing (FuzzTest): Jackson's message named com.fasterxml's JsonNode.
        ValidationReport report = run("{\"id\":1}{\"id\":2}\n", ValidationLimits.defaults());

        assertThat(report.errors())
                .singleElement()
                .satisfies(error -> assertThat(error.message())
                        .isEqualTo(
                                "malformed JSON: more than one JSON value: a record is exactly one (NDJSON puts one on"
                                        + " each line)"));
    }

    @Test
    void malformedLineIsAnInvalidRecordAndTheBatchGoesOn() {
        ValidationReport report =
                run("{\"id\":1}\n{\"id\": \n{\"id\":2} trailing\n{\"id\":4}\n", ValidationLimits.defaults());

        assertThat(report.total()).isEqualTo(4);
        assertThat(report.invalid()).isEqualTo(2);
        assertThat(report.errors()).allSatisfy(error -> {
            assertThat(error.keyword()).isNull();
            assertThat(error.message()).startsWith("malformed JSON");
        });
        assertThat(report.errors()).extracting(ReportedError::recordIndex).containsExactly(1L, 2L);
    }

    @Test
    void overLongLineIsReportedAndSkipped() {
        String longLine = "{\"id\":1,\"pad\":\"" + "x".repeat(5_000) + "\"}";
        ValidationReport report = run(
                "{\"id\":1}\n" + longLine + "\n{\"id\":2}\n",
                ValidationLimits.defaults().withMaxRecordBytes(1_000));

        assertThat(report.total()).isEqualTo(3);
        assertThat(report.valid()).isEqualTo(2);
        assertThat(report.errors()).singleElement().satisfies(error -> {
            assertThat(error.recordIndex()).isEqualTo(1);
            assertThat(error.message()).isEqualTo("record exceeds 1000 bytes");
        });
    }

    @Test
    void lineOfExactlyTheLimitIsAccepted() {
        String line = "{\"id\":1,\"p\":\"" + "x".repeat(100 - 15) + "\"}";
        assertThat(line).hasSize(100);

        ValidationReport report =
                run(line + "\r\n" + line, ValidationLimits.defaults().withMaxRecordBytes(100));

        assertThat(report.valid()).isEqualTo(2);
    }

    @Test
    void tooDeepRecordIsInvalidWithoutStackOverflow() {
        String deep = "{\"id\":1,\"n\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
        ValidationReport report = run(
                deep + "\n{\"id\":2}",
                ValidationLimits.defaults().withMaxDepth(16).withMaxRecordBytes(1 << 20));

        assertThat(report.total()).isEqualTo(2);
        assertThat(report.invalid()).isEqualTo(1);
        assertThat(report.errors().get(0).message()).contains("depth");
    }

    @Test
    void tooManyRecordsFailsTheBatch() {
        assertThatThrownBy(() -> run(
                        "{\"id\":1}\n{\"id\":2}\n\n{\"id\":3}\n",
                        ValidationLimits.defaults().withMaxRecords(2)))
                .isInstanceOf(BatchTooLargeException.class)
                .hasMessageContaining("more than 2 records");
        assertThat(run("{\"id\":1}\n{\"id\":2}\n\n", ValidationLimits.defaults().withMaxRecords(2))
                        .total())
                .isEqualTo(2);
    }

    @Test
    void errorListIsCappedButCountsAndSummaryStayExact() {
        StringBuilder ndjson = new StringBuilder();
        for (int i = 0; i < 1_000; i++) {
            ndjson.append(i % 2 == 0 ? "{\"id\":\"bad\",\"tags\":[\"a\",7,8]}" : "{\"id\":1}")
                    .append('\n');
        }

        ValidationReport report =
                run(ndjson.toString(), ValidationLimits.defaults().withMaxErrors(10));

        assertThat(report.total()).isEqualTo(1_000);
        assertThat(report.invalid()).isEqualTo(500);
        assertThat(report.errorCount()).isEqualTo(1_500);
        assertThat(report.errors()).hasSize(10);
        assertThat(report.errorsTruncated()).isTrue();
        assertThat(report.errorSummary())
                .containsExactly(new ErrorCount("/tags/*", "type", 1_000), new ErrorCount("/id", "type", 500));
    }

    @Test
    void observerSeesEveryReadableRecord() {
        List<JsonNode> seen = new ArrayList<>();

        new NdjsonBatchValidator(ID_REQUIRED, ValidationLimits.defaults())
                .validate(body("{\"id\":1}\nnot json\n{\"id\":\"x\"}\n"), seen::add);

        assertThat(seen).hasSize(2);
    }

    @Test
    void streamsAHugeBodyInBoundedMemory() {
        long targetBytes = 200L * 1024 * 1024;
        byte[] line = "{\"id\":12345,\"tags\":[\"alpha\",\"beta\",\"gamma\"]}\n".getBytes(StandardCharsets.UTF_8);
        RecordValidator cheap = record -> List.of();
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        long before = runtime.totalMemory() - runtime.freeMemory();
        long[] worstGrowth = {0};
        long[] seen = {0};

        ValidationReport report = new NdjsonBatchValidator(cheap, ValidationLimits.defaults())
                .validate(new RepeatingInputStream(line, targetBytes), record -> {
                    // A collection mid-stream shows what the batch really keeps alive while it runs.
                    if (++seen[0] % 1_000_000 == 0) {
                        System.gc();
                        long growth = runtime.totalMemory() - runtime.freeMemory() - before;
                        worstGrowth[0] = Math.max(worstGrowth[0], growth);
                    }
                });

        assertThat(report.total()).isEqualTo(targetBytes / line.length);
        assertThat(seen[0]).isGreaterThan(4_000_000);
        assertThat(worstGrowth[0]).as("live heap growth while streaming 200 MB").isLessThan(64L * 1024 * 1024);
    }

    /** Repeats one line until {@code size} bytes have been produced, without materialising the body. */
    private static final class RepeatingInputStream extends InputStream {

        private final byte[] line;
        private final long size;
        private long produced;

        RepeatingInputStream(byte[] line, long size) {
            this.line = line;
            this.size = size - size % line.length;
        }

        @Override
        public int read() {
            if (produced == size) {
                return -1;
            }
            return line[(int) (produced++ % line.length)];
        }

        @Override
        public int read(byte[] target, int offset, int length) {
            if (produced == size) {
                return -1;
            }
            int count = (int) Math.min(length, size - produced);
            for (int i = 0; i < count; i++) {
                target[offset + i] = line[(int) ((produced + i) % line.length)];
            }
            produced += count;
            return count;
        }
    }
}
