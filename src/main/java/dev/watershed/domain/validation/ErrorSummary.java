package dev.watershed.domain.validation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Exact counts of errors per (path, keyword). Array indices are folded into {@code *} to keep the number of keys
 * proportional to the schema rather than to the data; should free-form keys (maps, additionalProperties) still
 * produce more than {@link #MAX_KEYS} kinds, the rest is counted under {@link #OTHER_PATH}.
 */
final class ErrorSummary {

    static final int MAX_KEYS = 1_000;
    static final String OTHER_PATH = "(other)";

    private record Key(String path, String keyword) {}

    private final Map<Key, long[]> counts = new HashMap<>();

    void add(String path, String keyword) {
        Key key = new Key(foldIndices(path), keyword);
        long[] count = counts.get(key);
        if (count == null) {
            if (counts.size() >= MAX_KEYS) {
                key = new Key(OTHER_PATH, null);
                count = counts.get(key);
            }
            if (count == null) {
                count = new long[1];
                counts.put(key, count);
            }
        }
        count[0]++;
    }

    /** The counts, most frequent first, then by path. */
    List<ErrorCount> toList() {
        List<ErrorCount> result = new ArrayList<>(counts.size());
        counts.forEach((key, count) -> result.add(new ErrorCount(key.path(), key.keyword(), count[0])));
        result.sort(Comparator.comparingLong(ErrorCount::count)
                .reversed()
                .thenComparing(ErrorCount::path)
                .thenComparing(count -> Objects.toString(count.keyword(), "")));
        return result;
    }

    /** Replaces every all-digit pointer segment with {@code *}; returns the input itself when it has none. */
    static String foldIndices(String path) {
        int length = path.length();
        StringBuilder folded = null;
        int segmentStart = 0;
        for (int i = 1; i <= length; i++) {
            if (i == length || path.charAt(i) == '/') {
                int from = segmentStart + 1;
                if (i > from && isDigits(path, from, i)) {
                    if (folded == null) {
                        folded = new StringBuilder(length).append(path, 0, from);
                    }
                    folded.append('*');
                } else if (folded != null) {
                    folded.append(path, from, i);
                }
                if (folded != null && i < length) {
                    folded.append('/');
                }
                segmentStart = i;
            }
        }
        return folded == null ? path : folded.toString();
    }

    private static boolean isDigits(String path, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = path.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
