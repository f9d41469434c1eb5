package dev.watershed.domain.contract;

import java.util.ArrayList;
import java.util.List;

/**
 * Field paths as canonical JSON Pointers (RFC 6901) into the data a contract describes. {@code *} is a segment that
 * stands for any array index or map key, so {@code /lines/*}{@code /price} is the price of every line.
 *
 * <p>Two paths <em>overlap</em> when one is a segment-wise prefix of the other ({@code /customer} and
 * {@code /customer/email}; not {@code /customer} and {@code /customerId}), {@code *} matching any one segment. That is
 * the relation impact analysis uses: a change to either affects a reader of the other.
 */
public final class FieldPath {

    private FieldPath() {}

    /**
     * Turns a JSON Pointer ({@code /customer/email}, {@code /a~1b}) or a dotted path ({@code customer.email},
     * {@code lines[].price}, {@code lines.*.price}, {@code lines[0].price}) into the canonical JSON Pointer.
     * Pointers keep their {@code ~0}/{@code ~1} escapes; in dotted paths {@code /} and {@code ~} are literal and get
     * escaped. A key that itself contains a dot can only be written as a pointer.
     *
     * @throws InvalidFieldPathException for blank paths, empty segments, bad escapes or unbalanced brackets
     */
    public static String normalize(String path) {
        if (path == null || path.isBlank()) {
            throw new InvalidFieldPathException(
                    "a field path cannot be blank; leave the field list empty to mean " + "the whole contract");
        }
        String trimmed = path.strip();
        List<String> segments = trimmed.startsWith("/") ? pointerSegments(trimmed) : dottedSegments(trimmed);
        return String.join("", segments.stream().map(segment -> "/" + segment).toList());
    }

    /** The escaped segments of a canonical pointer: {@code /a/b} gives {@code [a, b]}. */
    public static List<String> segments(String canonicalPointer) {
        if (canonicalPointer.isEmpty()) {
            return List.of();
        }
        return List.of(canonicalPointer.substring(1).split("/", -1));
    }

    /** Escapes a property name for use as one pointer segment ({@code ~} → {@code ~0}, {@code /} → {@code ~1}). */
    public static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    /** Appends a property name, escaped, to a canonical pointer. */
    public static String child(String canonicalPointer, String name) {
        return canonicalPointer + "/" + escape(name);
    }

    /**
     * Whether {@code prefix} is a segment-wise prefix of {@code path} (or equal to it), {@code *} on either side
     * matching any single segment. Both must be canonical.
     */
    public static boolean isPrefixOf(String prefix, String path) {
        // Compares segment by segment in place rather than splitting: the findings rules ask this for every field
        // of every producer a model reads, so allocating two lists per call would dominate them.
        if (prefix.isEmpty()) {
            return true;
        }
        if (path.isEmpty()) {
            return false;
        }
        int head = 1;
        int whole = 1;
        while (true) {
            int headEnd = segmentEnd(prefix, head);
            int wholeEnd = segmentEnd(path, whole);
            if (!segmentMatches(prefix, head, headEnd, path, whole, wholeEnd)) {
                return false;
            }
            if (headEnd == prefix.length()) {
                return true;
            }
            if (wholeEnd == path.length()) {
                return false;
            }
            head = headEnd + 1;
            whole = wholeEnd + 1;
        }
    }

    /** Whether either canonical path is a prefix of the other: a change to one affects a reader of the other. */
    public static boolean overlaps(String first, String second) {
        return isPrefixOf(first, second) || isPrefixOf(second, first);
    }

    private static int segmentEnd(String pointer, int start) {
        int end = pointer.indexOf('/', start);
        return end < 0 ? pointer.length() : end;
    }

    private static boolean segmentMatches(
            String first, int firstStart, int firstEnd, String second, int secondStart, int secondEnd) {
        int length = firstEnd - firstStart;
        if (length == secondEnd - secondStart && first.regionMatches(firstStart, second, secondStart, length)) {
            return true;
        }
        return isWildcard(first, firstStart, firstEnd) || isWildcard(second, secondStart, secondEnd);
    }

    private static boolean isWildcard(String pointer, int start, int end) {
        return end - start == 1 && pointer.charAt(start) == '*';
    }

    private static List<String> pointerSegments(String pointer) {
        List<String> segments = new ArrayList<>();
        for (String segment : pointer.substring(1).split("/", -1)) {
            if (segment.isEmpty()) {
                throw new InvalidFieldPathException("'" + pointer + "' has an empty segment; field names cannot be "
                        + "empty and a pointer has no trailing '/'");
            }
            for (int i = 0; i < segment.length(); i++) {
                boolean badEscape =
                        i + 1 >= segment.length() || segment.charAt(i + 1) != '0' && segment.charAt(i + 1) != '1';
                if (segment.charAt(i) == '~' && badEscape) {
                    throw new InvalidFieldPathException(
                            "'" + pointer + "' has a '~' not followed by 0 or 1; " + "write ~0 for '~' and ~1 for '/'");
                }
            }
            segments.add(segment);
        }
        return segments;
    }

    private static List<String> dottedSegments(String dotted) {
        List<String> segments = new ArrayList<>();
        for (String part : dotted.split("\\.", -1)) {
            String name = part;
            List<String> indexes = new ArrayList<>();
            // Peel trailing [..] groups so that "matrix[][]" becomes matrix/*/*.
            while (name.endsWith("]")) {
                int open = name.lastIndexOf('[');
                if (open < 0) {
                    throw new InvalidFieldPathException("'" + dotted + "' has a ']' without its '['");
                }
                String index = name.substring(open + 1, name.length() - 1).strip();
                if (index.isEmpty() || index.equals("*")) {
                    indexes.add(0, "*");
                } else if (index.chars().allMatch(Character::isDigit)) {
                    indexes.add(0, index);
                } else {
                    throw new InvalidFieldPathException(
                            "'" + dotted + "' has '[" + index + "]'; use [] or [*] for " + "every item, or a number");
                }
                name = name.substring(0, open);
            }
            if (name.contains("[") || name.contains("]")) {
                throw new InvalidFieldPathException("'" + dotted + "' has unbalanced brackets in '" + part + "'");
            }
            if (name.isEmpty() && (indexes.isEmpty() || !segments.isEmpty() || !part.startsWith("["))) {
                throw new InvalidFieldPathException(
                        "'" + dotted + "' has an empty segment; write customer.email, " + "not customer..email");
            }
            if (!name.isEmpty()) {
                segments.add(name.equals("*") ? "*" : escape(name));
            }
            segments.addAll(indexes);
        }
        return segments;
    }
}
