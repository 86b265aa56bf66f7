package dev.sluice.core.wiring;

import dev.sluice.api.Dataset;
import dev.sluice.api.EncodeException;
import dev.sluice.api.EncodeOptions;
import dev.sluice.api.Image;
import dev.sluice.api.ImageEncoder;
import dev.sluice.api.spi.MessageValues;
import dev.sluice.api.spi.RegularFiles;
import dev.sluice.core.dataset.ImageRoot;
import dev.sluice.core.dataset.SampleLoadException;
import dev.sluice.core.dataset.SampleRecipe;
import dev.sluice.core.label.LabelIndex;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * A range of the entries of a label index as the bytes a shard stores: the image file as it is, or,
 * when re-encoding, read through the {@link SampleRecipe} (decoded, optionally resized) and encoded
 * as JPEG. Sample {@code i} is entry
 * {@code first + i}. Safe for concurrent reads, so that a loader's workers prepare samples in
 * parallel.
 */
final class ExportedSamples implements Dataset<ExportedSamples.Sample> {
    /**
     * One sample ready for a shard.
     *
     * @param extension the image member's extension
     * @param image the encoded image
     * @param labels the entry's labels
     */
    record Sample(String extension, byte[] image, long[] labels) {
    }

    private final LabelIndex index;
    private final ImageRoot root;
    private final SampleRecipe<Image> recipe;
    private final ImageEncoder encoder;
    private final EncodeOptions encodeOptions;
    private final long first;
    private final long count;

    /**
     * @param recipe decodes and resizes each image to re-encode; null, as {@code encoder}, to store
     *        every image file as it is
     * @param first the first entry
     * @param count the number of entries from {@code first}
     */
    ExportedSamples(LabelIndex index, ImageRoot root, SampleRecipe<Image> recipe, ImageEncoder encoder,
            EncodeOptions encodeOptions, long first, long count) {
        this.index = index;
        this.first = first;
        this.count = count;
        this.root = root;
        this.recipe = recipe;
        this.encoder = encoder;
        this.encodeOptions = encodeOptions;
    }

    @Override
    public Sample get(long i) {
        throw new UnsupportedOperationException("the export reads samples through a loader, with a random source");
    }

    @Override
    public Sample get(long position, RandomGenerator random) {
        long i = entry(position);
        Path file = root.file(i, index.path(i));
        Path readable = root.readable(i, file);
        long[] labels = index.labels(i);
        if (encoder == null) {
            try {
                return new Sample(extension(file), RegularFiles.readAllBytes(readable), labels);
            } catch (NoSuchFileException e) {
                throw new SampleLoadException(i, file.toString(), "no such file", e);
            } catch (IOException e) {
                throw new SampleLoadException(i, file.toString(), "cannot be read: " + MessageValues.reason(e), e);
            }
        }
        SampleRecipe.Failure failure = (reason, cause) -> new SampleLoadException(i, file.toString(), reason, cause);
        Image image = recipe.transform(recipe.decode(readable, failure), random, failure);
        try {
            return new Sample("jpg", encoder.encode(image, encodeOptions), labels);
        } catch (EncodeException e) {
            throw new SampleLoadException(i, file.toString(), "cannot be encoded: " + e.getMessage(), e);
        }
    }

    /** The file's extension in lower case, or "img" when it has none (a shard member needs one). */
    private static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot <= 0 || dot == name.length() - 1 ? "img" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private long entry(long position) {
        if (position < 0 || position >= count) {
            throw new IndexOutOfBoundsException("index " + position + " is outside a dataset of size " + count);
        }
        return first + position;
    }

    @Override
    public long size() {
        return count;
    }

    @Override
    public Optional<String> describe(long position) {
        return Optional.of(root.path().resolve(index.path(entry(position))).toString());
    }
}
