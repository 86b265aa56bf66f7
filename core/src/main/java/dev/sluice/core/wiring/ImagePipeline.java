package dev.sluice.core.wiring;

import dev.sluice.api.DecodeOptions;
import dev.sluice.api.Image;
import dev.sluice.api.ImageDecoder;
import dev.sluice.api.Transform;
import dev.sluice.core.dataset.ErrorPolicy;
import dev.sluice.core.dataset.SampleRandom;
import dev.sluice.core.dataset.SampleRecipe;
import dev.sluice.core.plugin.PluginRegistry;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * A configuration's decoder and transforms, without a dataset or a loader: encoded image bytes in,
 * the transformed sample out (usually a {@link dev.sluice.api.Tensor}, or an {@link Image} when no
 * transform converts it). For running the same pipeline where a loader does not, such as in the
 * executors of a Spark job. The configuration may have no {@code dataset} section.
 *
 * <pre>{@code
 * ImagePipeline pipeline = ImagePipeline.fromConfig(SluiceConfig.load(path), PluginRegistry.discover(loader));
 * Object tensor = pipeline.apply("cat-0042", ByteBuffer.wrap(jpegBytes),
 *         (reason, cause) -> new IllegalArgumentException("cat-0042: " + reason, cause));
 * }</pre>
 *
 * <p>Each sample is read through the {@link SampleRecipe}, as a dataset's are, with its random
 * source keyed by the seed and the sample's key ({@link SampleRandom#byKey}).
 *
 * <p>Safe for concurrent use, as the decoder and transforms it holds are.
 */
public final class ImagePipeline {
    private final SampleRecipe<Object> recipe;
    private final long seed;
    private final ErrorPolicy onError;

    private ImagePipeline(SampleRecipe<Object> recipe, long seed, ErrorPolicy onError) {
        this.recipe = recipe;
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
        return new ImagePipeline(new SampleRecipe<>(assembly.decoder(), assembly.decodeOptions(pipeline), pipeline),
                config.loader().seed(), config.loader().onError());
    }

    /**
     * The sample known by {@code key}: {@code encoded} decoded and transformed, its random source
     * {@link SampleRandom#byKey SampleRandom.byKey(seed(), key)}.
     *
     * @param key what names the sample, such as a row's key; also what its random source is keyed by
     * @param encoded the image file's bytes, from position to limit; not modified
     * @param failure makes the exception thrown when the bytes do not decode or the transforms fail,
     *        from the reason and the cause ({@link SampleRecipe.Failure})
     * @return the transformed sample, never null
     * @throws RuntimeException {@code failure}'s
     */
    public Object apply(String key, ByteBuffer encoded, SampleRecipe.Failure failure) {
        return recipe.transform(recipe.decode(encoded, failure), SampleRandom.byKey(seed, key), failure);
    }

    /** The configured decoder. */
    public ImageDecoder decoder() {
        return recipe.decoder();
    }

    /**
     * The configured decode options; under {@code decoder.reduce: auto} they carry the transforms'
     * {@link dev.sluice.api.ReduceLimit}.
     */
    public DecodeOptions decodeOptions() {
        return recipe.decodeOptions();
    }

    /** The configured transforms, chained. */
    public Transform<Image, Object> transform() {
        return recipe.transform();
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
