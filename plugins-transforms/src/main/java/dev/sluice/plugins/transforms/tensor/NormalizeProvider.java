package dev.sluice.plugins.transforms.tensor;

import dev.sluice.api.Options;
import dev.sluice.api.OptionsException;
import dev.sluice.api.spi.TransformProvider;
import dev.sluice.plugins.transforms.SharedOptions;
import java.util.Set;

/**
 * {@code normalize}: the configuration's name for {@link Normalize}, whose javadoc lists the options
 * (torchvision's parameter names, in snake case) and their defaults. It parses the options and builds
 * the same object the Java form builds, so both give the same pixels.
 */
public final class NormalizeProvider implements TransformProvider {

    /** Constructs the provider; does nothing else. */
    public NormalizeProvider() {
    }

    /** {@code "normalize"}. */
    @Override
    public String id() {
        return "normalize";
    }

    /** 0: transforms are chosen by id, never by priority. */
    @Override
    public int priority() {
        return 0;
    }

    /**
     * A {@code Transform<Tensor, Tensor>}, safe for concurrent use, that never draws from its random
     * source. It throws {@link IllegalArgumentException} for a tensor that is not float32, has fewer
     * than 3 dimensions, or whose channel count differs from the number of means or stds given (unless
     * that number is 1, which serves every channel, as torchvision broadcasts it). When the channel
     * count is known when the pipeline is built ({@code decoder.mode} rgb or gray), its
     * {@code outputChannels} refuses a count that does not fit there, naming {@code mean} or {@code std}.
     *
     * @throws OptionsException naming the key path when an option is unknown, {@code mean} or
     *         {@code std} is missing, or a std is 0
     */
    @Override
    public Normalize create(Options options) {
        options.requireOnly(Set.of("mean", "std", "inplace"));
        options.getBoolean("inplace", false);
        double[] mean = required(options, "mean");
        double[] std = required(options, "std");
        return SharedOptions.checkedAt(options, "std",
                () -> new Normalize(mean, std, options.keyPath("mean"), options.keyPath("std")));
    }

    private static double[] required(Options options, String key) {
        double[] values = options.getDoubles(key, null);
        if (values == null || values.length == 0) {
            throw new OptionsException(options.keyPath(key), "required option is missing");
        }
        return values;
    }
}
