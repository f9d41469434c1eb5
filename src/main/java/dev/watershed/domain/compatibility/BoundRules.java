package dev.watershed.domain.compatibility;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Numeric bounds: {@code minimum}, {@code maximum}, {@code exclusiveMinimum}, {@code exclusiveMaximum} (draft-04
 * booleans and draft-06+ numbers alike) and {@code multipleOf}.
 */
final class BoundRules {

    private BoundRules() {}

    static void compare(JsonSchemaComparison comparison, ObjectNode oldSchema, ObjectNode newSchema, String path) {
        Bound.compareLower(
                comparison,
                path,
                "minimum",
                lower(oldSchema),
                lower(newSchema),
                DifferenceKind.MINIMUM_INCREASED,
                DifferenceKind.MINIMUM_DECREASED);
        Bound.compareUpper(
                comparison,
                path,
                "maximum",
                upper(oldSchema),
                upper(newSchema),
                DifferenceKind.MAXIMUM_INCREASED,
                DifferenceKind.MAXIMUM_DECREASED);
        compareMultipleOf(comparison, oldSchema, newSchema, path);
    }

    static Bound lower(ObjectNode schema) {
        return effective(schema, "minimum", "exclusiveMinimum", true);
    }

    static Bound upper(ObjectNode schema) {
        return effective(schema, "maximum", "exclusiveMaximum", false);
    }

    private static Bound effective(ObjectNode schema, String inclusiveKeyword, String exclusiveKeyword, boolean lower) {
        Bound inclusive = Bound.inclusive(number(schema.get(inclusiveKeyword)));
        JsonNode exclusive = schema.get(exclusiveKeyword);
        if (exclusive == null) {
            return inclusive;
        }
        if (exclusive.isBoolean()) {
            // draft-04: the boolean turns the sibling minimum/maximum exclusive
            return exclusive.booleanValue() && inclusive.value() != null
                    ? new Bound(inclusive.value(), true)
                    : inclusive;
        }
        Bound exclusiveBound = exclusive.isNumber() ? new Bound(exclusive.decimalValue(), true) : Bound.OPEN;
        return lower ? inclusive.tighterLower(exclusiveBound) : inclusive.tighterUpper(exclusiveBound);
    }

    private static void compareMultipleOf(
            JsonSchemaComparison comparison, ObjectNode oldSchema, ObjectNode newSchema, String path) {
        BigDecimal oldStep = number(oldSchema.get("multipleOf"));
        BigDecimal newStep = number(newSchema.get("multipleOf"));
        if (oldStep == null && newStep == null) {
            return;
        }
        // Every multiple of the old step is a multiple of the new one exactly when the new step divides the old.
        boolean newAcceptsOld = newStep == null || (oldStep != null && divides(newStep, oldStep));
        boolean oldAcceptsNew = oldStep == null || (newStep != null && divides(oldStep, newStep));
        if (newAcceptsOld && oldAcceptsNew) {
            return;
        }
        comparison.report(
                DifferenceKind.MULTIPLE_OF_CHANGED,
                path,
                "changed `multipleOf` from " + render(oldStep) + " to " + render(newStep),
                new Breakage(!newAcceptsOld, !oldAcceptsNew));
    }

    private static boolean divides(BigDecimal divisor, BigDecimal dividend) {
        if (divisor.signum() == 0) {
            return false;
        }
        return dividend.divide(divisor, 20, RoundingMode.HALF_UP)
                        .stripTrailingZeros()
                        .scale()
                <= 0;
    }

    static BigDecimal number(JsonNode node) {
        return node != null && node.isNumber() ? node.decimalValue() : null;
    }

    private static String render(BigDecimal value) {
        return value == null ? "none" : value.stripTrailingZeros().toPlainString();
    }
}
