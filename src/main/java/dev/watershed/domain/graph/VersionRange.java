package dev.watershed.domain.graph;

import dev.watershed.domain.contract.SemanticVersion;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.semver4j.RangesList;
import org.semver4j.RangesListFactory;
import org.semver4j.Semver;

/**
 * The contract versions a consumer accepts, written as an npm-style range: {@code ^2.1}, {@code ~1.2}, {@code 1.x},
 * {@code >=1.0.0 <2.0.0}, {@code 1.2 - 1.4}, alternatives joined by {@code ||}. {@code *} or an empty text accepts
 * any version.
 *
 * <p>Matching is delegated to semver4j. Its parser silently ignores what it does not understand (so {@code "abc"}
 * would match nothing and {@code "^1 ||"} would drop the empty alternative), hence every alternative is checked
 * against the npm grammar here first and rejected with a message that names the offending part. Contracts have no
 * pre-release versions, so pre-release qualifiers are rejected too. Instances are immutable and thread-safe.
 */
public final class VersionRange {

    /** A range that accepts every version. */
    public static final VersionRange ANY = new VersionRange("*", RangesListFactory.create("*"));

    /** The longest range text, as stored with a dependency. */
    public static final int MAX_LENGTH = 200;

    private static final String PARTIAL = "[vV]?(?:0|[1-9]\\d{0,8}|[xX*])(?:\\.(?:0|[1-9]\\d{0,8}|[xX*])){0,2}";
    private static final Pattern HYPHEN = Pattern.compile(PARTIAL + "\\s+-\\s+" + PARTIAL);
    private static final Pattern SIMPLE = Pattern.compile("(?:<=|>=|<|>|=|~>|~|\\^)?" + PARTIAL);
    private static final Pattern OPERATOR_SPACE = Pattern.compile("(<=|>=|<|>|=|~>|~|\\^)\\s+");

    private final String text;
    private final RangesList ranges;

    private VersionRange(String text, RangesList ranges) {
        this.text = text;
        this.ranges = ranges;
    }

    /**
     * Parses a range. {@code null}, blank and {@code *} accept any version.
     *
     * @throws InvalidVersionRangeException naming the alternative or comparator that is not valid
     */
    public static VersionRange parse(String text) {
        if (text == null || text.isBlank() || text.strip().equals("*")) {
            return ANY;
        }
        String trimmed = text.strip();
        if (trimmed.length() > MAX_LENGTH) {
            throw new InvalidVersionRangeException("the version range has " + trimmed.length()
                    + " characters, more than the " + MAX_LENGTH + " a range may have: write it shorter");
        }
        String[] alternatives = trimmed.split("\\|\\|", -1);
        for (String alternative : alternatives) {
            checkAlternative(trimmed, alternative.strip());
        }
        RangesList parsed;
        try {
            parsed = RangesListFactory.create(trimmed);
        } catch (RuntimeException e) {
            throw new InvalidVersionRangeException("'" + trimmed + "' is not a valid version range: " + e.getMessage());
        }
        // Cross-check: semver4j must have understood every alternative, otherwise it would quietly match less.
        if (parsed.get().size() != alternatives.length && !parsed.isSatisfiedByAny()) {
            throw new InvalidVersionRangeException(
                    "'" + trimmed + "' is not a valid version range: " + alternatives.length
                            + " alternatives written but only " + parsed.get().size() + " understood");
        }
        return new VersionRange(trimmed, parsed);
    }

    private static void checkAlternative(String whole, String alternative) {
        if (alternative.isEmpty()) {
            throw new InvalidVersionRangeException(
                    "'" + whole + "' has an empty alternative around '||'; " + "write '*' if any version is meant");
        }
        if (alternative.equals("*") || HYPHEN.matcher(alternative).matches()) {
            return;
        }
        String compact = OPERATOR_SPACE.matcher(alternative).replaceAll("$1");
        for (String comparator : compact.split("\\s+")) {
            if (!SIMPLE.matcher(comparator).matches()) {
                throw new InvalidVersionRangeException("'" + whole + "' is not a valid version range: '" + comparator
                        + "' is not a version or comparator; use forms like ^2.1, ~1.2, 1.x, >=1.0.0 <2.0.0, "
                        + "1.2.0 - 1.4.0, joined by ||");
            }
        }
    }

    /** Whether {@code version} lies in this range. */
    public boolean matches(SemanticVersion version) {
        Objects.requireNonNull(version, "version");
        return ranges.isSatisfiedBy(Semver.of(version.major(), version.minor(), version.patch()));
    }

    /** The highest of {@code available} that lies in this range; empty when none does or the collection is empty. */
    public Optional<SemanticVersion> resolve(Collection<SemanticVersion> available) {
        SemanticVersion best = null;
        for (SemanticVersion candidate : available) {
            if (candidate != null && (best == null || candidate.compareTo(best) > 0) && matches(candidate)) {
                best = candidate;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Whether this range accepts every version. */
    public boolean isAny() {
        return ranges.isSatisfiedByAny();
    }

    /** The range as it was written (trimmed); {@code *} for a blank range. */
    @Override
    public String toString() {
        return text;
    }

    /** Ranges are equal when written the same way; {@code ^1.2} and {@code >=1.2.0 <2.0.0} are not equal. */
    @Override
    public boolean equals(Object other) {
        return other instanceof VersionRange range && range.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }
}
