package dev.watershed.domain.declaration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Syntax errors in contract and schema files, at the line and column an editor shows. The expected places are the
 * ones PyYAML ({@code yaml.safe_load}) and Python's {@code json} module report for the same text: an oracle that
 * shares no code with SnakeYAML or Jackson. {@link #pyYamlAgreesWhereItIsInstalled} asks it again where it runs.
 */
class ContractFileSyntaxErrorsTest {

    private static final String TAB_INDENTED = "name: a\nkind: SOURCE\nowner: t\ncontract:\n\tformat: JSON_SCHEMA\n";
    private static final String MISSING_COLON = "name: a\nkind SOURCE\nowner: t\n";
    private static final String UNCLOSED_QUOTE =
            "name: a\nkind: SOURCE\nowner: t\ndescription: \"unclosed\ncontract:\n  format: AVRO\n";
    private static final String BAD_INDENTATION =
            "name: a\nkind: SOURCE\ncontract:\n  format: AVRO\n   schemaFile: x.avsc\nowner: t\n";
    private static final String UNCLOSED_FLOW_SEQUENCE =
            "teams:\n  - name: a\n    email: a@example.org\n  - name: [unclosed\n";

    @TempDir
    Path directory;

    static Stream<Arguments> brokenYaml() {
        return Stream.of(
                Arguments.of(
                        "tab.yaml",
                        TAB_INDENTED,
                        5,
                        1,
                        "YAML syntax: found a tab character that cannot start any token: indent with spaces, not tabs"),
                Arguments.of(
                        "colon.yaml",
                        MISSING_COLON,
                        3,
                        1,
                        "YAML syntax: could not find expected ':' (while scanning a simple key at line 2, column 1)"),
                Arguments.of(
                        "quote.yaml",
                        UNCLOSED_QUOTE,
                        7,
                        1,
                        "YAML syntax: found the end of the file (while scanning a quoted scalar at line 4, column 14)"),
                Arguments.of("indent.yaml", BAD_INDENTATION, 5, 14, "YAML syntax: mapping values are not allowed here"),
                Arguments.of(
                        "teams.yaml",
                        UNCLOSED_FLOW_SEQUENCE,
                        5,
                        1,
                        "YAML syntax: expected ',' or ']', but got the end of the file"
                                + " (while parsing a flow sequence at line 4, column 11)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenYaml")
    void aYamlSyntaxErrorIsOneSentenceAtPyYamlsLineAndColumn(
            String name, String text, int line, int column, String message) throws IOException {
        Path file = write(name, text);

        assertThat(ContractFiles.scan(List.of(file)).problems()).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(line);
            assertThat(problem.column()).isEqualTo(column);
            assertThat(problem.message()).isEqualTo(message);
            assertThat(problem).hasToString(file + ":" + line + ":" + column + ": " + message);
        });
    }

    @Test
    void theFirstStartLoaderRefusesABrokenFileWithItsPlaceAndNoParserTrace() throws IOException {
        write("indent.yaml", BAD_INDENTATION);

        assertThatThrownBy(() -> ContractFiles.read(directory))
                .isInstanceOf(InvalidContractFilesException.class)
                .hasMessageContaining("indent.yaml:5:14: YAML syntax: mapping values are not allowed here")
                .hasMessageNotContaining("in 'reader'")
                .hasMessageNotContaining("[Source");
    }

    @Test
    void aJsonSyntaxErrorInASchemaFileIsReportedInThatFileAtItsLineAndColumn() throws IOException {
        write("orders.yaml", asset("JSON_SCHEMA", "orders.schema.json"));
        // Python: "Expecting property name enclosed in double quotes: line 5 column 3".
        Path schema = write("orders.schema.json", """
                {
                  "type": "object",
                  "properties": {
                    "id": {"type": "string"},
                  }
                }
                """);

        ContractFiles.Estate estate = ContractFiles.scan(List.of(directory));

        assertThat(estate.assets()).isEmpty();
        assertThat(estate.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo(schema);
            assertThat(problem.line()).isEqualTo(5);
            assertThat(problem.column()).isEqualTo(3);
            assertThat(problem.message())
                    .isEqualTo("JSON syntax: unexpected character ('}'): was expecting double-quote to start"
                            + " field name");
        });
    }

    @Test
    void anUnclosedObjectInAnAvroFileSaysWhereItStartedWithoutTheSourceTrace() throws IOException {
        write("events.yaml", asset("AVRO", "events.avsc"));
        // Python: "Expecting ',' delimiter: line 3 column 1".
        write(
                "events.avsc",
                "{\"type\": \"record\", \"name\": \"E\",\n \"fields\": [{\"name\": \"id\", \"type\": \"string\"}]\n");

        assertThat(ContractFiles.scan(List.of(directory)).problems())
                .singleElement()
                .satisfies(problem -> {
                    assertThat(problem.file().getFileName()).hasToString("events.avsc");
                    assertThat(problem.line()).isEqualTo(3);
                    assertThat(problem.column()).isEqualTo(1);
                    assertThat(problem.message())
                            .isEqualTo("JSON syntax: unexpected end-of-input: expected close marker for Object"
                                    + " (start marker at line 1, column 1)");
                });
    }

    @Test
    void anAvroSchemaThatIsABarePrimitiveNameIsNotASyntaxError() throws IOException {
        write("ids.yaml", asset("AVRO", "ids.avsc"));
        write("ids.avsc", "string\n");

        ContractFiles.Estate estate = ContractFiles.scan(List.of(directory));

        assertThat(estate.problems()).isEmpty();
        assertThat(estate.assets())
                .singleElement()
                .satisfies(file -> assertThat(file.schema().asText()).isEqualTo("string\n"));
    }

    @Test
    void pyYamlAgreesWhereItIsInstalled() throws Exception {
        Assumptions.assumeTrue(pyYaml(write("probe.yaml", "a: 1\n")).equals("ok"), "python3 with PyYAML");
        for (Arguments arguments : brokenYaml().toList()) {
            Object[] values = arguments.get();
            Path file = write("oracle-" + values[0], (String) values[1]);
            assertThat(pyYaml(file)).as((String) values[0]).isEqualTo(values[2] + ":" + values[3]);
        }
    }

    /** "line:column" of PyYAML's problem mark, "ok" when it loads the file, or what went wrong. */
    private static String pyYaml(Path file) throws IOException, InterruptedException {
        Process python;
        try {
            python = new ProcessBuilder(
                            "python3",
                            "-c",
                            "import sys, yaml\n"
                                    + "try:\n"
                                    + "    yaml.safe_load(open(sys.argv[1]))\n"
                                    + "    print('ok')\n"
                                    + "except yaml.MarkedYAMLError as e:\n"
                                    + "    print('%d:%d' % (e.problem_mark.line + 1, e.problem_mark.column + 1))\n",
                            file.toString())
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            return "no python3";
        }
        if (!python.waitFor(20, TimeUnit.SECONDS)) {
            python.destroyForcibly();
            return "timed out";
        }
        return new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    }

    private static String asset(String format, String schemaFile) {
        return """
                name: a.asset
                kind: SOURCE
                owner: team-a
                contract:
                  format: %s
                  schemaFile: %s
                """.formatted(format, schemaFile);
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(directory.resolve(name), text);
    }
}
