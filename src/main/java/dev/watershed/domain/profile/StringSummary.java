package dev.watershed.domain.profile;

import java.util.List;

/**
 * Strings of one field: exact count and length stats, an HLL distinct-count estimate (about 1.6% error) and the
 * most frequent values with estimated counts.
 */
public record StringSummary(
        long count,
        double distinctEstimate,
        int minLength,
        int maxLength,
        double meanLength,
        List<FrequentValue> topValues) {}
