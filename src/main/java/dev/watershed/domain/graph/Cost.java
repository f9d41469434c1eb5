package dev.watershed.domain.graph;

import dev.watershed.domain.InvalidInputException;

/**
 * What reading a producer costs the consumer, e.g. {@code 120 USD/month}.
 *
 * @param amount not negative
 * @param unit   free text compared literally, e.g. {@code USD/month}; costs in different units are never added up
 */
public record Cost(double amount, String unit) {

    public Cost {
        if (!Double.isFinite(amount) || amount < 0) {
            throw new InvalidInputException("/cost/amount", "cost amount " + amount + " must be a number >= 0");
        }
        if (unit == null || unit.isBlank() || unit.length() > 50) {
            throw new InvalidInputException(
                    "/cost/unit", "cost unit is required, at most 50 characters, e.g." + " \"USD/month\"");
        }
        unit = unit.strip();
    }
}
