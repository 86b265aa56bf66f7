package dev.sluice.core.shard;

import dev.sluice.api.Image;
import dev.sluice.api.LabelFormat;
import dev.sluice.api.LabelSink;
import dev.sluice.api.SlotTransform;
import dev.sluice.core.dataset.LabeledSample;
import dev.sluice.core.dataset.SampleRandom;
import dev.sluice.core.dataset.SampleRecipe;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Turns a shard's sample into a {@link LabeledSample}: the first image member found (by the
 * configured extensions, in order) read through the {@link SampleRecipe}, and the labels read from
 * the label member by the label format. The transform's random source derives from (seed, epoch,
 * shard, sample number in the shard), so a sample's augmentation depends neither on the number of
 * ranks or workers nor on the shuffle buffer. Thread-safe when the decoder, transform and format are.
 */
final class SampleDecoding<T> {
    /** One way of reading a raw sample: whole, or prepared for a batch slot. */
    @FunctionalInterface
    interface Reading<S> {
        LabeledSample<S> read(RawSample raw, long epoch);
    }

    private final ShardList shards;
    private final SampleRecipe<T> recipe;
    private final List<String> imageExtensions;
    private final String labelExtension;
    private final LabelFormat labelFormat;
    private final long seed;

    /** @param labelExtension the member holding the labels, or null for samples without labels */
    SampleDecoding(ShardList shards, SampleRecipe<T> recipe, List<String> imageExtensions, String labelExtension,
            LabelFormat labelFormat, long seed) {
        this.shards = shards;
        this.recipe = recipe;
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
        return read(raw, epoch, recipe::transform);
    }

    /** Whether {@link #prepare} works: the transform writes into batch slots. */
    boolean writesIntoSlots() {
        return recipe.writesIntoSlots();
    }

    /**
     * The sample up to writing its tensor, its random draws made as {@link #decode} makes them.
     *
     * @throws ShardException as {@link #decode} throws it
     */
    LabeledSample<SlotTransform.Pending> prepare(RawSample raw, long epoch) {
        return read(raw, epoch, recipe::prepare);
    }

    private <S> LabeledSample<S> read(RawSample raw, long epoch, SampleRecipe.Finish<S> finish) {
        String imageExtension = imageExtension(raw);
        String member = raw.key() + "." + imageExtension;
        Image image = recipe.decode(ByteBuffer.wrap(raw.members().get(imageExtension)),
                (reason, cause) -> fail(raw, member, "cannot decode: " + reason, cause));
        long[] labels = labels(raw);
        S input = finish.apply(image, SampleRandom.inShard(seed, epoch, raw.shard(), raw.ordinal()),
                (reason, cause) -> fail(raw, member, reason, cause));
        return new LabeledSample<>(input, labels);
    }

    private String imageExtension(RawSample raw) {
        for (String extension : imageExtensions) {
            if (raw.members().containsKey(extension)) {
                return extension;
            }
        }
        throw fail(raw, raw.key(), "sample has no image member (it has " + String.join(", ", raw.members().keySet())
                + "; an image is one of " + String.join(", ", imageExtensions) + ")", null);
    }

    private long[] labels(RawSample raw) {
        if (labelExtension == null) {
            return new long[0];
        }
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
