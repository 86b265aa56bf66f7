package dev.sluice.core.shard;

import dev.sluice.api.DecodeOptions;
import dev.sluice.api.Image;
import dev.sluice.api.ImageDecoder;
import dev.sluice.api.LabelFormat;
import dev.sluice.api.Transform;
import dev.sluice.core.dataset.ErrorPolicy;
import dev.sluice.core.sampler.Rank;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Configures a {@link ShardDataset}. Not thread-safe; each method returns a builder to chain (the
 * same one, except {@link #transform}, which changes the sample type).
 *
 * @param <T> the type the transform produces
 */
public final class ShardDatasetBuilder<T> {
    /** The most samples a shuffle buffer holds: each holds its encoded members in memory. */
    public static final int MAX_SHUFFLE_BUFFER = 1 << 20;

    // Read by ShardDataset's constructor.
    final List<Path> shards;
    ImageDecoder decoder;
    final Transform<Image, T> transform;
    DecodeOptions decodeOptions = DecodeOptions.DEFAULT;
    List<String> imageExtensions = ShardDataset.IMAGE_EXTENSIONS;
    /** The member holding the labels; null for samples without labels, or before the caller said. */
    String labelExtension;
    /** Reads the label member; null until {@link #labels} is called. */
    LabelFormat labelFormat;
    /** Whether the caller said where the labels come from ({@link #labels} or {@link #noLabels}). */
    boolean labelsChosen;
    long seed;
    boolean shuffle;
    int shuffleBuffer = 1000;
    Rank rank = Rank.SINGLE;
    ErrorPolicy onError = ErrorPolicy.RAISE;

    ShardDatasetBuilder(List<Path> shards, ImageDecoder decoder, Transform<Image, T> transform) {
        this.shards = shards;
        this.decoder = decoder;
        this.transform = transform;
    }

    private <U> ShardDatasetBuilder<U> copyWith(Transform<Image, U> newTransform) {
        ShardDatasetBuilder<U> copy = new ShardDatasetBuilder<>(shards, decoder, newTransform);
        copy.decodeOptions = decodeOptions;
        copy.imageExtensions = imageExtensions;
        copy.labelExtension = labelExtension;
        copy.labelFormat = labelFormat;
        copy.labelsChosen = labelsChosen;
        copy.seed = seed;
        copy.shuffle = shuffle;
        copy.shuffleBuffer = shuffleBuffer;
        copy.rank = rank;
        copy.onError = onError;
        return copy;
    }

    /** The decoder of every image, replacing the one given before; it must be thread-safe. */
    public ShardDatasetBuilder<T> decoder(ImageDecoder newDecoder) {
        this.decoder = Objects.requireNonNull(newDecoder, "decoder");
        return this;
    }

    /** What the decoder produces; default {@link DecodeOptions#DEFAULT} (RGB, full size). */
    public ShardDatasetBuilder<T> decodeOptions(DecodeOptions options) {
        this.decodeOptions = Objects.requireNonNull(options, "decodeOptions");
        return this;
    }

    /**
     * The transform applied to each decoded image, replacing any given before; default none.
     *
     * @return a builder for datasets of the transform's output type, with this builder's other settings
     */
    public <U> ShardDatasetBuilder<U> transform(Transform<Image, U> newTransform) {
        return copyWith(Objects.requireNonNull(newTransform, "transform"));
    }

    /**
     * The extensions a sample's image member may have, in order of preference (case does not
     * matter); default {@link ShardDataset#IMAGE_EXTENSIONS}.
     *
     * @throws IllegalArgumentException if the list is empty or an extension is blank
     */
    public ShardDatasetBuilder<T> imageExtensions(List<String> extensions) {
        if (extensions.isEmpty()) {
            throw new IllegalArgumentException("imageExtensions must not be empty");
        }
        List<String> lower = new ArrayList<>();
        for (String extension : extensions) {
            lower.add(extension(extension, "an image extension"));
        }
        this.imageExtensions = List.copyOf(lower);
        return this;
    }

    /**
     * Where the labels come from: the member with {@code extension} (such as {@code "cls"} or
     * {@code "json"}), read by {@code format}'s {@link LabelFormat#readMember}. The format is the
     * caller's, usually asked from the plugin registry by id ({@code txt} for {@code .cls} text,
     * {@code json}). Either this or {@link #noLabels()} must be called before {@link #build()}.
     *
     * @throws IllegalArgumentException if the extension is blank
     */
    public ShardDatasetBuilder<T> labels(String extension, LabelFormat format) {
        this.labelExtension = extension(extension, "the label extension");
        this.labelFormat = Objects.requireNonNull(format, "format");
        this.labelsChosen = true;
        return this;
    }

    /** Samples have no labels (an empty label array each): for unlabelled data. */
    public ShardDatasetBuilder<T> noLabels() {
        this.labelExtension = null;
        this.labelFormat = null;
        this.labelsChosen = true;
        return this;
    }

    private static String extension(String extension, String what) {
        if (extension == null || extension.isBlank() || extension.startsWith(".")) {
            throw new IllegalArgumentException(what + " must not be blank or start with a dot, was '" + extension
                    + "'");
        }
        return extension.toLowerCase(Locale.ROOT);
    }

    /** The seed of the shard order, the shuffle buffers and the transforms' random sources; default 0. */
    public ShardDatasetBuilder<T> seed(long newSeed) {
        this.seed = newSeed;
        return this;
    }

    /** Whether each epoch shuffles the shard order and passes samples through the shuffle buffer; default false. */
    public ShardDatasetBuilder<T> shuffle(boolean newShuffle) {
        this.shuffle = newShuffle;
        return this;
    }

    /**
     * The shuffle buffer's capacity in samples, when shuffling; default 1000. Each worker holds up
     * to this many encoded samples in memory; 1 shuffles the shard order only.
     *
     * @throws IllegalArgumentException if {@code samples < 1}
     */
    public ShardDatasetBuilder<T> shuffleBuffer(int samples) {
        if (samples < 1 || samples > MAX_SHUFFLE_BUFFER) {
            throw new IllegalArgumentException("shuffleBuffer must be from 1 to " + MAX_SHUFFLE_BUFFER + " samples, was "
                    + samples);
        }
        this.shuffleBuffer = samples;
        return this;
    }

    /** Which rank of a distributed job this dataset reads for; default {@link Rank#SINGLE}. */
    public ShardDatasetBuilder<T> rank(Rank newRank) {
        this.rank = Objects.requireNonNull(newRank, "rank");
        return this;
    }

    /**
     * What a stream does when a sample fails (no image, a label that does not parse, an image
     * that does not decode, a transform that throws) or a shard is unreadable, truncated or
     * corrupt: {@link ErrorPolicy#RAISE} (the default) ends the worker's stream with the
     * {@link ShardException}; {@link ErrorPolicy#SKIP} passes over the sample or the rest of the
     * shard, logs it and counts it ({@link ShardDataset#skippedSamples()}, {@link ShardDataset#skippedShards()}).
     */
    public ShardDatasetBuilder<T> onError(ErrorPolicy policy) {
        this.onError = Objects.requireNonNull(policy, "onError");
        return this;
    }

    /**
     * The dataset.
     *
     * @throws IllegalStateException if neither {@link #labels} nor {@link #noLabels()} was called
     * @throws IllegalArgumentException if there are no shards, a shard is listed twice, or a
     *         shard is not a file (naming the first few)
     */
    public ShardDataset<T> build() {
        if (!labelsChosen) {
            throw new IllegalStateException("say where the labels come from: labels(\"cls\", format), with a label "
                    + "format from the plugin registry (such as txt), or noLabels()");
        }
        if (shards.isEmpty()) {
            throw new IllegalArgumentException("no shards to read");
        }
        Set<Path> seen = new HashSet<>();
        for (Path shard : shards) {
            if (!seen.add(shard.toAbsolutePath().normalize())) {
                throw new IllegalArgumentException(shard + " is listed twice; each shard must be read once an epoch");
            }
        }
        Shards.unreadable(shards, 5).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        return new ShardDataset<>(this, ShardList.of(shards));
    }
}
