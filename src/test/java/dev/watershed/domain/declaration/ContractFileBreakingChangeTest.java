package dev.watershed.domain.declaration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.watershed.application.contract.BreakingChange;
import dev.watershed.application.contract.BreakingChangeReader;
import dev.watershed.domain.compatibility.DifferenceKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code contract.breakingChange} in a contract file: the format accepts it, and it reads as a publish sends it. */
class ContractFileBreakingChangeTest {

    @TempDir
    Path directory;

    private static final String HEAD = """
            name: a
            kind: SOURCE
            owner: team-a
            contract:
              format: JSON_SCHEMA
              schema: {type: object, properties: {amount: {type: string}}}
            """;

    @Test
    void aBreakingChangeAcknowledgementIsPartOfTheFormat() throws IOException {
        Files.writeString(directory.resolve("a.yaml"), HEAD + """
                  breakingChange:
                    version: 2.0.0
                    accepts:
                      - /plan
                      - {path: /amount, kind: TYPE_CHANGED}
                    migration: amount is now a decimal string
                    retireOldMajorBy: 2027-03-01
                """);

        ContractFiles.AssetFile file = ContractFiles.read(directory).assets().get(0);
        BreakingChange change =
                BreakingChangeReader.read(file.declaration().path("contract").path("breakingChange"));

        assertThat(change.version()).isEqualTo("2.0.0");
        assertThat(change.accepts())
                .containsExactly(
                        new BreakingChange.Acceptance("/plan", null),
                        new BreakingChange.Acceptance("/amount", DifferenceKind.TYPE_CHANGED));
        assertThat(change.migration()).isEqualTo("amount is now a decimal string");
        assertThat(change.retireOldMajorBy()).isEqualTo(LocalDate.of(2027, 3, 1));
    }

    @Test
    void anAcknowledgementWithoutMigrationOrWithAMinorVersionIsRefusedAtItsLine() throws IOException {
        Files.writeString(directory.resolve("a.yaml"), HEAD + """
                  breakingChange:
                    version: 2.1.0
                    accepts: [/plan]
                """);

        assertThatThrownBy(() -> ContractFiles.read(directory))
                .isInstanceOf(InvalidContractFilesException.class)
                .hasMessageContaining("a.yaml:7")
                .hasMessageContaining("migration");
    }

    @Test
    void noAcknowledgementReadsAsNone() throws IOException {
        Files.writeString(directory.resolve("a.yaml"), HEAD);

        ContractFiles.AssetFile file = ContractFiles.read(directory).assets().get(0);

        assertThat(BreakingChangeReader.read(file.declaration().path("contract").path("breakingChange")))
                .isNull();
    }
}
