package dev.watershed.adapter.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * A command that builds a {@link Report} and writes it. Anything that keeps it from judging (a
 * {@link CliException}) is printed to stderr with exit code 2, so every command ends in 0, 1 or 2.
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

    abstract Report report();

    @Override
    public final Integer call() {
        Report report;
        try {
            report = report();
        } catch (CliException e) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("watershed " + spec.name() + ": " + e.getMessage());
            err.flush();
            return CliExit.ERROR;
        }
        ReportWriter.write(report, format, spec.commandLine().getOut());
        return report.exitCode();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
