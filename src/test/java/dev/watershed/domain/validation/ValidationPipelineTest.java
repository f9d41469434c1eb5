package dev.watershed.domain.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.watershed.domain.ComputeBudget;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A batch validated on another thread than the one reading it gives the report it gives on one thread. */
class ValidationPipelineTest {

    private static final RecordValidator ID_REQUIRED = new JsonSchemaRecordValidator(json("""
            {"type": "object", "required": ["id"], "properties": {"id": {"type": "integer"}}}
            """));

    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    private static JsonNode json(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream body(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Lines of every kind, many groups of them: valid, invalid, malformed, blank, too long. */
    private static String mixedBatch() {
        StringBuilder ndjson = new StringBuilder();
        for (int i = 0; i < 5_000; i++) {
            switch (i % 7) {
                case 0 -> ndjson.append("{\"id\":\"x").append(i).append("\"}\n");
                case 1 -> ndjson.append("not json ").append(i).append('\n');
                case 2 -> ndjson.append("  \n");
                case 3 ->
                    ndjson.append("{\"id\":1,\"pad\":\"")
                            .append("p".repeat(300))
                            .append("\"}\n");
                default -> ndjson.append("{\"id\":").append(i).append("}\r\n");
            }
        }
        return ndjson.toString();
    }

    @Test
    void reportIsTheSameAsOnOneThread() {
        ValidationLimits limits =
                ValidationLimits.defaults().withMaxRecordBytes(200).withMaxErrors(500);
        List<JsonNode> seenSequential = new ArrayList<>();
        List<JsonNode> seenPipelined = new ArrayList<>();

        ValidationReport sequential =
                new NdjsonBatchValidator(ID_REQUIRED, limits).validate(body(mixedBatch()), seenSequential::add);
        ValidationReport pipelined =
                new NdjsonBatchValidator(ID_REQUIRED, limits, threads).validate(body(mixedBatch()), seenPipelined::add);

        assertThat(pipelined.total()).isEqualTo(sequential.total()).isEqualTo(4_286);
        assertThat(pipelined.invalid()).isEqualTo(sequential.invalid());
        assertThat(pipelined.errorCount()).isEqualTo(sequential.errorCount());
        assertThat(pipelined.errors()).isEqualTo(sequential.errors()).hasSize(500);
        assertThat(pipelined.errorSummary()).isEqualTo(sequential.errorSummary());
        assertThat(seenPipelined).isEqualTo(seenSequential);
    }

    @Test
    void aFailingRecordStopsTheBatchWithItsFailure() {
        AtomicInteger validated = new AtomicInteger();
        RecordValidator failsAtTheTenth = record -> {
            if (validated.incrementAndGet() == 10) {
                throw new IllegalStateException("record 10");
            }
            return List.of();
        };
        String ndjson = "{\"id\":1}\n".repeat(100_000);

        assertThatThrownBy(() -> new NdjsonBatchValidator(failsAtTheTenth, ValidationLimits.defaults(), threads)
                        .validate(body(ndjson)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("record 10");
        assertThat(validated).hasValue(10);
    }

    @Test
    void aFailureOfAnEarlierRecordWinsOverTooManyRecords() {
        RecordValidator failsAtTheFirst = record -> {
            throw new IllegalStateException("record 1");
        };
        ValidationLimits limits = ValidationLimits.defaults().withMaxRecords(3);

        assertThatThrownBy(() ->
                        new NdjsonBatchValidator(failsAtTheFirst, limits, threads).validate(body("{}\n{}\n{}\n{}\n")))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(
                        () -> new NdjsonBatchValidator(ID_REQUIRED, limits, threads).validate(body("{}\n{}\n{}\n{}\n")))
                .isInstanceOf(BatchTooLargeException.class);
    }

    @Test
    void aBodyThatStopsArrivingFailsAfterWhatWasReadIsValidated() {
        AtomicInteger validated = new AtomicInteger();
        RecordValidator counting = record -> {
            validated.incrementAndGet();
            return List.of();
        };
        InputStream cut = new SequenceInputStream(body("{\"id\":1}\n".repeat(1_000)), new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("connection reset");
            }
        });

        assertThatThrownBy(() -> new NdjsonBatchValidator(counting, ValidationLimits.defaults(), threads)
                        .validate(cut, null, ComputeBudget.unlimited()))
                .isInstanceOf(UncheckedIOException.class)
                .hasRootCauseMessage("connection reset");
        assertThat(validated).hasValue(1_000);
    }

    @Test
    void refusedThreadsValidateOnTheCallingThread() {
        threads.shutdown();

        ValidationReport report = new NdjsonBatchValidator(ID_REQUIRED, ValidationLimits.defaults(), threads)
                .validate(body("{\"id\":1}\n{}\n"));

        assertThat(report.total()).isEqualTo(2);
        assertThat(report.invalid()).isEqualTo(1);
    }
}
