package dev.watershed.domain.compatibility;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.watershed.domain.contract.CompatibilityMode;
import dev.watershed.domain.contract.SchemaFormat;
import dev.watershed.domain.contract.VersionBump;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the case files under {@code src/test/resources/compatibility}. Each case names a previous schema
 * ({@code previous}) or history ({@code previousVersions}, oldest first), the {@code new} schema, optionally
 * {@code strict}, the expected verdict per mode ({@code verdicts}), the set of difference kinds found against the
 * latest version ({@code kinds}), the expected {@code bump} ({@code "NONE"} when nothing changed) and optionally
 * data {@code paths} that must appear among the differences.
 */
class CompatibilityCasesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final CompatibilityChecker CHECKER = new CompatibilityChecker();

    @TestFactory
    Stream<DynamicTest> jsonSchemaCases() throws IOException {
        return cases("json-schema-cases.json", SchemaFormat.JSON_SCHEMA);
    }

    /** Keywords compared since the peers' rules were taken on: object, array, string and conditional keywords. */
    @TestFactory
    Stream<DynamicTest> jsonSchemaKeywordCases() throws IOException {
        return cases("json-schema-keyword-cases.json", SchemaFormat.JSON_SCHEMA);
    }

    /** Sum and product types (anyOf, oneOf, allOf, type lists) extended, narrowed and changed into each other. */
    @TestFactory
    Stream<DynamicTest> jsonSchemaCombinedCases() throws IOException {
        return cases("json-schema-combined-cases.json", SchemaFormat.JSON_SCHEMA);
    }

    @TestFactory
    Stream<DynamicTest> avroCases() throws IOException {
        return cases("avro-cases.json", SchemaFormat.AVRO);
    }

    static JsonNode load(String file) throws IOException {
        try (InputStream in = CompatibilityCasesTest.class.getResourceAsStream("/compatibility/" + file)) {
            assertThat(in).as("case file %s", file).isNotNull();
            return JSON.readTree(in);
        }
    }

    private static Stream<DynamicTest> cases(String file, SchemaFormat format) throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode testCase : load(file)) {
            tests.add(DynamicTest.dynamicTest(testCase.get("name").asText(), () -> run(testCase, format)));
        }
        return tests.stream();
    }

    private static void run(JsonNode testCase, SchemaFormat format) {
        boolean strict = testCase.path("strict").asBoolean(false);
        Object next = schema(testCase.get("new"), format);
        List<Object> previous = new ArrayList<>();
        if (testCase.has("previousVersions")) {
            testCase.get("previousVersions").forEach(version -> previous.add(schema(version, format)));
        } else {
            previous.add(schema(testCase.get("previous"), format));
        }
        for (Map.Entry<String, JsonNode> expected : testCase.get("verdicts").properties()) {
            CompatibilityMode mode = CompatibilityMode.valueOf(expected.getKey());
            CompatibilityVerdict verdict = CHECKER.check(format, mode, strict, next, previous);
            assertThat(verdict.compatible())
                    .as("%s compatible; differences: %s", mode, verdict.differences())
                    .isEqualTo(expected.getValue().asBoolean());
        }
        CompatibilityVerdict full = CHECKER.check(format, CompatibilityMode.FULL, strict, next, previous);
        Set<String> kinds = full.differencesAgainstLatest().stream()
                .map(d -> d.kind().name())
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> expectedKinds = new TreeSet<>();
        testCase.get("kinds").forEach(kind -> expectedKinds.add(kind.asText()));
        assertThat(kinds)
                .as("kinds; differences: %s", full.differencesAgainstLatest())
                .isEqualTo(expectedKinds);
        String bump = full.requiredBump().map(VersionBump::name).orElse("NONE");
        assertThat(bump)
                .as("bump; differences: %s", full.differencesAgainstLatest())
                .isEqualTo(testCase.get("bump").asText());
        if (testCase.has("paths")) {
            Set<String> paths = full.differencesAgainstLatest().stream()
                    .map(Difference::path)
                    .collect(Collectors.toSet());
            testCase.get("paths").forEach(path -> assertThat(paths).contains(path.asText()));
        }
        // NONE never rejects, but still lists the differences the bump comes from
        CompatibilityVerdict none = CHECKER.check(format, CompatibilityMode.NONE, strict, next, previous);
        assertThat(none.compatible()).isTrue();
        assertThat(none.requiredBump()).isEqualTo(full.requiredBump());
    }

    private static Object schema(JsonNode node, SchemaFormat format) {
        return format == SchemaFormat.AVRO ? node.toString() : node;
    }
}
