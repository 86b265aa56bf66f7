package dev.sluice.core.sampler;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Reads a sampler's inputs from text files, one number per line (blank lines and {@code #} comments
 * skipped): the weights of a {@link WeightedRandomSampler}, the indices of a
 * {@link SubsetRandomSampler}. Every problem names the file and line. Only regular files are read,
 * and nothing is allocated beyond what the file's lines actually hold (and for weights, the
 * dataset's size).
 *
 * <pre>{@code
 * double[] weights = SamplerFiles.weights(Path.of("weights.txt"), dataset.size());
 * Sampler sampler = new WeightedRandomSampler(weights, dataset.size(), true, seed);
 * }</pre>
 */
public final class SamplerFiles {
    private SamplerFiles() {
    }

    /**
     * One weight per dataset sample, in index order. The weights are refused as
     * {@code torch.multinomial} refuses them (its words in the message): a negative or NaN weight
     * ({@code invalid multinomial distribution (encountering probability entry < 0)}), an infinite
     * one ({@code ... = infinity or NaN}), all of them 0 ({@code ... (sum of probabilities <= 0)}).
     *
     * @param samples the dataset's size: the number of weights the file must hold
     * @throws SamplerFileException naming the file and line of a bad weight, or the file when the
     *         count differs from {@code samples}
     * @throws IOException if the file is not a regular file or cannot be read
     */
    public static double[] weights(Path file, long samples) throws IOException {
        if (samples < 0 || samples > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("samples must be in [0, " + (Integer.MAX_VALUE - 8) + "], was "
                    + samples);
        }
        double[] weights = new double[(int) samples];
        int count = 0;
        double sum = 0;
        try (NumberLines lines = new NumberLines(file)) {
            String text;
            while ((text = lines.next()) != null) {
                if (count == samples) {
                    throw lines.problem(lines.lineNumber(), "more weights than the dataset's " + samples
                            + " samples; one weight per sample");
                }
                double weight = parseWeight(lines, text);
                weights[count++] = weight;
                sum += weight;
            }
            if (count < samples) {
                throw lines.problem("has " + count + " weights, the dataset has " + samples
                        + " samples; one weight per sample, in index order");
            }
            if (!(sum > 0)) {
                throw lines.problem("all " + count + " weights are 0: invalid multinomial distribution "
                        + "(sum of probabilities <= 0)");
            }
        }
        return weights;
    }

    private static double parseWeight(NumberLines lines, String text) throws SamplerFileException {
        double weight;
        try {
            weight = Double.parseDouble(pythonWords(text));
        } catch (NumberFormatException e) {
            throw lines.problem(lines.lineNumber(), "'" + text + "' is not a number; one weight per line");
        }
        if (Double.isInfinite(weight)) {
            throw lines.problem(lines.lineNumber(), "weight " + text + ": invalid multinomial distribution "
                    + "(encountering probability entry = infinity or NaN)");
        }
        if (!(weight >= 0)) {
            throw lines.problem(lines.lineNumber(), "weight " + text + ": invalid multinomial distribution "
                    + "(encountering probability entry < 0)");
        }
        return weight;
    }

    /** Python's float() words for the non-finite values ({@code nan}, {@code inf}, {@code -infinity}) as Java's. */
    private static String pythonWords(String text) {
        String word = text.toLowerCase(Locale.ROOT);
        String unsigned = word.startsWith("-") || word.startsWith("+") ? word.substring(1) : word;
        if (unsigned.equals("nan")) {
            return "NaN";
        }
        if (unsigned.equals("inf") || unsigned.equals("infinity")) {
            return word.startsWith("-") ? "-Infinity" : "Infinity";
        }
        return text;
    }

    /**
     * Dataset indices, in the file's order (repeats allowed, as PyTorch's
     * {@code SubsetRandomSampler} allows them).
     *
     * @param datasetSize every index must be in {@code [0, datasetSize)}
     * @throws SamplerFileException naming the file and line of an index that is not a whole number
     *         in range
     * @throws IOException if the file is not a regular file or cannot be read
     */
    public static long[] indices(Path file, long datasetSize) throws IOException {
        long[] indices = new long[16];
        int count = 0;
        try (NumberLines lines = new NumberLines(file)) {
            String text;
            while ((text = lines.next()) != null) {
                long index;
                try {
                    index = Long.parseLong(text);
                } catch (NumberFormatException e) {
                    throw lines.problem(lines.lineNumber(), "'" + text + "' is not a whole number; one dataset "
                            + "index per line");
                }
                if (index < 0 || index >= datasetSize) {
                    throw lines.problem(lines.lineNumber(), "index " + index + " is outside the dataset's "
                            + datasetSize + " samples [0, " + datasetSize + ")");
                }
                if (count == indices.length) {
                    if (count >= Integer.MAX_VALUE - 8) {
                        throw lines.problem(lines.lineNumber(), "more indices than a sampler can hold");
                    }
                    indices = Arrays.copyOf(indices, (int) Math.min((long) count * 2, Integer.MAX_VALUE - 8));
                }
                indices[count++] = index;
            }
        }
        return Arrays.copyOf(indices, count);
    }
}
