package dev.watershed.adapter.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * A command that builds a {@link Report} and writes it: to standard output in {@code --format}, and to every file
 * of {@code --report} (and of {@code reports} in {@code .watershed.yaml}), so that one run in CI leaves every report
 * behind whatever its verdict. Anything that keeps it from judging (a {@link CliException}) is printed to stderr
 * and written to those files as the run's one error, with exit code 2, so every command ends in 0, 1 or 2.
 */
abstract class ReportingCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            defaultValue = "text",
            description = "Output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    OutputFormat format;

    @Option(
            names = "--report",
            paramLabel = "FORMAT=FILE",
            description = "Also write the report in FORMAT to FILE, e.g. --report junit=check.xml --report"
                    + " markdown=check.md; repeatable. Written before the command exits, whatever its verdict.")
    Map<OutputFormat, Path> reports = new EnumMap<>(OutputFormat.class);

    abstract Report report();

    @Override
    public final Integer call() {
        Report report;
        try {
            settings().requireUsable();
            report = report();
        } catch (CliException e) {
            PrintWriter err = spec.commandLine().getErr();
            err.println(spec.qualifiedName() + ": " + e.getMessage());
            err.flush();
            writeReports(new Report(spec.name(), List.of(Report.Item.error(spec.name(), null, 0, e.getMessage())), ""));
            return CliExit.ERROR;
        }
        ReportWriter.write(report, format, spec.commandLine().getOut());
        if (!writeReports(report)) {
            return CliExit.ERROR;
        }
        return report.exitCode();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** The settings of the repository the command runs in. */
    CliSettings settings() {
        return spec.root().userObject() instanceof WatershedCli cli ? cli.settings() : CliSettings.none();
    }

    /**
     * The contract files to read: those on the command line, else those {@code .watershed.yaml} names, else the
     * parameter's default ({@code contracts}).
     */
    List<Path> contractPaths(List<Path> given) {
        var parsed = spec.commandLine().getParseResult();
        boolean named = parsed != null && parsed.hasMatchedPositional(0);
        return named || settings().contracts().isEmpty() ? given : settings().contracts();
    }

    /** Writes every requested report; false (with the reason on stderr) when one could not be written. */
    private boolean writeReports(Report report) {
        Map<OutputFormat, Path> files = new EnumMap<>(OutputFormat.class);
        settings()
                .reports()
                .forEach((kind, file) -> files.put(kind, Path.of(file.toString().replace("{command}", spec.name()))));
        files.putAll(reports);
        boolean written = true;
        for (Map.Entry<OutputFormat, Path> entry : files.entrySet()) {
            StringWriter text = new StringWriter();
            ReportWriter.write(report, entry.getKey(), new PrintWriter(text));
            Path file = entry.getValue();
            try {
                if (file.toAbsolutePath().getParent() != null) {
                    Files.createDirectories(file.toAbsolutePath().getParent());
                }
                Files.writeString(file, text.toString(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                err().println(spec.qualifiedName() + ": cannot write the " + entry.getKey() + " report to " + file
                        + ": " + e.getMessage());
                err().flush();
                written = false;
            }
        }
        return written;
    }
}
