package dev.watershed.adapter.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.watershed.domain.WatershedException;
import dev.watershed.domain.compatibility.CompatibilityChecker;
import dev.watershed.domain.compatibility.CompatibilityVerdict;
import dev.watershed.domain.compatibility.Difference;
import dev.watershed.domain.contract.CompatibilityMode;
import dev.watershed.domain.contract.ParsedSchema;
import dev.watershed.domain.contract.SchemaFormat;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Offline: the differences between two schema files, by the registry's own engine ({@link CompatibilityChecker}). */
@Command(
        name = "diff",
        description = "Offline: compare two schema files (.json JSON Schema, .avsc Avro) with the"
                + " registry's difference engine. Exit 1 when NEW is incompatible with OLD under the mode.")
final class DiffCommand extends ReportingCommand {

    @Parameters(index = "0", paramLabel = "OLD", description = "The current schema")
    Path oldFile;

    @Parameters(index = "1", paramLabel = "NEW", description = "The proposed schema")
    Path newFile;

    @Option(
            names = "--mode",
            defaultValue = "BACKWARD",
            paramLabel = "MODE",
            description = "Compatibility mode: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    CompatibilityMode mode;

    @Option(names = "--strict", description = "JSON Schema: read open content models literally")
    boolean strict;

    @Option(
            names = "--schema-format",
            paramLabel = "FORMAT",
            description = "Schema language when the extension does not say: ${COMPLETION-CANDIDATES}")
    SchemaFormat schemaFormat;

    @Override
    Report report() {
        SchemaFormat format = SchemaFiles.formatOf(newFile, schemaFormat);
        if (schemaFormat == null && SchemaFiles.formatOf(oldFile, null) != format) {
            throw new CliException(oldFile + " and " + newFile + " are in different schema languages");
        }
        ParsedSchema older = SchemaFiles.read(oldFile, format);
        ParsedSchema newer = SchemaFiles.read(newFile, format);
        CompatibilityVerdict verdict;
        try {
            verdict = new CompatibilityChecker()
                    .check(format, mode, strict, newer.comparable(), List.of(older.comparable()));
        } catch (WatershedException e) {
            throw new CliException(e.getMessage(), e);
        }
        List<String> details = new ArrayList<>();
        ObjectNode data = Declarations.JSON.createObjectNode();
        data.put("compatible", verdict.compatible())
                .put("mode", mode.name())
                .put("bump", verdict.requiredBump().map(Enum::name).orElse(null));
        ArrayNode differences = data.putArray("differences");
        for (Difference difference : verdict.differences()) {
            ObjectNode node = differences
                    .addObject()
                    .put("kind", difference.kind().name())
                    .put("path", difference.path())
                    .put("message", difference.message())
                    .put("breaksBackward", difference.breaksBackward())
                    .put("breaksForward", difference.breaksForward());
            details.add(Differences.describe(node));
        }
        String name = ReportWriter.display(oldFile) + " -> " + ReportWriter.display(newFile);
        String bump = verdict.requiredBump().map(b -> "needs a " + b + " bump").orElse("equivalent schemas");
        if (verdict.compatible()) {
            return new Report.Builder("diff")
                    .add(Report.Item.passed(
                            name,
                            newFile,
                            1,
                            "compatible under " + mode + ", "
                                    + verdict.differences().size() + " differences, " + bump,
                            details,
                            data))
                    .build();
        }
        int breaking = verdict.breakingDifferences().size();
        return new Report.Builder("diff")
                .add(Report.Item.failed(
                        name,
                        newFile,
                        1,
                        "incompatible under " + mode + ": " + breaking + " breaking difference"
                                + (breaking == 1 ? "" : "s") + ", " + bump,
                        details,
                        data))
                .build();
    }
}
