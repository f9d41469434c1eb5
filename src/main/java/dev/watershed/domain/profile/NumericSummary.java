package dev.watershed.domain.profile;

import java.util.List;
import java.util.Map;

/**
 * Numbers of one field. {@code count}, {@code min}, {@code max} and {@code mean} are exact; {@code stddev} is the
 * population standard deviation; quantiles ({@code p1} ... {@code p99}) and histogram come from a KLL sketch with
 * about 1.3% rank error. Values are {@code NaN} when there were no numbers.
 */
public record NumericSummary(
        long count,
        double min,
        double max,
        double mean,
        double stddev,
        Map<String, Double> quantiles,
        List<HistogramBin> histogram) {}
