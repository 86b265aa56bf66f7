package dev.sluice.core.sampler;

/** Goodness-of-fit arithmetic for the distribution tests. */
final class Statistics {
    /** Upper 0.1 % points of the chi-square distribution by degrees of freedom (scipy.stats.chi2.ppf(0.999, df)). */
    static final double CHI_SQUARE_999_DF2 = 13.8155;
    static final double CHI_SQUARE_999_DF4 = 18.4668;
    static final double CHI_SQUARE_999_DF5 = 20.5150;
    static final double CHI_SQUARE_999_DF9 = 27.8772;

    private Statistics() {
    }

    /** Pearson's statistic: the sum over bins of (observed - expected)^2 / expected. */
    static double chiSquare(long[] observed, double[] expected) {
        if (observed.length != expected.length) {
            throw new IllegalArgumentException(observed.length + " observed bins but " + expected.length + " expected");
        }
        double sum = 0;
        for (int i = 0; i < observed.length; i++) {
            double difference = observed[i] - expected[i];
            sum += difference * difference / expected[i];
        }
        return sum;
    }
}
