package dev.watershed.domain.compatibility;

import java.math.BigDecimal;

/**
 * One end of a range (a minimum, a maximum length, a minimum number of items), and the rule shared by all of
 * them: a tighter bound rejects old data (breaks BACKWARD), a looser one lets through data old readers reject
 * (breaks FORWARD).
 *
 * @param value     the limit; {@code null} when the keyword is absent and the range is open on that side
 * @param exclusive whether the limit itself is excluded
 */
record Bound(BigDecimal value, boolean exclusive) {

    static final Bound OPEN = new Bound(null, false);

    static Bound inclusive(BigDecimal value) {
        return value == null ? OPEN : new Bound(value, false);
    }

    /** Positive when this lower bound admits fewer values than {@code other}. */
    int compareAsLower(Bound other) {
        return compareTightness(other, 1);
    }

    /** Positive when this upper bound admits fewer values than {@code other}. */
    int compareAsUpper(Bound other) {
        return compareTightness(other, -1);
    }

    /** The tighter of two lower bounds. */
    Bound tighterLower(Bound other) {
        return compareAsLower(other) >= 0 ? this : other;
    }

    /** The tighter of two upper bounds. */
    Bound tighterUpper(Bound other) {
        return compareAsUpper(other) >= 0 ? this : other;
    }

    private int compareTightness(Bound other, int direction) {
        if (value == null || other.value == null) {
            return Boolean.compare(value != null, other.value != null);
        }
        int byValue = value.compareTo(other.value) * direction;
        return byValue != 0 ? byValue : Boolean.compare(exclusive, other.exclusive);
    }

    static void compareLower(
            JsonSchemaComparison comparison,
            String path,
            String what,
            Bound oldBound,
            Bound newBound,
            DifferenceKind increased,
            DifferenceKind decreased) {
        int tighter = newBound.compareAsLower(oldBound);
        if (tighter > 0) {
            comparison.report(
                    increased, path, "raised its " + what + " from " + oldBound + " to " + newBound, Breakage.BACKWARD);
        } else if (tighter < 0) {
            comparison.report(
                    decreased, path, "lowered its " + what + " from " + oldBound + " to " + newBound, Breakage.FORWARD);
        }
    }

    static void compareUpper(
            JsonSchemaComparison comparison,
            String path,
            String what,
            Bound oldBound,
            Bound newBound,
            DifferenceKind increased,
            DifferenceKind decreased) {
        int tighter = newBound.compareAsUpper(oldBound);
        if (tighter > 0) {
            comparison.report(
                    decreased,
                    path,
                    "lowered its " + what + " from " + oldBound + " to " + newBound,
                    Breakage.BACKWARD);
        } else if (tighter < 0) {
            comparison.report(
                    increased, path, "raised its " + what + " from " + oldBound + " to " + newBound, Breakage.FORWARD);
        }
    }

    @Override
    public String toString() {
        if (value == null) {
            return "none";
        }
        return value.stripTrailingZeros().toPlainString() + (exclusive ? " (exclusive)" : "");
    }
}
