package dev.watershed.adapter.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

/** One run of the CLI in-process, as {@code main} runs it, with what it printed. */
record CliRun(int exitCode, String out, String err) {

    /** From the working directory, with no environment: tests pass the registry and token as options. */
    static CliRun of(String... args) {
        return in(Path.of(""), Map.of(), args);
    }

    /** From {@code directory} (where .watershed.yaml is looked for) with {@code environment}. */
    static CliRun in(Path directory, Map<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = WatershedCli.commandLine(directory, environment)
                .setOut(new PrintWriter(out))
                .setErr(new PrintWriter(err))
                .execute(args);
        return new CliRun(exitCode, out.toString(), err.toString());
    }
}
