package dev.watershed.domain.compatibility;

import com.fasterxml.jackson.databind.node.ObjectNode;
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

    /**
     * Compares a pair of keywords that bound one count ({@code minItems}/{@code maxItems}, {@code minLength}/
     * {@code maxLength}, {@code minProperties}/{@code maxProperties}) as the two ends of one range.
     */
    static void compareCounts(
            JsonSchemaComparison comparison, String path, ObjectNode oldSchema, ObjectNode newSchema, Counts counts) {
        compareLower(
                comparison,
                path,
                counts.min(),
                inclusive(BoundRules.number(oldSchema.get(counts.min()))),
                inclusive(BoundRules.number(newSchema.get(counts.min()))),
                counts.minIncreased(),
                counts.minDecreased());
        compareUpper(
                comparison,
                path,
                counts.max(),
                inclusive(BoundRules.number(oldSchema.get(counts.max()))),
                inclusive(BoundRules.number(newSchema.get(counts.max()))),
                counts.maxIncreased(),
                counts.maxDecreased());
    }

    /** The keywords of one bounded count and the kinds of difference each end reports. */
    record Counts(
            String min,
            String max,
            DifferenceKind minIncreased,
            DifferenceKind minDecreased,
            DifferenceKind maxIncreased,
            DifferenceKind maxDecreased) {

        static final Counts LENGTH = new Counts(
                "minLength",
                "maxLength",
                DifferenceKind.MIN_LENGTH_INCREASED,
                DifferenceKind.MIN_LENGTH_DECREASED,
                DifferenceKind.MAX_LENGTH_INCREASED,
                DifferenceKind.MAX_LENGTH_DECREASED);
        static final Counts ITEMS = new Counts(
                "minItems",
                "maxItems",
                DifferenceKind.MIN_ITEMS_INCREASED,
                DifferenceKind.MIN_ITEMS_DECREASED,
                DifferenceKind.MAX_ITEMS_INCREASED,
                DifferenceKind.MAX_ITEMS_DECREASED);
        static final Counts PROPERTIES = new Counts(
                "minProperties",
                "maxProperties",
                DifferenceKind.MIN_PROPERTIES_INCREASED,
                DifferenceKind.MIN_PROPERTIES_DECREASED,
                DifferenceKind.MAX_PROPERTIES_INCREASED,
                DifferenceKind.MAX_PROPERTIES_DECREASED);
    }

    @Override
    public String toString() {
        if (value == null) {
            return "none";
        }
        return value.stripTrailingZeros().toPlainString() + (exclusive ? " (exclusive)" : "");
    }
}
