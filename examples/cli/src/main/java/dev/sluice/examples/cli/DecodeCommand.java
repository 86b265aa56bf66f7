package dev.sluice.examples.cli;

import dev.sluice.api.ColorMode;
import dev.sluice.api.DecodeException;
import dev.sluice.api.DecodeOptions;
import dev.sluice.api.Image;
import dev.sluice.api.ImageDecoder;
import dev.sluice.api.Options;
import dev.sluice.api.Region;
import dev.sluice.api.spi.ImageDecoderProvider;
import dev.sluice.core.plugin.CheckedDecoder;
import dev.sluice.core.plugin.PluginKind;
import dev.sluice.core.plugin.PluginRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code sluice decode FILE... [--backend ID] [--mode M] [--reduce N] [--roi x,y,w,h] [--out DIR]}:
 * one line per file, {@code ok FILE WxHxC} or {@code error FILE: reason}, and with {@code --out}
 * a uint8 H x W x C {@code .npy} file per image, named after it ({@code photo.jpg} gives
 * {@code DIR/photo.npy}). Exit status 1 if any file failed.
 */
final class DecodeCommand implements Command {

    @Override
    public String name() {
        return "decode";
    }

    @Override
    public String synopsis() {
        return "decode FILE... [--backend ID] [--mode M] [--reduce N] [--roi x,y,w,h] [--out DIR]";
    }

    @Override
    public String summary() {
        return "decode image files with a backend (default auto); --out writes DIR/<name>.npy (uint8 HxWxC)";
    }

    @Override
    public Set<String> options() {
        return Set.of("backend", "mode", "reduce", "roi", "out");
    }

    @Override
    public String heapNeededFor() {
        return "decoding this image (try --reduce 2, 4 or 8, or --roi)";
    }

    @Override
    public int run(Invocation invocation) throws IOException {
        Arguments arguments = invocation.arguments();
        List<String> files = arguments.positionals();
        if (files.isEmpty()) {
            throw new UsageException("sluice decode needs at least one FILE");
        }
        int reduce = (int) arguments.number("reduce", 1, 1, 8);
        if (reduce != 1 && reduce != 2 && reduce != 4 && reduce != 8) {
            throw new UsageException("--reduce must be 1, 2, 4 or 8, was " + reduce);
        }
        DecodeOptions options = DecodeOptions.DEFAULT.withMode(mode(arguments.option("mode"))).withReduce(reduce)
                .withRegion(region(arguments.option("roi")));
        Path folder = arguments.has("out") ? Invocation.outputFolder(arguments.option("out"), "--out") : null;
        Map<Path, String> outputs = outputs(files, folder);
        String backend = arguments.option("backend") == null ? PluginRegistry.AUTO : arguments.option("backend");
        ImageDecoderProvider provider = invocation.plugins().require(PluginKind.DECODER, ImageDecoderProvider.class,
                backend, "--backend");
        ImageDecoder decoder = CheckedDecoder.of(provider, provider.create(Options.empty()));
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
        if (text == null) {
            return ColorMode.RGB;
        }
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
