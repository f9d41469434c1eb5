package dev.watershed.domain.profile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.watershed.domain.contract.FieldMetadata;
import dev.watershed.domain.contract.FieldRole;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which profiled fields drift checks and skew reports look at, from the contract's metadata and the fields read. */
class ComparedFieldsTest {

    /** An identifier, a label, a field known only in hindsight, and four fields that are compared. */
    private static final Map<String, FieldMetadata> METADATA = Map.of(
            "/id", role(FieldRole.ID, true),
            "/readmitted", role(FieldRole.LABEL, false),
            "/followup_visits", role(FieldRole.FEATURE, false),
            "/age", role(FieldRole.FEATURE, true),
            "/admitted_at", role(FieldRole.TIMESTAMP, true),
            "/source", role(FieldRole.METADATA, true),
            "/ward", FieldMetadata.defaults());

    private static FieldMetadata role(FieldRole role, boolean servingAvailable) {
        return new FieldMetadata(null, false, servingAvailable, role, null, null);
    }

    @Test
    void driftLeavesOutIdentifiersOnly() {
        ComparedFields drift = ComparedFields.forDrift(METADATA);

        assertThat(drift.skipped()).containsExactly("/id");
        assertThat(drift.compares("/id")).isFalse();
        assertThat(List.of(
                        "/readmitted",
                        "/followup_visits",
                        "/age",
                        "/admitted_at",
                        "/source",
                        "/ward",
                        "/not_in_the_metadata",
                        ""))
                .allMatch(drift::compares);
    }

    @Test
    void driftWithoutMetadataComparesEverything() {
        ComparedFields drift = ComparedFields.forDrift(Map.of());

        assertThat(drift.skipped()).isEmpty();
        assertThat(List.of("/id", "/items/*/price", "")).allMatch(drift::compares);
    }

    @Test
    void skewLeavesOutIdentifiersLabelsAndFieldsMissingAtServingTime() {
        ComparedFields skew = ComparedFields.forSkew(METADATA, List.of());

        assertThat(skew.skipped()).containsExactlyInAnyOrder("/id", "/readmitted", "/followup_visits");
        assertThat(List.of("/id", "/readmitted", "/followup_visits")).noneMatch(skew::compares);
        assertThat(List.of("/age", "/admitted_at", "/source", "/ward", "")).allMatch(skew::compares);
    }

    @Test
    void skewComparesOnlyWhatTheModelReadsAndNeverASkippedFieldEvenWhenRead() {
        ComparedFields skew = ComparedFields.forSkew(METADATA, List.of("/age", "/id"));

        assertThat(skew.compares("/age")).isTrue();
        assertThat(skew.compares("/id")).isFalse();
        assertThat(skew.compares("/ward")).isFalse();
        assertThat(skew.compares("")).isTrue();
    }

    @Test
    void aFieldReadHoldsItselfAndWhatLiesBelowItSegmentBySegment() {
        ComparedFields skew = ComparedFields.forSkew(Map.of(), List.of("/customer"));

        assertThat(List.of("/customer", "/customer/email", "/customer/address/city"))
                .allMatch(skew::compares);
        assertThat(List.of("/customerId", "/order", "/order/customer")).noneMatch(skew::compares);
    }

    @Test
    void aModelReadingOneItemOfAnArrayHasEveryProfiledItemCompared() {
        // The profiler writes /items/*/price for all items; a dependency may name items[0].price, /items/0/price.
        // Before ComparedFields this was compared as text, so nothing of /items/* was reported for such a model.
        ComparedFields onePrice = ComparedFields.forSkew(Map.of(), List.of("/items/0/price"));
        ComparedFields oneItem = ComparedFields.forSkew(Map.of(), List.of("/items/0"));

        assertThat(onePrice.compares("/items/*/price")).isTrue();
        assertThat(onePrice.compares("/items/*/quantity")).isFalse();
        assertThat(onePrice.compares("/items/*")).isFalse();
        assertThat(onePrice.compares("/items")).isFalse();
        assertThat(List.of("/items/*", "/items/*/price", "/items/*/quantity")).allMatch(oneItem::compares);
        assertThat(oneItem.compares("/items")).isFalse();
    }

    @Test
    void aModelReadingEveryItemHasTheProfiledItemsComparedAndAnyKeyAWildcardStandsFor() {
        ComparedFields everyPrice = ComparedFields.forSkew(Map.of(), List.of("/items/*/price"));

        assertThat(everyPrice.compares("/items/*/price")).isTrue();
        assertThat(everyPrice.compares("/items/*/price/currency")).isTrue();
        assertThat(everyPrice.compares("/items/*/quantity")).isFalse();
        // A profiled key that a schema's * stands for (an object keyed "0"), the other way round.
        assertThat(everyPrice.compares("/items/0/price")).isTrue();
        assertThat(everyPrice.compares("/items/0/quantity")).isFalse();
    }
}
