package dev.sluice.examples.cli;

import picocli.CommandLine.Option;

/** {@code -h, --help} on a sub-command: its usage, options and defaults on stdout, exit status 0. */
final class HelpOption {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;
}
