package dev.watershed.domain.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.watershed.domain.compatibility.FanOutSchemas;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class AvroExpansionTest {

    private static Schema parse(String text) {
        return new Schema.Parser().parse(text);
    }

    @Test
    void countsEveryTypeWithNamedTypesWrittenOutAtEachUse() {
        // record, 2 fields of type R0 (record + int each): 1 + 2 * 2
        Schema schema = parse(FanOutSchemas.avro(1, "int"));

        assertThat(AvroExpansion.size(schema, 1_000)).isEqualTo(5);
        assertThat(AvroExpansion.size(parse(FanOutSchemas.avro(10, "int")), 1_000_000))
                .isEqualTo(3 * 1024 - 1);
    }

    @Test
    void aRecursiveRecordCountsOncePerDescent() {
        Schema list = parse("{\"type\":\"record\",\"name\":\"Node\",\"fields\":[{\"name\":\"value\",\"type\":\"int\"},"
                + "{\"name\":\"next\",\"type\":[\"null\",\"Node\"]}]}");

        // Node, int, union, null, Node (stopped)
        assertThat(AvroExpansion.size(list, 1_000)).isEqualTo(5);
    }

    @Test
    void countingStopsAtTheLimitWhateverTheSchema() {
        Schema huge = parse(FanOutSchemas.avro(60, "int"));

        assertThat(AvroExpansion.size(huge, 10_000)).isEqualTo(10_001);
        assertThat(AvroExpansion.exceeds(huge, 10_000)).isTrue();
        assertThat(AvroExpansion.exceeds(parse("\"string\""), 1)).isFalse();
    }
}
