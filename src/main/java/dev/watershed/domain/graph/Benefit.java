package dev.watershed.domain.graph;

import dev.watershed.domain.InvalidInputException;

/**
 * What reading a producer is worth to the consumer, e.g. {@code 0.031 feature-importance} or
 * {@code 0.012 accuracy-delta}.
 *
 * @param value  any finite number; negative when dropping the producer made the model better
 * @param metric free text compared literally; benefits in different metrics are never added up
 */
public record Benefit(double value, String metric) {

    public Benefit {
        if (!Double.isFinite(value)) {
            throw new InvalidInputException("/benefit/value", "benefit value must be a finite number");
        }
        if (metric == null || metric.isBlank() || metric.length() > 100) {
            throw new InvalidInputException(
                    "/benefit/metric",
                    "benefit metric is required, at most 100 characters," + " e.g. \"feature-importance\"");
        }
        metric = metric.strip();
    }
}
