package dev.watershed.domain.profile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares a current {@link BatchProfile} with a baseline one, field by field, in the manner of TensorFlow Data
 * Validation's drift and skew comparators:
 * <ul>
 *   <li>numeric fields: Jensen-Shannon divergence (base 2, so 0..1) between the two distributions binned at the
 *       baseline's deciles, read from the KLL sketches (equal cut points merged, so discrete values get a bin each);
 *   <li>categorical string fields: L-infinity distance between the value shares counted by the frequent-items
 *       sketches, values not tracked pooled into one "other" share; new and vanished values;
 *   <li>boolean fields: the same, as two categories {@code true} and {@code false} counted exactly, unless either
 *       profile was stored before true and false were counted (format version 1): then the null rate only;
 *   <li>every field: the share of null or missing values;
 *   <li>the record count, against the baseline's records per batch.
 * </ul>
 * A string field is categorical when the baseline counted every one of its values exactly (the sketch tracks
 * about a hundred distinct values) and has at most half as many distinct values as values: free text and
 * identifiers, where every value is new, are left to the null rate.
 */
public final class DriftDetector {

    private static final int BINS = 10;

    private final DriftSettings settings;

    public DriftDetector(DriftSettings settings) {
        this.settings = settings;
    }

    /**
     * Compares {@code current} with {@code baseline}.
     *
     * @param baselineBatches how many batches were merged into the baseline, to compare record counts per batch
     * @return the per-field metrics and the anomalies, worst first; no anomaly when nothing changed beyond a
     *         threshold
     */
    public DriftReport compare(BatchProfile baseline, long baselineBatches, BatchProfile current, DriftRules rules) {
        Set<String> paths = new TreeSet<>(baseline.fields().keySet());
        paths.addAll(current.fields().keySet());
        List<FieldDrift> fields = new ArrayList<>();
        List<DriftAnomaly> anomalies = new ArrayList<>();
        for (String path : paths) {
            FieldDrift field = compareField(path, baseline, current, rules);
            fields.add(field);
            anomalies.addAll(field.anomalies());
        }
        double expected = baselineBatches > 0 ? (double) baseline.records() / baselineBatches : baseline.records();
        Double change = null;
        if (rules.recordCount() && expected > 0) {
            change = current.records() / expected - 1;
            if (Math.abs(change) > settings.recordCountChange()) {
                anomalies.add(new DriftAnomaly(
                        "",
                        AnomalyType.RECORD_COUNT_CHANGE,
                        "record_count_change",
                        Math.abs(change),
                        settings.recordCountChange(),
                        String.format(
                                Locale.ROOT,
                                "the batch has %d records where the baseline had %.0f per batch (%+.0f%%, threshold"
                                        + " ±%.0f%%)",
                                current.records(),
                                expected,
                                change * 100,
                                settings.recordCountChange() * 100)));
            }
        }
        anomalies.sort(Comparator.comparingDouble(DriftAnomaly::severity).reversed());
        return new DriftReport(expected, current.records(), change, fields, anomalies);
    }

