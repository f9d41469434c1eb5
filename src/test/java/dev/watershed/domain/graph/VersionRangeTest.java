package dev.watershed.domain.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.watershed.domain.contract.SemanticVersion;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class VersionRangeTest {

    @ParameterizedTest(name = "{0} matches {1}: {2}")
    @CsvSource(
            delimiter = ';',
            value = {
                "^2.1; 2.1.0; true",
                "^2.1; 2.9.9; true",
                "^2.1; 3.0.0; false",
                "^2.1; 2.0.9; false",
                "~1.2; 1.2.7; true",
                "~1.2; 1.3.0; false",
                "1.x; 1.99.0; true",
                "1.x; 2.0.0; false",
                ">=1.0.0 <2.0.0; 1.5.0; true",
                ">=1.0.0 <2.0.0; 2.0.0; false",
                ">= 1.0.0 < 2.0.0; 1.0.0; true",
                "1.0.0 || ^3; 1.0.0; true",
                "1.0.0 || ^3; 3.4.0; true",
                "1.0.0 || ^3; 2.0.0; false",
                "1.2.0 - 1.4.0; 1.4.0; true",
                "1.2.0 - 1.4.0; 1.4.1; false",
                "*; 42.0.0; true",
                "^0.2.3; 0.2.9; true",
                "^0.2.3; 0.3.0; false",
            })
    void matchesLikeNpm(String range, String version, boolean expected) {
        assertThat(VersionRange.parse(range).matches(SemanticVersion.parse(version)))
                .isEqualTo(expected);
    }

    @Test
    void emptyAndStarAcceptAnything() {
        assertThat(VersionRange.parse("").isAny()).isTrue();
        assertThat(VersionRange.parse(null).matches(new SemanticVersion(0, 0, 1)))
                .isTrue();
        assertThat(VersionRange.parse(" * ").toString()).isEqualTo("*");
    }

    @Test
    void resolvePicksTheHighestMatch() {
        List<SemanticVersion> available = List.of(
                SemanticVersion.parse("1.0.0"),
                SemanticVersion.parse("2.1.0"),
                SemanticVersion.parse("2.4.1"),
                SemanticVersion.parse("3.0.0"));
        assertThat(VersionRange.parse("^2.1").resolve(available)).contains(SemanticVersion.parse("2.4.1"));
        assertThat(VersionRange.parse("^4").resolve(available)).isEmpty();
        assertThat(VersionRange.parse("*").resolve(List.of())).isEmpty();
    }

    @Test
    void toStringKeepsTheOriginalText() {
        assertThat(VersionRange.parse(" >=1.0.0 <2.0.0 ").toString()).isEqualTo(">=1.0.0 <2.0.0");
        assertThat(VersionRange.parse("^2.1")).isEqualTo(VersionRange.parse("^2.1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", ">=foo", "^", "1.2.3.4", "=>1.0", "^1.2.3 ||", "<<1", "latest", "1.0.0-beta"})
    void invalidRangesAreRefusedWithTheReason(String text) {
        assertThatThrownBy(() -> VersionRange.parse(text))
                .isInstanceOf(InvalidVersionRangeException.class)
                .hasMessageContaining(text.strip());
    }

    @Test
    void aRangeLongerThanTheStoredTextMayBeIsRefused() {
        // Found by the reliability fuzzing: a valid 356-character range reached the database's VARCHAR(200).
        String range = String.join(" || ", java.util.Collections.nCopies(60, "^1"));
        assertThatThrownBy(() -> VersionRange.parse(range))
                .isInstanceOf(InvalidVersionRangeException.class)
                .hasMessageContaining("more than the 200");
        String longest = "^1 || ".repeat(32) + "^100.0.0";
        assertThat(VersionRange.parse(" " + longest + " ").toString()).hasSize(VersionRange.MAX_LENGTH);
    }

    @Test
    void messageNamesTheBadComparator() {
        assertThatThrownBy(() -> VersionRange.parse(">=1.0.0 <two"))
                .isInstanceOf(InvalidVersionRangeException.class)
                .hasMessageContaining("'<two' is not a version or comparator");
        assertThatThrownBy(() -> VersionRange.parse("^1 || ")).hasMessageContaining("empty alternative");
    }
}
