package dev.sluice.core.loader;

import dev.sluice.core.dataset.ContentDigest;
import dev.sluice.core.dataset.ResumableDataset;
import dev.sluice.core.sampler.OrderIdentity;
import dev.sluice.core.sampler.RandomSampler;
import dev.sluice.core.sampler.SequentialSampler;

/**
 * A loader's {@link LoaderState.Plan}: what it is made from, and the refusal of a saved plan whose
 * samples would come in another order.
 */
final class PlanIdentity {
    /** A plan's batch transform when the loader has none. */
    static final String NO_BATCH_TRANSFORM = "none";

    private PlanIdentity() {
    }

    /**
     * The plan of a loader over {@code dataset} (a map-style or an iterable one) with {@code options}.
     *
     * @param epochSamples the samples of an epoch, or -1 when they are not known in advance
     * @param batchTransform the batch transform's {@link BatchTransform#describe}, or {@link #NO_BATCH_TRANSFORM}
     */
    static LoaderState.Plan of(Object dataset, long epochSamples, LoaderOptions options, String batchTransform) {
        String digest = dataset instanceof ContentDigest contents ? contents.contentDigest() : "";
        long size = dataset instanceof dev.sluice.api.Dataset<?> map ? map.size() : -1;
        boolean shuffle = options.shuffle() || dataset instanceof ResumableDataset<?> stream && stream.shuffles();
        return new LoaderState.Plan(options.seed(), shuffle, sampler(dataset, options), options.dropLast(), size,
                digest, epochSamples, options.batchSize(), options.numWorkers(), batchTransform);
    }

    private static String sampler(Object dataset, LoaderOptions options) {
        if (!(dataset instanceof dev.sluice.api.Dataset<?>)) {
            return "stream";
        }
        if (options.batchSampler() != null) {
            return "batch_sampler:" + options.batchSampler().getClass().getName();
        }
        if (options.sampler() instanceof OrderIdentity identified) {
            return identified.orderIdentity();
        }
        if (options.sampler() != null) {
            return options.sampler().getClass().getName();
        }
        return options.shuffle() ? RandomSampler.class.getSimpleName() : SequentialSampler.class.getSimpleName();
    }

    /**
     * Refuses {@code saved} unless a loader with {@code current} puts the same sample at each
     * position: the batch size and the number of workers may differ.
     *
     * @throws IllegalArgumentException naming the first setting that differs and both values
     */
    static void requireSame(LoaderState.Plan saved, LoaderState.Plan current) {
        same("seed", saved.seed(), current.seed());
        same("shuffle", saved.shuffle(), current.shuffle());
        same("sampler", saved.sampler(), current.sampler());
        same("drop_last", saved.dropLast(), current.dropLast());
        if (saved.datasetSize() < 0 != current.datasetSize() < 0) {
            throw new IllegalArgumentException("the state was saved for a " + (saved.datasetSize() < 0 ? "stream"
                    : "map-style dataset") + ", this loader reads a " + (current.datasetSize() < 0 ? "stream"
                    : "map-style dataset"));
        }
        same("dataset_size", saved.datasetSize(), current.datasetSize());
        if (!saved.datasetDigest().isEmpty() && !current.datasetDigest().isEmpty()) {
            same("dataset_digest", abbreviated(saved.datasetDigest()), abbreviated(current.datasetDigest()));
        }
        same("epoch_samples", saved.epochSamples(), current.epochSamples());
        if (!saved.batchTransform().equals(current.batchTransform())) {
            throw new IllegalArgumentException("cannot continue from the state: it was saved with batch_transform="
                    + saved.batchTransform() + ", this loader has batch_transform=" + current.batchTransform()
                    + "; the rest of the epoch's batches would be transformed otherwise than the run's. Resume with "
                    + "the same batch transform, or start the epoch afresh");
        }
    }

    private static void same(String setting, Object saved, Object current) {
        if (!saved.equals(current)) {
            throw new IllegalArgumentException("cannot continue from the state: it was saved with " + setting + "="
                    + saved + ", this loader has " + setting + "=" + current + "; the samples would come in another "
                    + "order, some delivered twice and others never. Resume with " + setting + "=" + saved
                    + ", or start the epoch afresh");
        }
    }

    private static String abbreviated(String digest) {
        return digest.length() <= 12 ? digest : digest.substring(0, 12);
    }
}
