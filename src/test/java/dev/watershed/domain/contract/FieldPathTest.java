package dev.watershed.domain.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FieldPathTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = ';',
            value = {
                "/customer/email; /customer/email",
                "customer.email; /customer/email",
                " customer.email ; /customer/email",
                "lines[].price; /lines/*/price",
                "lines[*].price; /lines/*/price",
                "lines.*.price; /lines/*/price",
                "lines[0].price; /lines/0/price",
                "matrix[][]; /matrix/*/*",
                "/a~1b/c~0d; /a~1b/c~0d",
                "a/b.c~d; /a~1b/c~0d",
                "amount; /amount",
                "[].id; /*/id",
            })
    void normalizesPointersAndDottedPaths(String input, String expected) {
        assertThat(FieldPath.normalize(input)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "  ",
                "/customer/",
                "//a",
                "/a~2b",
                "/a~",
                "customer..email",
                ".email",
                "lines[x].a",
                "lines].a",
                "li[nes"
            })
    void refusesMalformedPaths(String input) {
        assertThatThrownBy(() -> FieldPath.normalize(input)).isInstanceOf(InvalidFieldPathException.class);
    }

    @Test
    void prefixIsBySegmentNotByCharacter() {
        assertThat(FieldPath.isPrefixOf("/customer", "/customer/email")).isTrue();
        assertThat(FieldPath.isPrefixOf("/customer", "/customer")).isTrue();
        assertThat(FieldPath.isPrefixOf("/customer", "/customerId")).isFalse();
        assertThat(FieldPath.isPrefixOf("/customer/email", "/customer")).isFalse();
        assertThat(FieldPath.overlaps("/customer/email", "/customer")).isTrue();
        assertThat(FieldPath.overlaps("/lines/*/price", "/lines/3")).isTrue();
        assertThat(FieldPath.overlaps("/lines/*/price", "/lines/*/qty")).isFalse();
    }

    /** The in-place comparison agrees with the definition (split into segments, compare pairwise) on every pair. */
    @Test
    void prefixAgreesWithTheSegmentWiseDefinition() {
        List<String> paths = new ArrayList<>(List.of(""));
        for (int depth = 0; depth < 3; depth++) {
            List<String> longer = new ArrayList<>();
            for (String path : paths) {
                if (FieldPath.segments(path).size() == depth) {
                    for (String segment : List.of("a", "ab", "*", "0", "a~1b")) {
                        longer.add(path + "/" + segment);
                    }
                }
            }
            paths.addAll(longer);
        }
        for (String prefix : paths) {
            for (String path : paths) {
                assertThat(FieldPath.isPrefixOf(prefix, path))
                        .as("%s prefix of %s", prefix, path)
                        .isEqualTo(bySegments(prefix, path));
            }
        }
    }

    private static boolean bySegments(String prefix, String path) {
        List<String> head = FieldPath.segments(prefix);
        List<String> whole = FieldPath.segments(path);
        if (head.size() > whole.size()) {
            return false;
        }
        for (int i = 0; i < head.size(); i++) {
            String a = head.get(i);
            String b = whole.get(i);
            if (!a.equals(b) && !a.equals("*") && !b.equals("*")) {
                return false;
            }
        }
        return true;
    }
}
