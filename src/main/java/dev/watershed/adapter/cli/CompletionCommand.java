package dev.watershed.adapter.cli;

import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code watershed completion}: picocli's bash and zsh completion script for every command and option. */
@Command(
        name = "completion",
        description = "Print a bash/zsh completion script: source <(watershed completion), or append it to ~/.bashrc.")
final class CompletionCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine()
                .getOut()
                .print(AutoComplete.bash("watershed", spec.root().commandLine()));
        spec.commandLine().getOut().flush();
    }
}
