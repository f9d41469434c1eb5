package dev.watershed.adapter.cli;

import java.io.PrintWriter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Where the registry is and how to authenticate, shared by every command that talks to it. */
final class RegistryOptions {

    /** The command this is mixed into, whose stderr takes the CLI's warnings. */
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(
            names = "--registry",
            paramLabel = "URL",
            defaultValue = "http://localhost:8080",
            description = "Registry URL (env WATERSHED_URL, then `registry` in .watershed.yaml; default:"
                    + " ${DEFAULT-VALUE})")
    String registry;

    @Option(
            names = "--token",
            paramLabel = "TOKEN",
            description = "API token for changes (env WATERSHED_TOKEN, or the variable `tokenEnv` in .watershed.yaml"
                    + " names)")
    String token;

    RegistryClient client() {
        PrintWriter warnings = command == null
                ? new PrintWriter(System.err, true)
                : command.commandLine().getErr();
        return new RegistryClient(registry, token, warnings);
    }
}
