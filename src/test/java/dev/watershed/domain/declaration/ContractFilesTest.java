package dev.watershed.domain.declaration;

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
        assertThat(estate.assets())
                .extracting(ContractFiles.AssetFile::name)
                .contains("hospital.admissions", "retail.sales", "weather.daily");
        assertThat(estate.assets())
                .allSatisfy(asset -> assertThat(asset.schema()).isNotNull());
    }

    @Test
    void replicasAndTheMlTermsOfADependencyAreDeclaredAndChecked() throws IOException {
        write("a-replica.yaml", """
                name: feed-copy
                kind: SOURCE
                owner: team-a
                replicaOf: feed
                """);
        write("feed.yaml", """
                name: feed
                kind: SOURCE
                owner: team-a
                """);
        write("model.yaml", """
                name: model
                kind: MODEL
                owner: team-a
                dependsOn:
                  - asset: feed
                    usage: EVALUATION
                    splitKey: by week, before 2025-01-01
                    targetFields: [label]
                    cost: {amount: 120, unit: USD/month}
                    benefit: {value: 0.031, metric: feature-importance}
                """);
        Path bad = write("bad.yaml", """
                name: bad
                kind: MODEL
                owner: team-a
                dependsOn:
                  - asset: feed
                    usage: SOMETIMES
                    cost: {amount: -5, unit: USD/month}
                """);

        ContractFiles.Estate estate = ContractFiles.scan(List.of(directory));

        assertThat(estate.problems())
                .isNotEmpty()
                .allSatisfy(problem -> assertThat(problem.file()).isEqualTo(bad));
        assertThat(estate.problems())
                .anySatisfy(problem -> assertThat(problem.line()).isEqualTo(6));
        assertThat(estate.problems())
                .anySatisfy(problem -> assertThat(problem.line()).isEqualTo(7));
        assertThat(ContractFiles.inDependencyOrder(estate.assets()))
                .extracting(ContractFiles.AssetFile::name)
                .containsSubsequence("feed", "feed-copy");
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

        List<ContractFiles.Problem> problems =
                ContractFiles.scan(List.of(directory)).problems();

        assertThat(problems).extracting(ContractFiles.Problem::file).containsOnly(file);
        assertThat(problems)
                .anySatisfy(problem -> assertThat(problem)
                        .returns(1, ContractFiles.Problem::line)
                        .extracting(ContractFiles.Problem::message)
                        .asString()
                        .contains("/name"));
        assertThat(problems)
                .anySatisfy(problem -> assertThat(problem)
                        .returns(4, ContractFiles.Problem::line)
                        .extracting(ContractFiles.Problem::message)
                        .asString()
                        .contains("colour"));
        assertThat(problems)
                .anySatisfy(problem -> assertThat(problem)
                        .returns(9, ContractFiles.Problem::line)
                        .extracting(ContractFiles.Problem::message)
                        .asString()
                        .contains("boolean"));
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

        assertThatThrownBy(() -> ContractFiles.read(directory))
                .isInstanceOf(InvalidContractFilesException.class)
                .hasMessageContaining("a.yaml:6: schema file")
                .hasMessageContaining("does not exist");
    }

    @Test
    void observationSamplesResolveBesideTheFileAndAMissingOneIsReportedAtItsLine() throws IOException {
        write("samples/a.training.ndjson", "{\"x\": 1}\n");
        write("a.yaml", """
                name: a
                kind: SOURCE
                owner: team-a
                observations:
                  - {label: training, sample: samples/a.training.ndjson}
                """);
        write("b.yaml", """
                name: b
                kind: SOURCE
                owner: team-a
                observations:
                  - {label: training, sample: samples/b.training.ndjson}
                  - {label: serving, sample: samples/b.serving.ndjson}
                """);

        ContractFiles.Estate estate = ContractFiles.scan(List.of(directory));

        assertThat(estate.assets())
                .singleElement()
                .satisfies(asset -> assertThat(asset.observations())
                        .containsExactly(
                                new ContractFiles.Sample("training", directory.resolve("samples/a.training.ndjson"))));
        assertThat(estate.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo(directory.resolve("b.yaml"));
            assertThat(problem.line()).isEqualTo(5);
            assertThat(problem.message()).contains("sample file", "b.training.ndjson", "does not exist");
        });
    }

    @Test
    void theExampleEstateRecordsTrainingAndServingSamplesOfTheReadmissionFeatures() {
        ContractFiles.AssetFile features = ContractFiles.read(Path.of("contracts")).assets().stream()
                .filter(asset -> asset.name().equals("hospital.readmission-features"))
                .findFirst()
                .orElseThrow();

        assertThat(features.observations())
                .extracting(ContractFiles.Sample::label)
                .containsExactly("training", "serving");
        assertThat(features.observations())
                .allSatisfy(sample -> assertThat(sample.file()).isRegularFile());
    }

    @Test
    void yamlSyntaxErrorsCarryTheirLine() throws IOException {
        write("teams.yaml", """
                teams:
                  - name: a
                    email: a@example.org
                  - name: [unclosed
                """);

        // PyYAML: "expected ',' or ']', but got '<stream end>'" at line 5, column 1.
        assertThat(ContractFiles.scan(List.of(directory)).problems())
                .singleElement()
                .satisfies(problem -> assertThat(problem.message()).startsWith("YAML syntax: expected ',' or ']'"))
                .extracting(ContractFiles.Problem::line)
                .isEqualTo(5);
    }

    private Path write(String name, String text) throws IOException {
        Path file = directory.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
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
        assertThatThrownBy(() -> ContractFiles.read(directory))
                .isInstanceOf(InvalidContractFilesException.class)
                .hasMessageContaining("b.yaml:8: schema file")
                .hasMessageContaining("does not exist");
    }
}
