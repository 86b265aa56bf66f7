package dev.sluice.examples.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/**
 * {@code sluice completion}: prints the bash (and zsh) completion script that picocli generates
 * from the commands and options, for {@code source <(sluice completion)}.
 */
@Command(name = "completion", description = {"Print the bash/zsh completion script for sluice: every command and "
        + "option. Load it with: source <(sluice completion)"})
final class CompletionCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private HelpOption help;

    @Override
    public Integer call() {
        CommandSpec root = spec.root();
        root.commandLine().getOut().print(AutoComplete.bash(root.name(), root.commandLine()));
        root.commandLine().getOut().flush();
        return Main.OK;
    }
}
