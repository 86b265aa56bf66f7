package dev.sluice.examples.cli;

import dev.sluice.core.plugin.PluginInfo;
import dev.sluice.core.plugin.PluginKind;
import dev.sluice.core.plugin.PluginRegistry;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code sluice plugins}: every provider found, with kind, id, priority, availability and jar. */
@Command(name = "plugins", description = "List every plugin found: kind, id, priority, available or why not, and "
        + "its jar; then where 'decoder: auto' sends each format.")
final class PluginsCommand implements Subcommand {

    @ParentCommand
    private SluiceCommand sluice;

    @Mixin
    private HelpOption help;

    @Override
    public Integer call() {
        Invocation invocation = sluice.invocation();
        PluginRegistry registry = invocation.plugins(false);
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"KIND", "ID", "PRIORITY", "STATUS", "FROM"});
        for (PluginInfo plugin : registry.plugins()) {
            rows.add(new String[] {plugin.kind().noun(), plugin.id(), Integer.toString(plugin.priority()),
                status(plugin),
                plugin.location()});
        }
        int[] widths = new int[4];
        for (String[] row : rows) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            invocation.out().printf("%-" + widths[0] + "s  %-" + widths[1] + "s  %" + widths[2] + "s  %-" + widths[3]
                    + "s  %s%n",
                    row[0], row[1], row[2], row[3], row[4]);
        }
        if (registry.plugins(PluginKind.DECODER).stream().anyMatch(p -> p.availability().available())) {
            invocation.out().println();
            invocation.out().println("decoder: auto sends " + registry.decoderRouting());
        }
        for (String failure : registry.loadFailures()) {
            invocation.out().println("failed to load: " + failure);
        }
        return Main.OK;
    }

    /** "available", with what the plugin runs where it says ("available: system libturbojpeg ..."), or why not. */
    private static String status(PluginInfo plugin) {
        if (!plugin.availability().available()) {
            return "unavailable: " + plugin.availability().reason();
        }
        String backend = plugin.provider().backend();
        return backend.isEmpty() ? "available" : "available: " + backend;
    }
}
