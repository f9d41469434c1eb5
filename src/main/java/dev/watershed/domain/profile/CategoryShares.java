package dev.watershed.domain.profile;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The shares of a categorical field's values (strings with few distinct values, or booleans), which drift compares
 * by L-infinity distance, and the anomalies for values that appeared or vanished.
 */
final class CategoryShares {

    private static final int LISTED_CATEGORIES = 5;

    private CategoryShares() {}

    static boolean categorical(StringStats strings) {
        return strings != null
                && strings.count() > 0
                && strings.exact()
                && strings.counts().size() * 2L <= strings.count();
    }

    static Map<String, Double> shares(StringStats strings) {
        Map<String, Double> shares = new java.util.LinkedHashMap<>();
        strings.counts().forEach((value, count) -> shares.put(value, (double) count / strings.count()));
        return shares;
    }

    /** Values of {@code in} holding at least {@code minShare} that {@code notIn} lacks, largest share first. */
    static List<String> appeared(Map<String, Double> in, Map<String, Double> notIn, double minShare) {
        return in.entrySet().stream()
                .filter(e -> e.getValue() >= minShare && !notIn.containsKey(e.getKey()))
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .map(Map.Entry::getKey)
                .toList();
    }

    static DriftAnomaly categoryAnomaly(
            String path,
            AnomalyType type,
            List<String> values,
            Map<String, Double> shares,
            double minShare,
            String sentence) {
        double total = values.stream().mapToDouble(shares::get).sum();
        List<String> listed = values.stream()
                .limit(LISTED_CATEGORIES)
                .map(value -> "'" + value + "'")
                .toList();
        String names = String.join(", ", listed)
                + (values.size() > LISTED_CATEGORIES ? " and " + (values.size() - LISTED_CATEGORIES) + " more" : "");
        return new DriftAnomaly(
                path,
                type,
                "share",
                total,
                minShare,
                path + ": " + String.format(Locale.ROOT, sentence, names, total * 100, minShare * 100));
    }

    /** Whether the field has booleans whose true/false split is known (not from a format-1 profile). */
    static boolean splitBooleans(FieldProfile field) {
        return field.count(ValueType.BOOLEAN) > 0 && field.booleanSplitKnown();
    }

    /** Shares of {@code true} and {@code false} among the boolean values; a value never seen is left out. */
    static Map<String, Double> booleanShares(FieldProfile field) {
        double booleans = field.count(ValueType.BOOLEAN);
        Map<String, Double> shares = new java.util.LinkedHashMap<>();
        if (field.trueCount() > 0) {
            shares.put("true", field.trueCount() / booleans);
        }
        if (field.falseCount() > 0) {
            shares.put("false", field.falseCount() / booleans);
        }
        return shares;
    }
}
