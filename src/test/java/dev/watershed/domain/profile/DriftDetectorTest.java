package dev.watershed.domain.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Drift on synthetic batches of 10,000 records, each test changing one property of the distribution. */
class DriftDetectorTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int ROWS = 10_000;
    private static final DriftDetector DETECTOR = new DriftDetector(DriftSettings.DEFAULTS);

    /** How a batch is drawn: amount ~ N(mean, 15), channel from the shares, coupon null with nullShare. */
    private record Shape(double mean, Map<String, Double> channels, double nullShare) {

        static final Shape NORMAL = new Shape(100, Map.of("web", 0.6, "store", 0.3, "phone", 0.1), 0.02);
    }

    private static BatchProfile batch(Shape shape, long seed) {
        Random random = new Random(seed);
        Profiler profiler = new Profiler();
        List<Map.Entry<String, Double>> channels = shape.channels().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .toList();
        for (int i = 0; i < ROWS; i++) {
            ObjectNode record = MAPPER.createObjectNode();
            record.put("id", "order-" + seed + "-" + i);
            record.put("amount", shape.mean() + 15 * random.nextGaussian());
            double pick = random.nextDouble();
            String channel = channels.get(channels.size() - 1).getKey();
            for (Map.Entry<String, Double> entry : channels) {
                if (pick < entry.getValue()) {
                    channel = entry.getKey();
                    break;
                }
                pick -= entry.getValue();
            }
            record.put("channel", channel);
            if (random.nextDouble() < shape.nullShare()) {
                record.putNull("coupon");
            } else {
                record.put("coupon", random.nextInt(5));
            }
            profiler.add(record);
        }
        return profiler.profile();
    }

    private static DriftReport compare(Shape current) {
        return DETECTOR.compare(batch(Shape.NORMAL, 1), 1, batch(current, 2), DriftRules.none());
    }

    @Test
    void aSecondSampleOfTheSameDistributionRaisesNoAnomaly() {
        DriftReport report = compare(Shape.NORMAL);

        assertThat(report.anomalies()).isEmpty();
        assertThat(report.drifted()).isFalse();
        FieldDrift amount = field(report, "/amount");
        assertThat(amount.kind()).isEqualTo("numeric");
        assertThat(amount.distance()).isLessThan(0.01);
        assertThat(field(report, "/channel").kind()).isEqualTo("categorical");
        assertThat(field(report, "/channel").distance()).isLessThan(0.03);
        assertThat(field(report, "/id").kind())
                .as("identifiers are not categories")
                .isEqualTo("other");
        assertThat(report.recordCountChange()).isZero();
    }

    @Test
    void aShiftedNumericDistributionIsDetected() {
        DriftReport report = compare(new Shape(125, Shape.NORMAL.channels(), 0.02));

        assertThat(report.anomalies())
                .extracting(DriftAnomaly::field, DriftAnomaly::type)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("/amount", AnomalyType.NUMERIC_DISTRIBUTION_SHIFT));
        DriftAnomaly anomaly = report.anomalies().get(0);
        assertThat(anomaly.metric()).isEqualTo("jensen_shannon");
        assertThat(anomaly.value()).isGreaterThan(0.1).isLessThanOrEqualTo(1);
        assertThat(anomaly.threshold()).isEqualTo(0.1);
        assertThat(anomaly.detail()).contains("/amount", "Jensen-Shannon");
    }

    @Test
    void aChangedCategoricalMixIsDetected() {
        DriftReport report = compare(new Shape(100, Map.of("web", 0.35, "store", 0.55, "phone", 0.1), 0.02));

        assertThat(report.anomalies()).singleElement().satisfies(anomaly -> {
            assertThat(anomaly.field()).isEqualTo("/channel");
            assertThat(anomaly.type()).isEqualTo(AnomalyType.CATEGORY_MIX_SHIFT);
            assertThat(anomaly.value()).isBetween(0.2, 0.3);
            assertThat(anomaly.detail()).contains("/channel", "L-infinity").containsAnyOf("'web'", "'store'");
        });
    }

    @Test
    void aNewCategoryIsDetected() {
        DriftReport report =
                compare(new Shape(100, Map.of("web", 0.57, "store", 0.3, "phone", 0.1, "kiosk", 0.03), 0.02));

        FieldDrift channel = field(report, "/channel");
        assertThat(channel.newCategories()).containsExactly("kiosk");
        assertThat(channel.vanishedCategories()).isEmpty();
        assertThat(report.anomalies()).singleElement().satisfies(anomaly -> {
            assertThat(anomaly.type()).isEqualTo(AnomalyType.NEW_CATEGORY);
            assertThat(anomaly.value()).isBetween(0.02, 0.04);
            assertThat(anomaly.detail()).contains("/channel", "'kiosk'");
        });
    }

    @Test
    void aVanishedCategoryIsDetected() {
        DriftReport report = compare(new Shape(100, Map.of("web", 0.65, "store", 0.35), 0.02));

        assertThat(field(report, "/channel").vanishedCategories()).containsExactly("phone");
        assertThat(report.anomalies())
                .extracting(DriftAnomaly::type)
                .contains(AnomalyType.VANISHED_CATEGORY)
                .doesNotContain(AnomalyType.NEW_CATEGORY);
    }

    @Test
    void aNullRateJumpIsDetected() {
        DriftReport report = compare(new Shape(100, Shape.NORMAL.channels(), 0.3));

        assertThat(report.anomalies()).singleElement().satisfies(anomaly -> {
            assertThat(anomaly.field()).isEqualTo("/coupon");
            assertThat(anomaly.type()).isEqualTo(AnomalyType.NULL_RATE_CHANGE);
            assertThat(anomaly.value()).isBetween(0.25, 0.31);
        });
        assertThat(field(report, "/coupon").currentNullRate()).isBetween(0.27, 0.33);
    }

    @Test
    void aPerFieldThresholdReplacesTheDefaultAndSkippedFieldsAreNotCompared() {
        BatchProfile baseline = batch(Shape.NORMAL, 1);
        BatchProfile shifted = batch(new Shape(125, Shape.NORMAL.channels(), 0.02), 2);

        DriftReport lenient =
                DETECTOR.compare(baseline, 1, shifted, new DriftRules(Map.of("/amount", 1.0), Set.of(), true));
        DriftReport skipped = DETECTOR.compare(baseline, 1, shifted, new DriftRules(Map.of(), Set.of("/amount"), true));

        assertThat(lenient.anomalies()).isEmpty();
        assertThat(field(lenient, "/amount").threshold()).isEqualTo(1.0);
        assertThat(skipped.anomalies()).isEmpty();
        assertThat(field(skipped, "/amount").kind()).isEqualTo("other");
    }

    @Test
    void recordCountsCompareWithTheBaselinesBatchesAndVanishedFieldsAreReported() {
        BatchProfile baseline = batch(Shape.NORMAL, 1).merge(batch(Shape.NORMAL, 3));
        Profiler small = new Profiler();
        for (int i = 0; i < 1000; i++) {
            small.add(MAPPER.createObjectNode()
                    .put("amount", 100 + i % 30)
                    .put("channel", i % 2 == 0 ? "web" : "store")
                    .put("extra", i));
        }

        DriftReport sameSize = DETECTOR.compare(baseline, 2, batch(Shape.NORMAL, 4), DriftRules.none());
        DriftReport report = DETECTOR.compare(baseline, 2, small.profile(), DriftRules.none());

        assertThat(sameSize.anomalies()).isEmpty();
        assertThat(sameSize.baselineRecords()).isEqualTo(ROWS);
        assertThat(report.recordCountChange()).isEqualTo(-0.9);
        assertThat(report.anomalies())
                .extracting(DriftAnomaly::type)
                .contains(AnomalyType.RECORD_COUNT_CHANGE, AnomalyType.FIELD_VANISHED);
        assertThat(field(report, "/coupon").presence()).isEqualTo(FieldDrift.Presence.VANISHED);
        assertThat(field(report, "/extra").presence()).isEqualTo(FieldDrift.Presence.ADDED);
        assertThat(DETECTOR.compare(baseline, 2, small.profile(), new DriftRules(Map.of(), Set.of(), false))
                        .anomalies())
                .extracting(DriftAnomaly::type)
                .doesNotContain(AnomalyType.RECORD_COUNT_CHANGE);
    }

    @Test
    void serialisedProfilesCompareLikeTheOriginals() {
        BatchProfile baseline = batch(Shape.NORMAL, 1);
        BatchProfile shifted = batch(new Shape(125, Shape.NORMAL.channels(), 0.3), 2);

        DriftReport direct = DETECTOR.compare(baseline, 1, shifted, DriftRules.none());
        DriftReport stored = DETECTOR.compare(
                BatchProfile.deserialize(baseline.serialize()),
                1,
                BatchProfile.deserialize(shifted.serialize()),
                DriftRules.none());

        assertThat(stored.anomalies()).isEqualTo(direct.anomalies());
    }

    /** 10,000 records with a flag {@code true} with {@code trueShare}, otherwise {@code false}. */
    private static BatchProfile flags(double trueShare, long seed) {
        Random random = new Random(seed);
        Profiler profiler = new Profiler();
        for (int i = 0; i < ROWS; i++) {
            profiler.add(MAPPER.createObjectNode().put("is_weekend", random.nextDouble() < trueShare));
        }
        return profiler.profile();
    }

    @Test
    void aShiftedBooleanShareIsDetected() {
        DriftReport report = DETECTOR.compare(flags(0.1, 1), 1, flags(0.6, 2), DriftRules.none());

        FieldDrift flag = field(report, "/is_weekend");
        assertThat(flag.kind()).isEqualTo("categorical");
        assertThat(flag.distance()).isCloseTo(0.5, within(0.03));
        assertThat(report.anomalies()).singleElement().satisfies(anomaly -> {
            assertThat(anomaly.type()).isEqualTo(AnomalyType.CATEGORY_MIX_SHIFT);
            assertThat(anomaly.metric()).isEqualTo("l_infinity");
            assertThat(anomaly.detail())
                    .contains("/is_weekend", "threshold 0.100")
                    .containsPattern("'(true|false)'");
        });
    }

    @Test
    void aSecondSampleOfTheSameBooleanShareRaisesNoAnomaly() {
        DriftReport report = DETECTOR.compare(flags(0.1, 1), 1, flags(0.1, 2), DriftRules.none());

        FieldDrift flag = field(report, "/is_weekend");
        assertThat(flag.kind()).isEqualTo("categorical");
        assertThat(flag.distance()).isLessThan(0.02);
        assertThat(report.anomalies()).isEmpty();
    }

    @Test
    void aFlagThatWasNeverSetAndNowIsIsANewValue() {
        DriftReport report = DETECTOR.compare(flags(0, 1), 1, flags(0.05, 2), DriftRules.none());

        FieldDrift flag = field(report, "/is_weekend");
        assertThat(flag.newCategories()).containsExactly("true");
        assertThat(report.anomalies()).extracting(DriftAnomaly::type).containsExactly(AnomalyType.NEW_CATEGORY);
    }

    @Test
    void booleansOfAFormatOneBaselineAreNotComparedAsIfAllFalse() throws IOException {
        // What a database holds from before booleans were counted by value: 10,000 booleans, split unknown.
        BatchProfile stored = BatchProfile.deserialize(formatOne(ROWS, "/is_weekend", ROWS));

        DriftReport report = DETECTOR.compare(stored, 1, flags(0.6, 2), DriftRules.none());

        FieldDrift flag = field(report, "/is_weekend");
        assertThat(flag.kind()).isEqualTo("other");
        assertThat(flag.distance()).isNull();
        assertThat(report.anomalies()).isEmpty();
        assertThat(DETECTOR.compare(flags(0.1, 1), 1, stored, DriftRules.none())
                        .fields()
                        .get(0)
                        .kind())
                .as("nor as a current profile")
                .isEqualTo("other");
    }

    /** The format-1 layout: header, then per field path, count, the seven type counts and no statistics. */
    private static byte[] formatOne(long records, String path, long booleans) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(0x57534250);
            out.writeInt(1);
            out.writeInt(Profiler.DEFAULT_MAX_FIELDS);
            out.writeLong(records);
            out.writeBoolean(false);
            out.writeInt(1);
            out.writeUTF(path);
            out.writeLong(booleans);
            for (ValueType type : ValueType.values()) {
                out.writeLong(type == ValueType.BOOLEAN ? booleans : 0);
            }
            out.writeByte(0);
        }
        return bytes.toByteArray();
    }

    private static FieldDrift field(DriftReport report, String path) {
        return report.fields().stream()
                .filter(field -> field.field().equals(path))
                .findFirst()
                .orElseThrow();
    }
}
