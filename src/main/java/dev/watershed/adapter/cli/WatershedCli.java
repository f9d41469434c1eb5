package dev.watershed.adapter.cli;

import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ScopeType;

/**
 * {@code watershed}: contracts as code for CI. Checks contract files against a registry, plans and applies them,
 * diffs and validates offline with the registry's own engines.
 */
@Command(
        name = "watershed",
        mixinStandardHelpOptions = true,
        // --help and --version on every command, not only on watershed itself.
        scope = ScopeType.INHERIT,
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
            FindingsCommand.class,
            InitCommand.class,
            CompletionCommand.class,
            CommandLine.HelpCommand.class
        },
        exitCodeOnInvalidInput = CliExit.ERROR,
        exitCodeOnExecutionException = CliExit.ERROR,
        footer = {
            "",
            "Exit codes: 0 passed; 1 failed (a breaking change, an impacted consumer,",
            "invalid data, a lint error, drift, skew, a finding at --fail-on); 2 usage,",
            "connection, registry or file errors. Defaults come from .watershed.yaml in",
            "this directory or above it (see watershed init)."
        })
public final class WatershedCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final CliSettings settings;

    /** The CLI as run from the working directory, with the process' environment. */
    public WatershedCli() {
        this(Path.of(""), System.getenv());
    }

    /** The CLI as run from {@code directory} with {@code environment}: where .watershed.yaml is looked for. */
    WatershedCli(Path directory, Map<String, String> environment) {
        this.settings = CliSettings.find(directory, environment);
    }

    public static void main(String[] args) {
        // Avro logs through SLF4J; without a provider SLF4J would warn on stderr at every run.
        System.setProperty("slf4j.internal.verbosity", "ERROR");
        System.exit(commandLine(Path.of(""), System.getenv()).execute(args));
    }

    /** The command line with its defaults from the environment and .watershed.yaml. */
    static CommandLine commandLine(Path directory, Map<String, String> environment) {
        WatershedCli cli = new WatershedCli(directory, environment);
        CommandLine commandLine = new CommandLine(cli);
        commandLine.setDefaultValueProvider(new SettingsDefaults(cli.settings, environment));
        return commandLine;
    }

    CliSettings settings() {
        return settings;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }

    /** The version from the jar's manifest; "development" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {

        @Override
        public String[] getVersion() {
            return new String[] {"watershed " + RegistryClient.version()};
        }
    }
}
