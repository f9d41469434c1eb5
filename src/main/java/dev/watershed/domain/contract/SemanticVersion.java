package dev.watershed.domain.contract;

import java.util.regex.Pattern;

/** A {@code MAJOR.MINOR.PATCH} version of a contract. Pre-release and build suffixes are not used by contracts. */
public record SemanticVersion(int major, int minor, int patch) implements Comparable<SemanticVersion> {

    private static final Pattern FORMAT = Pattern.compile("(0|[1-9]\\d{0,8})\\.(0|[1-9]\\d{0,8})\\.(0|[1-9]\\d{0,8})");

    public static final SemanticVersion FIRST = new SemanticVersion(1, 0, 0);

    public SemanticVersion {
        if (major < 0 || minor < 0 || patch < 0) {
            throw new InvalidVersionException(
                    "version numbers cannot be negative: " + major + "." + minor + "." + patch);
        }
    }

    /** Parses {@code 1.2.3}; anything else is an {@link InvalidVersionException}. */
    public static SemanticVersion parse(String text) {
        if (text == null || !FORMAT.matcher(text).matches()) {
            throw new InvalidVersionException(
                    "'" + text + "' is not a semantic version: use MAJOR.MINOR.PATCH, e.g. 1.4.0");
        }
        String[] parts = text.split("\\.");
        return new SemanticVersion(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
    }

    public SemanticVersion bump(VersionBump bump) {
        return switch (bump) {
            case MAJOR -> new SemanticVersion(major + 1, 0, 0);
            case MINOR -> new SemanticVersion(major, minor + 1, 0);
            case PATCH -> new SemanticVersion(major, minor, patch + 1);
        };
    }

    @Override
    public int compareTo(SemanticVersion other) {
        int byMajor = Integer.compare(major, other.major);
        if (byMajor != 0) {
            return byMajor;
        }
        int byMinor = Integer.compare(minor, other.minor);
        return byMinor != 0 ? byMinor : Integer.compare(patch, other.patch);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch;
    }
}
