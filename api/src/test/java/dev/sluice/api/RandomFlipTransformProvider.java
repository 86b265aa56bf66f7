package dev.sluice.api;

import dev.sluice.api.spi.AbstractPluginProvider;
import dev.sluice.api.spi.TransformProvider;
import java.util.Set;

/**
 * A test fixture: {@code test-random-flip}, which mirrors an image left to right with probability
 * {@code p} (option, default 0.5), drawing one double from its random source per call, so that the
 * api's own build runs {@code TransformContract} against a random transform. Public only because
 * {@link java.util.ServiceLoader} needs it so.
 */
public final class RandomFlipTransformProvider extends AbstractPluginProvider implements TransformProvider {

    /** Constructs the provider; does nothing else. */
    public RandomFlipTransformProvider() {
        super("test-random-flip", 0);
    }

    /**
     * The flipping transform, {@code Transform<Image, Image>}.
     *
     * @throws OptionsException naming the key path if an option is unknown or {@code p} is not in [0, 1]
     */
    @Override
    public Transform<Image, Image> create(Options options) {
        options.requireOnly(Set.of("p"));
        double p = options.getDouble("p", 0.5);
        if (!(p >= 0 && p <= 1)) {
            throw new OptionsException(options.keyPath("p"), "must be in [0, 1], was " + p);
        }
        return (image, random) -> random.nextDouble() < p ? mirror(image) : image;
    }

    private static Image mirror(Image image) {
        int channels = image.channels();
        byte[] in = image.toArray();
        byte[] out = new byte[in.length];
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) {
                int from = (y * image.width() + x) * channels;
                int to = (y * image.width() + image.width() - 1 - x) * channels;
                System.arraycopy(in, from, out, to, channels);
            }
        }
        return Image.wrap(image.width(), image.height(), channels, out);
    }
}
