package dev.watershed.domain.compatibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every kind of difference the engines report is explained in the README's compatibility rules tables, so that a
 * producer who meets one in a verdict can look it up.
 */
class RulesTableTest {

    /** A kind, or the {@code _DECREASED} of {@code MIN_LENGTH_INCREASED / _DECREASED}, which the tables use. */
    private static final Pattern KIND = Pattern.compile("(?<![A-Za-z_])_?[A-Z][A-Z_]*[A-Z]");

    @Test
    void everyDifferenceKindIsInTheReadmeRulesTables() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("## Compatibility rules");
        int end = readme.indexOf("\n## ", start + 1);
        assertThat(start).as("the README has a Compatibility rules section").isNotNegative();
        Set<String> named = new LinkedHashSet<>();
        for (String line : readme.substring(start, end).split("\n")) {
            if (!line.startsWith("|")) {
                continue;
            }
            String previous = null;
            Matcher kind = KIND.matcher(line);
            while (kind.find()) {
                String token = kind.group();
                String full = token.startsWith("_") && previous != null
                        ? previous.substring(0, previous.lastIndexOf('_')) + token
                        : token;
                named.add(full);
                previous = full;
            }
        }
        assertThat(named)
                .as("kinds the README's compatibility rules tables name")
                .containsAll(
                        Arrays.stream(DifferenceKind.values()).map(Enum::name).toList());
    }
}
