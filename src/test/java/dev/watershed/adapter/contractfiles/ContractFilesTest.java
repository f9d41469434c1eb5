package dev.watershed.adapter.contractfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContractFilesTest {

    @TempDir
    Path directory;

    @Test
    void theExampleEstateFollowsTheFormat() {
        ContractFiles.Estate estate = ContractFiles.read(Path.of("contracts"));

        assertThat(estate.problems()).isEmpty();
        assertThat(estate.teams()).extracting(ContractFiles.TeamEntry::name).contains("clinical-data", "demand-ml");
        assertThat(estate.assets()).extracting(ContractFiles.AssetFile::name)
                .contains("hospital.admissions", "retail.sales", "weather.daily");
        assertThat(estate.assets()).allSatisfy(asset -> assertThat(asset.schema()).isNotNull());
    }

    @Test
    void problemsNameTheFileAndLine() throws IOException {
        Path file = write("bad.yaml", """
                name: Bad Name
                kind: SOURCE
                owner: team-a
                colour: blue
                contract:
                  format: JSON_SCHEMA
                  schemaFile: missing.json
                fields:
                  /a: {pii: "yes"}
                """);

        List<ContractFiles.Problem> problems = ContractFiles.scan(List.of(directory)).problems();

        assertThat(problems).extracting(ContractFiles.Problem::file).containsOnly(file);
        assertThat(problems).anySatisfy(problem -> assertThat(problem).returns(1, ContractFiles.Problem::line)
                .extracting(ContractFiles.Problem::message).asString().contains("/name"));
        assertThat(problems).anySatisfy(problem -> assertThat(problem).returns(4, ContractFiles.Problem::line)
                .extracting(ContractFiles.Problem::message).asString().contains("colour"));
        assertThat(problems).anySatisfy(problem -> assertThat(problem).returns(9, ContractFiles.Problem::line)
                .extracting(ContractFiles.Problem::message).asString().contains("boolean"));
    }

    @Test
    void aMissingSchemaFileIsReportedAtItsLine() throws IOException {
        write("a.yaml", """
                name: a
                kind: SOURCE
                owner: team-a
                contract:
                  format: JSON_SCHEMA
                  schemaFile: missing.json
                """);

        assertThatThrownBy(() -> ContractFiles.read(directory)).isInstanceOf(InvalidContractFilesException.class)
                .hasMessageContaining("a.yaml:6: schema file").hasMessageContaining("does not exist");
    }

    @Test
    void contractHistoryIsReadOldestFirstAndAMissingHistorySchemaIsReportedAtItsLine() throws IOException {
        write("v1.json", "{\"type\": \"object\"}");
        write("a.yaml", """
                name: a
                kind: SOURCE
                owner: team-a
                contract:
                  format: JSON_SCHEMA
                  schema: {type: object, properties: {x: {type: string}}}
                  history:
                    - schemaFile: v1.json
                      version: 1.0.0
                    - schema: {type: object, properties: {x: {type: number}}}
                """);

        ContractFiles.AssetFile file = ContractFiles.read(directory).assets().get(0);
        assertThat(file.history()).hasSize(2);
        assertThat(file.history().get(0).asText()).isEqualTo("{\"type\": \"object\"}");
        assertThat(file.history().get(1).at("/properties/x/type").asText()).isEqualTo("number");

        write("b.yaml", """
                name: b
                kind: SOURCE
                owner: team-a
                contract:
                  format: JSON_SCHEMA
                  schemaFile: v1.json
                  history:
                    - schemaFile: gone.json
                """);
        assertThatThrownBy(() -> ContractFiles.read(directory)).isInstanceOf(InvalidContractFilesException.class)
                .hasMessageContaining("b.yaml:8: schema file").hasMessageContaining("does not exist");
    }

    @Test
    void yamlSyntaxErrorsCarryTheirLine() throws IOException {
        write("teams.yaml", """
                teams:
                  - name: a
                    email: a@example.org
                  - name: [unclosed
                """);

        assertThat(ContractFiles.scan(List.of(directory)).problems()).singleElement()
                .satisfies(problem -> assertThat(problem.message()).startsWith("not valid YAML"))
                .extracting(ContractFiles.Problem::line).isIn(4, 5);
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(directory.resolve(name), text);
    }
}
