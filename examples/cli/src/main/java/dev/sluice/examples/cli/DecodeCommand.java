package dev.sluice.examples.cli;

import dev.sluice.api.ColorMode;
import dev.sluice.api.DecodeException;
import dev.sluice.api.DecodeOptions;
import dev.sluice.api.Image;
import dev.sluice.api.ImageDecoder;
import dev.sluice.api.Options;
import dev.sluice.api.Region;
import dev.sluice.core.plugin.PluginRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code sluice decode FILE... [--backend ID] [--mode M] [--reduce N] [--roi x,y,w,h] [--out DIR]}:
 * one line per file, {@code ok FILE WxHxC} or {@code error FILE: reason}, and with {@code --out}
 * a uint8 H x W x C {@code .npy} file per image, named after it ({@code photo.jpg} gives
 * {@code DIR/photo.npy}). Exit status 1 if any file failed.
 */
@Command(name = "decode", description = {"Decode image files with a backend: 'ok FILE WxHxC' or 'error FILE: reason' "
        + "per file; with --out, DIR/<name>.npy (uint8 H x W x C) for each success.",
    "Exit status 1 if any file failed."})
final class DecodeCommand implements Subcommand {

    @ParentCommand
    private SluiceCommand sluice;

    @Mixin
    private HelpOption help;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "The image files to decode.")
    private List<String> files;

    @Option(names = "--backend", paramLabel = "ID", defaultValue = PluginRegistry.AUTO,
            description = "The decoder's id, as 'sluice plugins' lists them (default: ${DEFAULT-VALUE}).")
    private String backend;

    @Option(names = "--mode", paramLabel = "M", defaultValue = "rgb",
            description = "rgb, gray or unchanged (default: ${DEFAULT-VALUE}).")
    private String mode;

    @Option(names = "--reduce", paramLabel = "N", defaultValue = "1",
            description = "Decode at 1/N of the size: 1, 2, 4 or 8 (default: ${DEFAULT-VALUE}).")
    private int reduce;

    @Option(names = "--roi", paramLabel = "x,y,w,h",
            description = "Decode only this region, in pixels of the original image (default: the whole image).")
    private String roi;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR",
            description = "Write DIR/<name>.npy for each image decoded (default: write nothing).")
    private Path out;

    @Override
    public String heapNeededFor() {
        return "decoding this image (try --reduce 2, 4 or 8, or --roi)";
    }

    @Override
    public Integer call() throws IOException {
        Invocation invocation = sluice.invocation();
        if (reduce != 1 && reduce != 2 && reduce != 4 && reduce != 8) {
            throw new UsageException("--reduce must be 1, 2, 4 or 8, was " + reduce);
        }
        DecodeOptions options = DecodeOptions.DEFAULT.withMode(mode(mode)).withReduce(reduce).withRegion(region(roi));
        Path folder = out != null ? Invocation.outputFolder(out, "--out") : null;
        Map<Path, String> outputs = outputs(files, folder);
        ImageDecoder decoder = invocation.plugins().decoder(backend, Options.empty(), "--backend");
        if (folder != null) {
            Invocation.createFolder(folder, "--out");
        }
        int failed = 0;
        for (String name : files) {
            Path file = Invocation.path(name, "FILE");
            Image image;
            try {
                image = decoder.decode(file, options);
            } catch (DecodeException e) {
                invocation.out().println("error " + name + ": " + e.reason());
                failed++;
                continue;
            }
            invocation.out().println("ok " + name + " " + image.width() + "x" + image.height() + "x" + image.channels());
            if (folder != null) {
                NpyFiles.write(folder.resolve(outputs.get(file)), image);
            }
        }
        return failed == 0 ? Main.OK : Main.FAILED;
    }

    /** The {@code .npy} name of each file; refuses two files that would write the same one. */
    private static Map<Path, String> outputs(List<String> files, Path folder) {
        Map<Path, String> names = new HashMap<>();
        Map<String, String> taken = new HashMap<>();
        for (String name : files) {
            Path file = Invocation.path(name, "FILE");
            Path fileName = file.getFileName();
            String base = fileName == null ? "image" : fileName.toString();
            int dot = base.lastIndexOf('.');
            String npy = (dot > 0 ? base.substring(0, dot) : base) + ".npy";
            String earlier = taken.putIfAbsent(npy, name);
            if (folder != null && earlier != null && !earlier.equals(name)) {
                throw new UsageException("--out: " + earlier + " and " + name + " would both be written to "
                        + folder.resolve(npy));
            }
            names.put(file, npy);
        }
        return names;
    }

    private static ColorMode mode(String text) {
        try {
            return ColorMode.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--mode must be rgb, gray or unchanged, was '" + text + "'", e);
        }
    }

    private static Region region(String text) {
        if (text == null) {
            return null;
        }
        String[] parts = text.split(",", -1);
        if (parts.length != 4) {
            throw new UsageException("--roi must be x,y,w,h in pixels of the original image, was '" + text + "'");
        }
        int[] values = new int[4];
        for (int i = 0; i < 4; i++) {
            try {
                values[i] = Integer.parseInt(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new UsageException("--roi must be x,y,w,h in whole pixels, was '" + text + "'", e);
            }
        }
        try {
            return new Region(values[0], values[1], values[2], values[3]);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--roi " + text + ": " + e.getMessage(), e);
        }
    }
}
