package dev.watershed.domain.validation;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewords networknt's {@code format} messages, which glue two sentences together ("does not match the date-time
 * pattern must be a valid RFC 3339 date-time"), into one: "does not match the date-time format: it must be a valid
 * RFC 3339 date-time". A format is not a pattern in JSON Schema's words either ({@code pattern} is another keyword).
 */
final class FormatMessages {

    private static final Pattern GLUED = Pattern.compile("does not match the (\\S+) pattern must be (.+)$");
    private static final Pattern PLAIN = Pattern.compile("does not match the (\\S+) pattern$");

    private FormatMessages() {}

    /** The message as one sentence; any message that is not a format message is returned as it is. */
    static String reworded(String message) {
        if (message == null) {
            return null;
        }
        Matcher glued = GLUED.matcher(message);
        if (glued.find()) {
            return message.substring(0, glued.start()) + "does not match the " + glued.group(1) + " format: it must be "
                    + glued.group(2);
        }
        Matcher plain = PLAIN.matcher(message);
        if (plain.find()) {
            return message.substring(0, plain.start()) + "does not match the " + plain.group(1) + " format";
        }
        return message;
    }
}
