package dev.sluice.core.wiring;

import dev.sluice.api.DecodeException;
import dev.sluice.api.DecodeOptions;
import dev.sluice.api.Image;
import dev.sluice.api.ImageDecoder;
import dev.sluice.api.Transform;
import dev.sluice.core.dataset.ErrorPolicy;
import dev.sluice.core.plugin.PluginRegistry;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * A configuration's decoder and transforms, without a dataset or a loader: encoded image bytes in,
 * the transformed sample out (usually a {@link dev.sluice.api.Tensor}, or an {@link Image} when no
 * transform converts it). For running the same pipeline where a loader does not, such as in the
 * executors of a Spark job. The configuration may have no {@code dataset} section.
 *
 * <pre>{@code
 * ImagePipeline pipeline = ImagePipeline.fromConfig(SluiceConfig.load(path), PluginRegistry.discover(loader));
 * Object tensor = pipeline.apply(ByteBuffer.wrap(jpegBytes), Seeds.random(pipeline.seed(), 42));
 * }</pre>
 *
 * <p>Safe for concurrent use, as the decoder and transforms it holds are.
 */
public final class ImagePipeline {
    private final ImageDecoder decoder;
    private final DecodeOptions decodeOptions;
    private final Transform<Image, Object> transform;
    private final long seed;
    private final ErrorPolicy onError;

    private ImagePipeline(ImageDecoder decoder, DecodeOptions decodeOptions, Transform<Image, Object> transform,
            long seed, ErrorPolicy onError) {
        this.decoder = decoder;
        this.decodeOptions = decodeOptions;
        this.transform = transform;
        this.seed = seed;
        this.onError = onError;
    }

    /**
     * Builds the pipeline {@code config} describes with the given plugins.
     *
     * @throws ConfigException for a wrong decoder or transform setting, naming file, key and line
     * @throws dev.sluice.core.plugin.PluginException when a named plugin is missing or unavailable
     */
    public static ImagePipeline fromConfig(SluiceConfig config, PluginRegistry plugins) {
        ConfiguredParts assembly = new ConfiguredParts(Objects.requireNonNull(config, "config"), Objects.requireNonNull(plugins,
                "plugins"));
        Transform<Image, Object> pipeline = assembly.pipeline();
        return new ImagePipeline(assembly.decoder(), assembly.decodeOptions(pipeline), pipeline,
                config.loader().seed(), config.loader().onError());
    }

    /**
     * Decodes {@code encoded} and applies the transforms.
     *
     * @param encoded the image file's bytes, from position to limit; not modified
     * @param random the transforms' only source of randomness
     * @return the transformed sample, never null
     * @throws DecodeException if the bytes do not decode
     * @throws RuntimeException as a transform throws it; {@link NullPointerException} if one returns null
     */
    public Object apply(ByteBuffer encoded, RandomGenerator random) throws DecodeException {
        Object out = transform.apply(decoder.decode(encoded, decodeOptions), random);
        return Objects.requireNonNull(out, "the transform pipeline returned null");
    }

    /** The configured decoder. */
    public ImageDecoder decoder() {
        return decoder;
    }

    /**
     * The configured decode options; under {@code decoder.reduce: auto} they carry the transforms'
     * {@link dev.sluice.api.ReduceLimit}.
     */
    public DecodeOptions decodeOptions() {
        return decodeOptions;
    }

    /** The configured transforms, chained. */
    public Transform<Image, Object> transform() {
        return transform;
    }

    /** The configured seed ({@code loader.seed}), for deriving each sample's random source. */
    public long seed() {
        return seed;
    }

    /** The configured error policy ({@code loader.on_error}), for whoever runs the pipeline over many samples. */
    public ErrorPolicy onError() {
        return onError;
    }
}
