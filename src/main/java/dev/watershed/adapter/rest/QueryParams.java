package dev.watershed.adapter.rest;

import dev.watershed.domain.InvalidInputException;
import dev.watershed.domain.graph.LineageDirection;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Parses query parameters by hand: JAX-RS answers a parameter it cannot convert with a bare 404, which tells the
 * client nothing; these say which parameter is wrong and what it takes. Every resource parses its parameters here,
 * so that the same parameter reads the same everywhere.
 */
final class QueryParams {

    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    private static final int DEFAULT_LINEAGE_DEPTH = 3;

    private QueryParams() {}

    /** {@code direction} of a lineage query (both lineage endpoints take it): {@code BOTH} when absent. */
    static LineageDirection lineageDirection(String value) {
        return enumValue(LineageDirection.class, value, "direction", LineageDirection.BOTH);
    }

    /** {@code depth} of a lineage query (both lineage endpoints take it): a whole number, 3 when absent. */
    static int lineageDepth(String value) {
        return intValue(value, "depth", DEFAULT_LINEAGE_DEPTH);
    }

    /** One of {@code type}'s constants, in any case; {@code null} when absent. */
    static <E extends Enum<E>> E enumValue(Class<E> type, String value, String parameter) {
        return enumValue(type, value, parameter, null);
    }

    /** One of {@code type}'s constants, in any case; {@code fallback} when absent. */
    static <E extends Enum<E>> E enumValue(Class<E> type, String value, String parameter, E fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(
                    parameter,
                    parameter + " '" + value + "' is not one of "
                            + Arrays.stream(type.getEnumConstants())
                                    .map(Enum::name)
                                    .collect(Collectors.joining(", ")));
        }
    }

    /** @return {@code null} when absent: the filter is off */
    static Boolean optionalBoolean(String value, String parameter) {
        return value == null || value.isBlank() ? null : booleanValue(value, parameter);
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
            throw new InvalidInputException(
                    parameter,
                    parameter + " '" + value + "' must be a whole number "
                            + (max == Integer.MAX_VALUE ? "from " + min : "from " + min + " to " + max));
        }
        return parsed;
    }

    /** {@code true}, {@code 1}, {@code yes} or {@code false}, {@code 0}, {@code no}, in any case; false when absent. */
    static boolean booleanValue(String value, String parameter) {
        return booleanValue(value, parameter, false);
    }

    static boolean booleanValue(String value, String parameter, boolean fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw new InvalidInputException(parameter, parameter + " '" + value + "' is not true or false");
        };
    }

    /**
     * An ISO-8601 instant such as {@code 2025-01-31T00:00:00Z}, or {@code null} when absent.
     *
     * @param parameter the query parameter's name, or the pointer of a body member given as text ({@code /from}),
     *                  which the refusal names without its slash
     */
    static Instant instantValue(String value, String parameter) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Instant instant;
        try {
            instant = Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(
                    parameter,
                    parameter.replace("/", "") + " '" + value
                            + "' is not an ISO-8601 instant such as 2025-01-31T00:00:00Z");
        }
        // Instant reaches a billion years either way; the databases' timestamps do not (PostgreSQL fails a query
        // with one out of its range), so the window a client asks for stays within years 1 to 9999.
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw new InvalidInputException(
                    parameter, parameter.replace("/", "") + " '" + value + "' is outside the years 0001 to 9999");
        }
        return instant;
    }

    /** The value without surrounding blanks; {@code null} when absent or blank. */
    static String stripped(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The value as given; {@code null} when absent or blank. */
    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** A comma-separated list, each item stripped and empty ones dropped; empty when absent. */
    static List<String> list(String value) {
        return value == null || value.isBlank()
                ? List.of()
                : Arrays.stream(value.split(","))
                        .map(String::strip)
                        .filter(item -> !item.isEmpty())
                        .toList();
    }
}