    private FieldDrift compareField(
            String path, BatchProfile baselineProfile, BatchProfile currentProfile, DriftRules rules) {
        FieldProfile baseline = baselineProfile.fields().get(path);
        FieldProfile current = currentProfile.fields().get(path);
        Double baselineNulls = baseline == null ? null : nullRate(baselineProfile, baseline);
        Double currentNulls = current == null ? null : nullRate(currentProfile, current);
        if (current == null) {
            List<DriftAnomaly> anomalies = new ArrayList<>();
            long values = baseline.count() - baseline.count(ValueType.NULL);
            if (values > 0 && !rules.skipped().contains(path)) {
                anomalies.add(new DriftAnomaly(
                        path,
                        AnomalyType.FIELD_VANISHED,
                        "presence",
                        1,
                        0,
                        String.format(
                                Locale.ROOT,
                                "%s is absent from every record; the baseline had %d values of" + " it",
                                path,
                                values)));
            }
            return new FieldDrift(
                    path,
                    FieldDrift.Presence.VANISHED,
                    "other",
                    null,
                    null,
                    baseline.count(),
                    0,
                    baselineNulls,
                    null,
                    List.of(),
                    List.of(),
                    anomalies);
        }
        if (baseline == null) {
            return new FieldDrift(
                    path,
                    FieldDrift.Presence.ADDED,
                    "other",
                    null,
                    null,
                    0,
                    current.count(),
                    null,
                    currentNulls,
                    List.of(),
                    List.of(),
                    List.of());
        }
        List<DriftAnomaly> anomalies = new ArrayList<>();
        if (rules.skipped().contains(path)) {
            return otherDrift(path, baseline, current, baselineNulls, currentNulls, anomalies);
        }
        double nullChange = currentNulls - baselineNulls;
        if (Math.abs(nullChange) > settings.nullRateChange()) {
            anomalies.add(new DriftAnomaly(
                    path,
                    AnomalyType.NULL_RATE_CHANGE,
                    "null_rate_change",
                    Math.abs(nullChange),
                    settings.nullRateChange(),
                    String.format(
                            Locale.ROOT,
                            "%s is null or missing in %.1f%% of records, was %.1f%% (threshold ±%.1f points)",
                            path,
                            currentNulls * 100,
                            baselineNulls * 100,
                            settings.nullRateChange() * 100)));
        }
        Double threshold = rules.thresholds().get(path);
        NumericStats baseNumbers = baseline.numericStats();
        NumericStats currentNumbers = current.numericStats();
        if (baseNumbers != null && baseNumbers.count() > 0 && currentNumbers != null && currentNumbers.count() > 0) {
            double limit = threshold != null ? threshold : settings.jensenShannon();
            double distance = jensenShannon(baseNumbers, currentNumbers);
            if (distance > limit) {
                anomalies.add(new DriftAnomaly(
                        path,
                        AnomalyType.NUMERIC_DISTRIBUTION_SHIFT,
                        "jensen_shannon",
                        distance,
                        limit,
                        String.format(
                                Locale.ROOT,
                                "%s moved: Jensen-Shannon divergence %.3f over"
                                        + " the baseline's deciles (threshold %.3f); median %s, was %s",
                                path,
                                distance,
                                limit,
                                format(currentNumbers.splitPoints(2)),
                                format(baseNumbers.splitPoints(2)))));
            }
            return new FieldDrift(
                    path,
                    FieldDrift.Presence.BOTH,
                    "numeric",
                    distance,
                    limit,
                    baseline.count(),
                    current.count(),
                    baselineNulls,
                    currentNulls,
                    List.of(),
                    List.of(),
                    anomalies);
        }
        StringStats baseStrings = baseline.stringStats();
        StringStats currentStrings = current.stringStats();
        if (CategoryShares.categorical(baseStrings) && currentStrings != null && currentStrings.count() > 0) {
            return compareShares(
                    path,
                    baseline,
                    current,
                    baselineNulls,
                    currentNulls,
                    CategoryShares.shares(baseStrings),
                    CategoryShares.shares(currentStrings),
                    baseStrings.exact() && currentStrings.exact(),
                    threshold,
                    anomalies);
        }
        if (CategoryShares.splitBooleans(baseline) && CategoryShares.splitBooleans(current)) {
            return compareShares(
                    path,
                    baseline,
                    current,
                    baselineNulls,
                    currentNulls,
                    CategoryShares.booleanShares(baseline),
                    CategoryShares.booleanShares(current),
                    true,
                    threshold,
                    anomalies);
        }
        return otherDrift(path, baseline, current, baselineNulls, currentNulls, anomalies);
    }

    /** A field compared only by its null rate: skipped, or of a kind without a distribution to compare. */
    private static FieldDrift otherDrift(
            String path,
            FieldProfile baseline,
            FieldProfile current,
            Double baselineNulls,
            Double currentNulls,
            List<DriftAnomaly> anomalies) {
        return new FieldDrift(
                path,
                FieldDrift.Presence.BOTH,
                "other",
                null,
                null,
                baseline.count(),
                current.count(),
                baselineNulls,
                currentNulls,
                List.of(),
                List.of(),
                anomalies);
    }

