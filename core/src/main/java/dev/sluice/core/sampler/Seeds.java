package dev.sluice.core.sampler;

import java.util.SplittableRandom;

/**
 * Derives independent random streams from a seed and a path of numbers (epoch, sample position,
 * worker id, ...), so that every random choice in Sluice is a pure function of where it is made.
 *
 * <p>The derivation chains SplitMix64's finaliser (Steele, Lea and Flood, "Fast splittable
 * pseudorandom number generators", OOPSLA 2014) over the parts: nearby inputs give unrelated seeds.
 */
public final class Seeds {
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private Seeds() {
    }

    /**
     * A 64-bit seed derived from {@code seed} and {@code parts}, in order. Different part lists give
     * unrelated results; the same list always gives the same one.
     */
    public static long derive(long seed, long... parts) {
        long state = mix(seed + GOLDEN_GAMMA);
        for (long part : parts) {
            state = mix(state ^ mix(part + GOLDEN_GAMMA) + GOLDEN_GAMMA);
        }
        return state;
    }

    /** A new random generator seeded with {@link #derive(long, long...)}. */
    public static SplittableRandom random(long seed, long... parts) {
        return new SplittableRandom(derive(seed, parts));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
