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

    /**
     * The page size of a list endpoint, {@code limit}: a whole number from 1 to {@code max}; {@code fallback} when
     * absent. Anything else (negative, zero, too large, not a number) is refused with the parameter as pointer, not
     * replaced by a default, so that a client never gets a page it did not ask for.
     */
    static int limit(String value, int fallback, int max) {
        return bounded(value, "limit", fallback, 1, max);
    }

    /** How many items a list endpoint skips, {@code offset}: a whole number from 0; 0 when absent. */
    static int offset(String value) {
        return bounded(value, "offset", 0, 0, Integer.MAX_VALUE);
    }

    private static int bounded(String value, String parameter, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        int parsed;
        try {
            parsed = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            parsed = min - 1;
        }
        if (parsed < min || parsed > max) {
            throw new InvalidInputException(parameter, parameter + " '" + value + "' must be a whole number "
                    + (max == Integer.MAX_VALUE ? "from " + min : "from " + min + " to " + max));
        }
        return parsed;
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
