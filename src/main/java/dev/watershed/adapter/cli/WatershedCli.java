package dev.watershed.adapter.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code watershed}: contracts as code for CI. Checks contract files against a registry, plans and applies them,
 * diffs and validates offline with the registry's own engines.
 */
@Command(
        name = "watershed",
        mixinStandardHelpOptions = true,
        versionProvider = WatershedCli.Version.class,
        description = "Contracts as code: check, plan and apply contract files; diff schemas; validate data; check"
                + " data for drift and skew and the estate for findings.",
        subcommands = {
            CheckCommand.class,
            PlanCommand.class,
            ApplyCommand.class,
            DiffCommand.class,
            ValidateCommand.class,
            LintCommand.class,
            RollbackCommand.class,
            DriftCommand.class,
            BaselineCommand.class,
            SkewCommand.class,
            FindingsCommand.class
        },
        exitCodeOnInvalidInput = CliExit.ERROR,
        exitCodeOnExecutionException = CliExit.ERROR,
        footer = {
            "",
            "Exit codes: 0 passed, 1 failed (breaking change, impacted consumer, invalid data, lint error,",
            "drift, skew, a finding at --fail-on), 2 usage, connection, registry or file errors."
        })
public final class WatershedCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        // Avro logs through SLF4J; without a provider SLF4J would warn on stderr at every run.
        System.setProperty("slf4j.internal.verbosity", "ERROR");
        System.exit(new CommandLine(new WatershedCli()).execute(args));
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }

    /** The version from the jar's manifest; "development" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {

        @Override
        public String[] getVersion() {
            String version = WatershedCli.class.getPackage().getImplementationVersion();
            return new String[] {"watershed " + (version == null ? "development" : version)};
        }
    }
}
