package dev.sluice.plugins.transforms.drawing;

import dev.sluice.api.Image;
import dev.sluice.api.Options;
import dev.sluice.api.OptionsException;
import dev.sluice.api.Transform;
import dev.sluice.api.spi.TransformProvider;
import dev.sluice.plugins.transforms.SharedOptions;
import java.util.List;
import java.util.Set;

/**
 * {@code side_by_side}: the seed recipe's {@code np.hstack((orig, dest))} in
 * {@code combime_save_image}: a list of images placed left to right, top-aligned.
 *
 * <p>Options: {@code gap} (0): pixels between neighbours; {@code fill} (0): levels, one or one per
 * channel, for the gaps and below images shorter than the tallest. Grey images are repeated into
 * RGB when mixed with colour ones.
 *
 * <pre>{@code
 * - side_by_side: {gap: 4}
 * }</pre>
 */
public final class SideBySideProvider implements TransformProvider {

    /** Constructs the provider; does nothing else. */
    public SideBySideProvider() {
    }

    /** {@code "side_by_side"}. */
    @Override
    public String id() {
        return "side_by_side";
    }

    /** 0: transforms are chosen by id, never by priority. */
    @Override
    public int priority() {
        return 0;
    }

    /**
     * A {@code Transform<List<?>, Image>} taking a non-empty list of {@link Image}s, safe for concurrent
     * use, that never draws from its random source; it throws {@link IllegalArgumentException} for an
     * empty list, an entry that is not an image, or alpha mixed with images without it.
     *
     * @throws OptionsException naming the key path when an option is unknown, {@code gap} is negative or a level is out of range
     */
    @Override
    public Transform<List<?>, Image> create(Options options) {
        options.requireOnly(Set.of("gap", "fill"));
        int gap = options.getInt("gap", 0);
        if (gap < 0) {
            throw new OptionsException(options.keyPath("gap"), "must be >= 0, was " + gap);
        }
        return new SideBySide(gap, SharedOptions.fill(options, "fill"));
    }
}
