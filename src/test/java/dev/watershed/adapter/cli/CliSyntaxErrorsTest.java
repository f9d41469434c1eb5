package dev.watershed.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Syntax errors and invalid schemas as the offline commands report them: one sentence at the file, line and column
 * (the places PyYAML and Python's json module give for the same text), each problem once, in every format.
 */
class CliSyntaxErrorsTest {

    @TempDir
    Path directory;

    @Test
    void aYamlSyntaxErrorIsReportedAtItsLineAndColumnInTextGithubAndJson() throws IOException {
        // PyYAML: "mapping values are not allowed here" in line 5, column 14.
        Path file = write("orders.yaml", """
                name: a.orders
                kind: SOURCE
                contract:
                  format: JSON_SCHEMA
                   schemaFile: orders.schema.json
                owner: team-a
                """);

        CliRun text = CliRun.of("lint", directory.toString());
        assertThat(text.exitCode()).as(text.out()).isEqualTo(1);
        assertThat(text.out())
                .contains(display(file) + ":5:14): YAML syntax: mapping values are not allowed here\n")
                .doesNotContain("in 'reader'")
                .doesNotContain("^")
                .doesNotContain("[Source");

        CliRun github = CliRun.of("lint", "--format", "github", directory.toString());
        assertThat(github.out())
                .contains("::error file=" + display(file) + ",line=5,col=14,title=watershed lint%3A " + display(file)
                        + "::YAML syntax: mapping values are not allowed here\n");

        JsonNode finding = json(CliRun.of("lint", "--format", "json", directory.toString()))
                .path("items")
                .path(0)
                .path("findings")
                .path(0);
        assertThat(finding.path("file").asText()).isEqualTo(display(file));
        assertThat(finding.path("line").asInt()).isEqualTo(5);
        assertThat(finding.path("column").asInt()).isEqualTo(14);
        assertThat(finding.path("message").asText()).isEqualTo("YAML syntax: mapping values are not allowed here");
    }

    @Test
    void aTabIndentedFileIsReportedOnTheTabsLineNotTheLineBefore() throws IOException {
        // PyYAML: "found character '\t' that cannot start any token" in line 5, column 1; Jackson said line 4.
        Path file = write("orders.yaml", "name: a.orders\nkind: SOURCE\nowner: team-a\ncontract:\n\tformat: AVRO\n");

        CliRun github = CliRun.of("lint", "--format", "github", directory.toString());

        assertThat(github.out())
                .contains("::error file=" + display(file) + ",line=5,col=1,")
                .contains("::YAML syntax: found a tab character that cannot start any token: indent with spaces,"
                        + " not tabs\n");
    }

    @Test
    void aJsonSyntaxErrorInASchemaFileIsReportedInTheSchemaFile() throws IOException {
        write("orders.yaml", """
                name: a.orders
                kind: SOURCE
                owner: team-a
                contract:
                  format: JSON_SCHEMA
                  schemaFile: orders.schema.json
                """);
        // Python: "Expecting property name enclosed in double quotes: line 5 column 3".
        Path schema = write("orders.schema.json", """
                {
                  "type": "object",
                  "properties": {
                    "id": {"type": "string"},
                  }
                }
                """);

        CliRun github = CliRun.of("lint", "--format", "github", directory.toString());

        assertThat(github.exitCode()).isEqualTo(1);
        assertThat(github.out())
                .contains("::error file=" + display(schema) + ",line=5,col=3,")
                .contains("::JSON syntax: unexpected character ('}'): was expecting double-quote to start field"
                        + " name\n")
                .doesNotContain("[Source")
                .doesNotContain("code 125");
    }

    @Test
    void diffSaysWhereASchemaFileStopsBeingJson() throws IOException {
        Path good = write("good.avsc", "{\"type\": \"record\", \"name\": \"E\", \"fields\": []}\n");
        // Python: "Expecting ',' delimiter: line 3 column 1".
        Path broken = write(
                "broken.avsc",
                "{\"type\": \"record\", \"name\": \"E\",\n \"fields\": [{\"name\": \"id\", \"type\": \"string\"}]\n");

        CliRun diff = CliRun.of("diff", good.toString(), broken.toString());

        assertThat(diff.exitCode()).isEqualTo(2);
        assertThat(diff.err())
                .contains(broken + ":3:1: JSON syntax: unexpected end-of-input: expected close marker for Object"
                        + " (start marker at line 1, column 1)")
                .doesNotContain("[Source");
    }

    @Test
    void eachMetaSchemaViolationIsReportedOnce() throws IOException {
        write("orders.yaml", """
                name: a.orders
                kind: SOURCE
                owner: team-a
                contract:
                  format: JSON_SCHEMA
                  schemaFile: orders.schema.json
                """);
        write("orders.schema.json", """
                {
                  "type": "object",
                  "properties": {
                    "id": {"type": "strin"},
                    "note": 3
                  }
                }
                """);

        CliRun lint = CliRun.of("lint", directory.toString());

        assertThat(lint.exitCode()).isEqualTo(1);
        // 2020-12 checks a subschema once per vocabulary: "note" was reported eight times, "type" once per
        // alternative of the meta-schema's anyOf (a type name, or an array of them).
        assertThat(occurrences(lint.out(), "/schema/properties/note: integer found, [object, boolean] expected"))
                .isEqualTo(1);
        assertThat(occurrences(lint.out(), "/schema/properties/id/type: does not have a value in the enumeration"))
                .isEqualTo(1);
        assertThat(lint.out()).doesNotContain("/schema/properties/id/type: string found, array expected");
    }

    @Test
    void anArrayOfTypesIsReportedAtTheNameThatIsWrong() throws IOException {
        write("orders.yaml", """
                name: a.orders
                kind: SOURCE
                owner: team-a
                contract:
                  format: JSON_SCHEMA
                  schema: {type: object, properties: {id: {type: [string, nul]}}}
                """);

        CliRun lint = CliRun.of("lint", directory.toString());

        assertThat(lint.out())
                .contains("/schema/properties/id/type/1: does not have a value in the enumeration")
                .doesNotContain("/schema/properties/id/type: ");
    }

    private static int occurrences(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }

    private static JsonNode json(CliRun run) throws IOException {
        return new ObjectMapper().readTree(run.out());
    }

    private static String display(Path file) {
        return ReportWriter.display(file);
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(directory.resolve(name), text);
    }
}