    /**
     * L-infinity distance between two sets of value shares (values a sketch did not track pooled as "other"), and
     * new and vanished values; vanished ones only when both share sets list every value ({@code exact}).
     */
    private FieldDrift compareShares(
            String path,
            FieldProfile baseline,
            FieldProfile current,
            Double baselineNulls,
            Double currentNulls,
            Map<String, Double> before,
            Map<String, Double> after,
            boolean exact,
            Double threshold,
            List<DriftAnomaly> anomalies) {
        double limit = threshold != null ? threshold : settings.lInfinity();
        Set<String> values = new LinkedHashSet<>(before.keySet());
        values.addAll(after.keySet());
        double distance = 0;
        String widest = null;
        for (String value : values) {
            double gap = Math.abs(after.getOrDefault(value, 0.0) - before.getOrDefault(value, 0.0));
            if (gap > distance) {
                distance = gap;
                widest = value;
            }
        }
        double otherBefore =
                1 - before.values().stream().mapToDouble(Double::doubleValue).sum();
        double otherAfter =
                1 - after.values().stream().mapToDouble(Double::doubleValue).sum();
        if (Math.abs(otherAfter - otherBefore) > distance) {
            distance = Math.abs(otherAfter - otherBefore);
            widest = null;
        }
        if (distance > limit) {
            anomalies.add(new DriftAnomaly(
                    path,
                    AnomalyType.CATEGORY_MIX_SHIFT,
                    "l_infinity",
                    distance,
                    limit,
                    String.format(
                            Locale.ROOT,
                            "%s changed its mix: %s is %.1f%% of values, was %.1f%%"
                                    + " (L-infinity distance %.3f, threshold %.3f)",
                            path,
                            widest == null ? "the rare values together" : "'" + widest + "'",
                            (widest == null ? otherAfter : after.getOrDefault(widest, 0.0)) * 100,
                            (widest == null ? otherBefore : before.getOrDefault(widest, 0.0)) * 100,
                            distance,
                            limit)));
        }
        double minShare = settings.newCategoryMinShare();
        List<String> added = CategoryShares.appeared(after, before, minShare);
        List<String> gone = exact ? CategoryShares.appeared(before, after, minShare) : List.of();
        if (!added.isEmpty()) {
            anomalies.add(CategoryShares.categoryAnomaly(
                    path,
                    AnomalyType.NEW_CATEGORY,
                    added,
                    after,
                    minShare,
                    "new values %s hold %.1f%% of values, unseen in the baseline (minimum share %.1f%%)"));
        }
        if (!gone.isEmpty()) {
            anomalies.add(CategoryShares.categoryAnomaly(
                    path,
                    AnomalyType.VANISHED_CATEGORY,
                    gone,
                    before,
                    minShare,
                    "values %s held %.1f%% of the baseline's values and are gone (minimum share %.1f%%)"));
        }
        return new FieldDrift(
                path,
                FieldDrift.Presence.BOTH,
                "categorical",
                distance,
                limit,
                baseline.count(),
                current.count(),
                baselineNulls,
                currentNulls,
                added,
                gone,
                anomalies);
    }

    private static double nullRate(BatchProfile profile, FieldProfile field) {
        long missing = profile.missing(field);
        long occurrences = field.count() + missing;
        return occurrences == 0 ? 0 : (double) (field.count(ValueType.NULL) + missing) / occurrences;
    }

    /** Jensen-Shannon divergence, base 2, of the two distributions binned at the baseline's deciles. */
    static double jensenShannon(NumericStats baseline, NumericStats current) {
        double[] splits = baseline.splitPoints(BINS);
        double[] p = baseline.masses(splits);
        double[] q = current.masses(splits);
        double divergence = 0;
        for (int i = 0; i < p.length; i++) {
            double m = (p[i] + q[i]) / 2;
            if (p[i] > 0) {
                divergence += 0.5 * p[i] * log2(p[i] / m);
            }
            if (q[i] > 0) {
                divergence += 0.5 * q[i] * log2(q[i] / m);
            }
        }
        return Math.min(1, Math.max(0, divergence));
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    private static String format(double[] median) {
        return median.length == 0 ? "none" : String.format(Locale.ROOT, "%.4g", median[0]);
    }
}
