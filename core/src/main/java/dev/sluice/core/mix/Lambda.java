package dev.sluice.core.mix;

import java.util.random.RandomGenerator;
import org.apache.commons.rng.sampling.distribution.ChengBetaSampler;

/** The mixing weight of a batch: one draw of Beta(alpha, alpha), as torchvision's MixUp and CutMix draw it. */
final class Lambda {
    private Lambda() {
    }

    /**
     * A draw of Beta(alpha, alpha) from {@code random}, by Cheng's algorithm (Commons RNG), rounded to
     * float32: torchvision draws lambda as a float32 tensor and computes on with its value as a double.
     */
    static double draw(RandomGenerator random, double alpha) {
        return (float) ChengBetaSampler.of(random::nextLong, alpha, alpha).sample();
    }

    /**
     * Refuses what torchvision's {@code Beta(alpha, alpha)} refuses.
     *
     * @throws IllegalArgumentException unless alpha is finite and above 0
     */
    static double requireAlpha(String who, double alpha) {
        if (!(alpha > 0) || Double.isInfinite(alpha)) {
            throw new IllegalArgumentException(who + ": alpha must be a finite number > 0 (the Beta distribution's "
                    + "concentration), was " + alpha);
        }
        return alpha;
    }
}
