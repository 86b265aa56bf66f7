package dev.sluice.plugins.transforms.resize;

import dev.sluice.api.Options;
import dev.sluice.api.OptionsException;
import dev.sluice.plugins.transforms.PackTransformProvider;
import dev.sluice.plugins.transforms.SharedOptions;
import dev.sluice.plugins.transforms.Size;
import java.util.Set;

/** {@code resize} in configuration: builds the {@link Resize} its options describe (one implementation). */
public final class ResizeProvider extends PackTransformProvider {
    private static final Set<String> OPTIONS = Set.of("size", "max_size", "interpolation", "antialias", "height", "width");

    /** Constructs the provider; does nothing else. */
    public ResizeProvider() {
        super("resize");
    }

    /**
     * The {@link Resize} these options describe; its class javadoc says what it does and when it throws.
     *
     * @throws OptionsException naming the key path when an option is unknown, missing or out of range,
     *         or when both forms are mixed
     */
    @Override
    public Resize create(Options options) {
        options.requireOnly(OPTIONS);
        Interpolation interpolation = Interpolation.option(options, "interpolation", Interpolation.BILINEAR,
                Interpolation.values());
        boolean seedForm = options.has("height") || options.has("width");
        if (seedForm) {
            if (options.has("size") || options.has("max_size")) {
                String key = options.has("size") ? "size" : "max_size";
                throw new OptionsException(options.keyPath(key), "give either size (torchvision's form) or "
                        + "height/width (the seed's form), not both");
            }
            Resize resize;
            if (options.has("height") && options.has("width")) {
                resize = Resize.of(new Size(positive(options, "width"), positive(options, "height")));
            } else {
                resize = options.has("height") ? Resize.toHeight(positive(options, "height"))
                        : Resize.toWidth(positive(options, "width"));
            }
            return resize.interpolation(interpolation).antialias(options.getBoolean("antialias", true));
        }
        if (!options.has("size")) {
            throw new OptionsException(options.keyPath("size"), "required option is missing (or give height and/or width)");
        }
        int[] size = SharedOptions.wholeNumbers(options, "size", 1, 1, 2);
        Resize resize = size.length == 1 ? Resize.of(size[0]) : Resize.of(new Size(size[1], size[0]));
        if (options.has("max_size")) {
            if (size.length != 1) {
                throw new OptionsException(options.keyPath("max_size"), "max_size should only be passed if size "
                        + "specifies the length of the smaller edge, i.e. size should be a single number");
            }
            int maxSize = positive(options, "max_size");
            Resize shorterSide = resize;
            resize = SharedOptions.checkedAt(options, "max_size", () -> shorterSide.maxSize(maxSize));
        }
        return resize.interpolation(interpolation).antialias(options.getBoolean("antialias", true));
    }

    private static int positive(Options options, String key) {
        int value = options.getInt(key, 0);
        if (value < 1) {
            throw new OptionsException(options.keyPath(key), "must be >= 1, was " + value);
        }
        return value;
    }
}
