package dev.sluice.api.spi;

import dev.sluice.api.Transform;
import java.util.List;

/**
 * A transform provider that also runs a whole checked list of steps, as the standard pack's
 * {@code compose} does. Core hands the configuration's top-level {@code transforms} list to the one
 * of highest {@link #priority()} (ties to the alphabetically first id), so that a pack may fuse
 * steps it knows into one pass; with none on the class path, core runs the steps one after the other.
 */
public interface TransformChainProvider extends ContainerTransformProvider {

    /**
     * The steps run in order on each input, drawing from one random source in that order; the steps
     * have been checked with {@link ConfiguredTransform#requireChain}. Safe for concurrent use when
     * every step is. Its {@link Transform#reduceLimit} is what the steps together allow.
     *
     * @param steps at least one step
     */
    Transform<Object, Object> chain(List<ConfiguredTransform> steps);
}
