package dev.watershed.domain.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class ProfilerTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Record i: amount = i (1..n), city cycles through 4 values, note null every 10th, absent every 5th. */
    private static List<JsonNode> records(int from, int to) {
        List<JsonNode> records = new ArrayList<>();
        String[] cities = {"Lyon", "Paris", "Paris", "Nice"};
        for (int i = from; i <= to; i++) {
            ObjectNode record = MAPPER.createObjectNode();
            record.put("amount", i);
            record.put("city", cities[i % 4]);
            record.put("id", "id-" + i);
            if (i % 10 == 0) {
                record.putNull("note");
            } else if (i % 5 != 0) {
                record.put("note", "n");
            }
            ObjectNode customer = record.putObject("customer");
            customer.put("score", i % 2 == 0 ? 1.5 : 2.5);
            var lines = record.putArray("lines");
            for (int l = 0; l < i % 3; l++) {
                lines.addObject().put("price", 10.0 * (l + 1));
            }
            records.add(record);
        }
        return records;
    }

    private static BatchProfile profile(List<JsonNode> records) {
        Profiler profiler = new Profiler();
        records.forEach(profiler::add);
        return profiler.profile();
    }

    @Test
    void numericStatsOfKnownData() {
        FieldSummary amount = profile(records(1, 10_000)).summary().fields().get("/amount");

        assertThat(amount.count()).isEqualTo(10_000);
        assertThat(amount.types()).containsEntry("integer", 10_000L);
        NumericSummary numbers = amount.numbers();
        assertThat(numbers.min()).isEqualTo(1);
        assertThat(numbers.max()).isEqualTo(10_000);
        assertThat(numbers.mean()).isCloseTo(5_000.5, within(1e-9));
        // Population standard deviation of 1..n is sqrt((n^2 - 1) / 12).
        assertThat(numbers.stddev()).isCloseTo(Math.sqrt((1e8 - 1) / 12), within(1e-6));
        Offset<Double> rankError = within(10_000 * 0.02);
        assertThat(numbers.quantiles().get("p50")).isCloseTo(5_000, rankError);
        assertThat(numbers.quantiles().get("p1")).isCloseTo(100, rankError);
        assertThat(numbers.quantiles().get("p99")).isCloseTo(9_900, rankError);
        assertThat(numbers.histogram()).hasSize(10);
        assertThat(numbers.histogram().stream().mapToLong(HistogramBin::count).sum())
                .isCloseTo(10_000L, within(10L));
        assertThat(numbers.histogram())
                .allSatisfy(bin -> assertThat(bin.count()).isCloseTo(1_000L, within(60L)));
    }

    @Test
    void numbersAtTheEdgesOfADoubleStillGetASummary() throws IOException {
        // Found by the reliability fuzzing (FuzzTest): infinity (JSON's 1e400), a range wider than Double.MAX_VALUE
        // and one narrower than ten representable steps broke the histogram's split points, answering 500.
        List<JsonNode> records = new ArrayList<>();
        for (String amount : List.of("1e400", "-1e400", "1e308", "-1e308", "5")) {
            records.add(MAPPER.readTree("{\"amount\": " + amount + "}"));
        }
        NumericSummary wide = profile(records).summary().fields().get("/amount").numbers();
        assertThat(wide.count()).isEqualTo(3);
        assertThat(wide.min()).isEqualTo(-1e308);
        assertThat(wide.max()).isEqualTo(1e308);
        assertThat(wide.histogram()).hasSize(10);

        List<JsonNode> narrow = List.of(MAPPER.readTree("{\"amount\": 0}"), MAPPER.readTree("{\"amount\": 4.9e-324}"));
        NumericSummary tiny = profile(narrow).summary().fields().get("/amount").numbers();
        assertThat(tiny.histogram())
                .singleElement()
                .satisfies(bin -> assertThat(bin.count()).isEqualTo(2));
    }

    @Test
    void nullsMissingTopKAndDistinct() {
        ProfileSummary summary = profile(records(1, 10_000)).summary();

        FieldSummary note = summary.fields().get("/note");
        assertThat(note.nulls()).isEqualTo(1_000);
        assertThat(note.missing()).isEqualTo(1_000);
        assertThat(note.count()).isEqualTo(9_000);

        StringSummary city = summary.fields().get("/city").strings();
        assertThat(city.distinctEstimate()).isCloseTo(3, within(0.01));
        assertThat(city.topValues().get(0)).isEqualTo(new FrequentValue("Paris", 5_000));
        assertThat(city.minLength()).isEqualTo(4);
        assertThat(city.maxLength()).isEqualTo(5);

        assertThat(summary.fields().get("/id").strings().distinctEstimate()).isCloseTo(10_000, within(400.0));
    }

    @Test
    void nestedObjectsAndArraysGetTheirOwnPaths() {
        ProfileSummary summary = profile(records(1, 9)).summary();

        assertThat(summary.fields())
                .containsKeys("/customer", "/customer/score", "/lines", "/lines/*", "/lines/*/price");
        assertThat(summary.fields().get("/customer/score").numbers().mean()).isCloseTo(2.0555, within(1e-3));
        FieldSummary lines = summary.fields().get("/lines");
        assertThat(lines.arrayLength().max()).isEqualTo(2);
        assertThat(lines.arrayLength().count()).isEqualTo(9);
        // Lengths 1,2,0 repeated three times: 9 elements.
        assertThat(summary.fields().get("/lines/*/price").count()).isEqualTo(9);
        assertThat(summary.fields().get("/lines/*/price").missing()).isZero();
    }

    @Test
    void recordsThatAreNotObjectsAreProfiledAtTheRootAndNeverMissing() throws IOException {
        BatchProfile profile = profile(List.of(
                MAPPER.readTree("\"a\""),
                MAPPER.readTree("5"),
                MAPPER.readTree("null"),
                MAPPER.readTree("[1, 2]"),
                MAPPER.readTree("{\"x\": 1}")));
        ProfileSummary summary = BatchProfile.deserialize(profile.serialize()).summary();

        assertThat(summary.records()).isEqualTo(5);
        FieldSummary root = summary.fields().get("");
        assertThat(root.count()).isEqualTo(4);
        assertThat(root.missing()).isZero();
        assertThat(root.nulls()).isEqualTo(1);
        assertThat(summary.fields().get("/*").count()).isEqualTo(2);
        // The one object held x: of five records, four were not objects and cannot miss a field.
        assertThat(summary.fields().get("/x").missing()).isZero();
    }

    @Test
    void mergeMatchesTheProfileOfTheConcatenation() {
        BatchProfile whole = profile(records(1, 20_000));
        BatchProfile merged = profile(records(1, 7_000)).merge(profile(records(7_001, 20_000)));

        ProfileSummary expected = whole.summary();
        ProfileSummary actual = merged.summary();
        assertThat(actual.records()).isEqualTo(expected.records());
        assertThat(actual.fields().keySet()).isEqualTo(expected.fields().keySet());
        NumericSummary a = actual.fields().get("/amount").numbers();
        NumericSummary e = expected.fields().get("/amount").numbers();
        assertThat(a.mean()).isCloseTo(e.mean(), within(1e-6));
        assertThat(a.stddev()).isCloseTo(e.stddev(), within(1e-6));
        assertThat(a.min()).isEqualTo(e.min());
        assertThat(a.max()).isEqualTo(e.max());
        assertThat(a.quantiles().get("p50")).isCloseTo(e.quantiles().get("p50"), within(20_000 * 0.03));
        assertThat(actual.fields().get("/note"))
                .usingRecursiveComparison()
                .isEqualTo(expected.fields().get("/note"));
        assertThat(actual.fields().get("/id").strings().distinctEstimate()).isCloseTo(20_000, within(20_000 * 0.05));
    }

    @Test
    void mergeAllCountsLikeMergingPairwise() {
        List<BatchProfile> parts =
                List.of(profile(records(1, 3_000)), profile(records(3_001, 9_000)), profile(records(9_001, 10_000)));
        BatchProfile pairwise = parts.get(0).merge(parts.get(1)).merge(parts.get(2));

        BatchProfile all = BatchProfile.mergeAll(Profiler.DEFAULT_MAX_FIELDS, parts);

        assertThat(all.records()).isEqualTo(10_000);
        assertThat(all.summary().fields().get("/amount").numbers().mean())
                .isCloseTo(pairwise.summary().fields().get("/amount").numbers().mean(), within(1e-6));
        assertThat(all.summary().fields().get("/note"))
                .usingRecursiveComparison()
                .isEqualTo(pairwise.summary().fields().get("/note"));
        assertThat(parts.get(0).records()).as("inputs unchanged").isEqualTo(3_000);
    }

    @Test
    void serializeRoundTripKeepsEverything() {
        BatchProfile original = profile(records(1, 5_000));

        BatchProfile copy = BatchProfile.deserialize(original.serialize());

        assertThat(copy.summary()).usingRecursiveComparison().isEqualTo(original.summary());
        assertThat(copy.merge(original).records()).isEqualTo(10_000);
    }

    @Test
    void booleansAreCountedByValueAndMergeExactly() {
        BatchProfile first = profile(List.of(
                json("{\"flag\": true}"), json("{\"flag\": false}"), json("{\"flag\": null}"), json("{\"other\": 1}")));
        BatchProfile second = profile(List.of(json("{\"flag\": true}"), json("{\"flag\": true}")));

        FieldSummary flag = first.merge(second).summary().fields().get("/flag");

        assertThat(flag.booleans()).containsExactly(Map.entry("true", 3L), Map.entry("false", 1L));
        assertThat(flag.types()).containsEntry("boolean", 4L).containsEntry("null", 1L);
        assertThat(flag.missing()).isEqualTo(1);
        assertThat(first.summary().fields().get("/other").booleans())
                .as("never a boolean")
                .isNull();
        assertThat(BatchProfile.deserialize(first.merge(second).serialize())
                        .summary()
                        .fields()
                        .get("/flag")
                        .booleans())
                .isEqualTo(flag.booleans());
    }

    /**
     * {@code profiles/format-1.base64} was written by the format-1 code (before booleans were counted by value) from
     * 20 records {@code {"flag": i % 4 == 0, "amount": i, "store": "s" + i % 3, "note": null}}, i = 0..19, as
     * databases hold such profiles.
     */
    @Test
    void formatOneProfilesStillReadWithTheirBooleanSplitUnknown() throws IOException {
        BatchProfile stored = BatchProfile.deserialize(formatOneFixture());

        ProfileSummary summary = stored.summary();
        assertThat(summary.records()).isEqualTo(20);
        assertThat(summary.fields().get("/amount").numbers().max()).isEqualTo(19.0);
        assertThat(summary.fields().get("/store").strings().topValues()).hasSize(3);
        assertThat(summary.fields().get("/note").nulls()).isEqualTo(20);
        FieldSummary flag = summary.fields().get("/flag");
        assertThat(flag.types()).containsEntry("boolean", 20L);
        assertThat(flag.booleans())
                .as("not comparable, not zero")
                .containsExactly(Map.entry("true", 0L), Map.entry("false", 0L), Map.entry("unknown", 20L));
        assertThat(stored.fields().get("/flag").booleanSplitKnown()).isFalse();

        BatchProfile fresh = profile(List.of(json("{\"flag\": true}"), json("{\"flag\": false}")));
        BatchProfile mixed = BatchProfile.deserialize(stored.merge(fresh).serialize());
        assertThat(mixed.summary().fields().get("/flag").booleans())
                .as("the unknown part survives format 2")
                .containsExactly(Map.entry("true", 1L), Map.entry("false", 1L), Map.entry("unknown", 20L));
        assertThat(mixed.fields().get("/flag").booleanSplitKnown()).isFalse();
    }

    @Test
    void unknownFormatVersionsAndImpossibleBooleanCountsAreRejected() {
        byte[] bytes = profile(List.of(json("{\"flag\": true}"))).serialize();
        byte[] future = bytes.clone();
        future[7] = 3;
        assertThatThrownBy(() -> BatchProfile.deserialize(future))
                .isInstanceOf(InvalidProfileException.class)
                .hasMessageContaining("format version 3");
        // Header (4+4+4+8+1+4), path "/flag" (2+5), count (8), seven type counts (56): then the true count.
        byte[] tooMany = bytes.clone();
        tooMany[25 + 7 + 8 + 56 + 7] = 9;
        assertThatThrownBy(() -> BatchProfile.deserialize(tooMany))
                .isInstanceOf(InvalidProfileException.class)
                .hasMessageContaining("exceed");
    }

    private static byte[] formatOneFixture() throws IOException {
        try (InputStream in = ProfilerTest.class.getResourceAsStream("/profiles/format-1.base64")) {
            return Base64.getDecoder().decode(new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip());
        }
    }

    private static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void garbageBytesAreRejected() {
        assertThatThrownBy(() -> BatchProfile.deserialize(new byte[] {1, 2, 3}))
                .isInstanceOf(InvalidProfileException.class);
    }

    @Test
    void numberOfTrackedPathsIsCapped() {
        Profiler profiler = new Profiler(5);
        Random random = new Random(1);
        for (int i = 0; i < 100; i++) {
            ObjectNode record = MAPPER.createObjectNode();
            record.put("k" + random.nextInt(1_000), i);
            profiler.add(record);
        }

        BatchProfile profile = profiler.profile();
        assertThat(profile.fields()).hasSize(5);
        assertThat(profile.fieldsTruncated()).isTrue();
        assertThat(profile.records()).isEqualTo(100);
    }
}
