package dev.sluice.plugins.transforms.geometry;

import dev.sluice.api.Options;
import dev.sluice.api.OptionsException;
import dev.sluice.plugins.transforms.DeclaredTransformProvider;
import dev.sluice.plugins.transforms.SharedOptions;
import java.util.Set;

/**
 * {@code random_crop} in configuration: builds the {@link RandomCrop} its options describe (one
 * implementation). {@link #create} throws {@link OptionsException} naming the key path when an option
 * is unknown, missing or malformed.
 */
public final class RandomCropProvider extends DeclaredTransformProvider<RandomCrop> {
    private static final Set<String> OPTIONS = Set.of("size", "padding", "pad_if_needed", "fill", "padding_mode");

    /** Constructs the provider; does nothing else. */
    public RandomCropProvider() {
        super("random_crop", OPTIONS, RandomCropProvider::build);
    }

    private static RandomCrop build(Options options) {
        RandomCrop crop = RandomCrop.of(SharedOptions.size(options, "size"));
        Padding padding = PadProvider.padding(options, "padding");
        if (padding != null) {
            crop = crop.padding(padding);
        }
        return crop.padIfNeeded(options.getBoolean("pad_if_needed", false)).fill(SharedOptions.fill(options, "fill"))
                .paddingMode(PadProvider.mode(options));
    }
}
