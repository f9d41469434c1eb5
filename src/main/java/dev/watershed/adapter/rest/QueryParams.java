package dev.watershed.adapter.rest;

import dev.watershed.domain.InvalidInputException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Parses query parameters by hand: JAX-RS answers a parameter it cannot convert with a bare 404, which tells the
 * client nothing; these say which parameter is wrong and what it takes.
 */
final class QueryParams {

    private QueryParams() {
    }

    static <E extends Enum<E>> E enumValue(Class<E> type, String value, String parameter) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(parameter, parameter + " '" + value + "' is not one of "
                    + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
        }
    }

    static int intValue(String value, String parameter, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(parameter, parameter + " '" + value + "' is not a whole number");
        }
    }

    static boolean booleanValue(String value, String parameter) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw new InvalidInputException(parameter, parameter + " '" + value + "' is not true or false");
        };
    }

    /** An ISO-8601 instant such as {@code 2025-01-31T00:00:00Z}, or {@code null} when absent. */
    static Instant instantValue(String value, String parameter) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(parameter, parameter + " '" + value
                    + "' is not an ISO-8601 instant such as 2025-01-31T00:00:00Z");
        }
    }
}
