package dev.sluice.core.shard;

import dev.sluice.api.DecodeException;
import dev.sluice.api.DecodeOptions;
import dev.sluice.api.Image;
import dev.sluice.api.ImageDecoder;
import dev.sluice.api.LabelFormat;
import dev.sluice.api.LabelSink;
import dev.sluice.api.Transform;
import dev.sluice.core.dataset.LabeledSample;
import dev.sluice.core.dataset.SampleRandom;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Turns a shard's sample into a {@link LabeledSample}: the first image member found (by the
 * configured extensions, in order) decoded and transformed, and the labels read from the label
 * member by the label format. The transform's random source derives from (seed, epoch, shard,
 * sample number in the shard), so a sample's augmentation depends neither on the number of ranks
 * or workers nor on the shuffle buffer. Thread-safe when the decoder, transform and format are.
 */
final class SampleDecoding<T> {
    private final ShardList shards;
    private final ImageDecoder decoder;
    private final DecodeOptions decodeOptions;
    private final Transform<Image, T> transform;
    private final List<String> imageExtensions;
    private final String labelExtension;
    private final LabelFormat labelFormat;
    private final long seed;

    /** @param labelExtension the member holding the labels, or null for samples without labels */
    SampleDecoding(ShardList shards, ImageDecoder decoder, DecodeOptions decodeOptions, Transform<Image, T> transform,
            List<String> imageExtensions, String labelExtension, LabelFormat labelFormat, long seed) {
        this.shards = shards;
        this.decoder = decoder;
        this.decodeOptions = decodeOptions;
        this.transform = transform;
        this.imageExtensions = imageExtensions;
        this.labelExtension = labelExtension;
        this.labelFormat = labelFormat;
        this.seed = seed;
    }

    /**
     * @throws ShardException naming shard and member when the image is missing or does not decode,
     *         the transform fails, or the labels are missing or unreadable
     */
    LabeledSample<T> decode(RawSample raw, long epoch) {
        String imageExtension = null;
        for (String extension : imageExtensions) {
            if (raw.members().containsKey(extension)) {
                imageExtension = extension;
                break;
            }
        }
        if (imageExtension == null) {
            throw fail(raw, raw.key(), "sample has no image member (it has " + String.join(", ", raw.members().keySet())
                    + "; an image is one of " + String.join(", ", imageExtensions) + ")", null);
        }
        String imageName = raw.key() + "." + imageExtension;
        Image image;
        try {
            image = decoder.decode(ByteBuffer.wrap(raw.members().get(imageExtension)), decodeOptions);
        } catch (DecodeException e) {
            throw fail(raw, imageName, "cannot decode: " + e.reason(), e);
        }
        long[] labels = labelExtension == null ? new long[0] : labels(raw);
        T input;
        try {
            input = transform.apply(image, SampleRandom.inShard(seed, epoch, raw.shard(), raw.ordinal()));
        } catch (RuntimeException e) {
            throw fail(raw, imageName, "the transform failed: " + e.getMessage(), e);
        }
        if (input == null) {
            throw fail(raw, imageName, "the transform returned null", null);
        }
        return new LabeledSample<>(input, labels);
    }

    private long[] labels(RawSample raw) {
        byte[] member = raw.members().get(labelExtension);
        String name = raw.key() + "." + labelExtension;
        if (member == null) {
            throw fail(raw, raw.key(), "sample has no '" + labelExtension + "' member for its labels (it has "
                    + String.join(", ", raw.members().keySet()) + ")", null);
        }
        Collected collected = new Collected();
        try {
            labelFormat.readMember(name, ByteBuffer.wrap(member), collected);
        } catch (IOException e) {
            throw fail(raw, name, e.getMessage(), e);
        }
        if (collected.problem != null) {
            throw fail(raw, name, collected.problem, null);
        }
        if (collected.labels == null) {
            throw fail(raw, name, labelFormat.getClass().getName() + " read no labels from it", null);
        }
        return collected.labels;
    }

    private ShardException fail(RawSample raw, String member, String reason, Throwable cause) {
        return new ShardException(shards.name(raw.shard()), member, raw.offset(), reason, cause);
    }

    /** Keeps the one entry (or the first problem) a label format reports for a member. */
    private static final class Collected implements LabelSink {
        long[] labels;
        String problem;

        @Override
        public void entry(String path, long[] entryLabels, long line) {
            if (labels == null && problem == null) {
                labels = entryLabels.clone();
            } else if (problem == null) {
                problem = "the label format reported more than one entry";
            }
        }

        @Override
        public void problem(long line, String text, String reason) {
            if (problem == null) {
                problem = reason + (text.isBlank() ? "" : ": '" + (text.length() > 80 ? text.substring(0, 80) + "..."
                        : text.strip()) + "'");
            }
        }
    }
}
