package dev.watershed.domain.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which fields are targets: the prefix relation of {@code FieldPath}, not one of its own. */
class UsageTermsTest {

    private static UsageTerms targets(String... fields) {
        return new UsageTerms(null, List.of(fields), null, null);
    }

    @Test
    void aTargetCoversItselfAndWhatLiesInsideItOnly() {
        UsageTerms terms = targets("outcome");

        assertThat(terms.isTarget("/outcome")).isTrue();
        assertThat(terms.isTarget("/outcome/code")).isTrue();
        assertThat(terms.isTarget("/outcomes")).isFalse();
        assertThat(UsageTerms.NONE.isTarget("/outcome")).isFalse();
    }

    /** Fixed: the string comparison this used to make did not know {@code *}, so array items never matched. */
    @Test
    void aTargetCoversArrayItemsThroughTheWildcard() {
        assertThat(targets("labels[].value").isTarget("/labels/2/value")).isTrue();
        assertThat(targets("labels[0]").isTarget("/labels/*")).isTrue();
        assertThat(targets("labels[0]").isTarget("/labels/*/value")).isTrue();
        assertThat(targets("labels[0]").isTarget("/labels/1")).isFalse();
        assertThat(targets("labels[].value").isTarget("/labels")).isFalse();
    }
}
