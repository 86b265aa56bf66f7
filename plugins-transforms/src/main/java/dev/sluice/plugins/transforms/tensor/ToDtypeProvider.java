package dev.sluice.plugins.transforms.tensor;

import dev.sluice.api.DType;
import dev.sluice.api.Options;
import dev.sluice.api.OptionsException;
import dev.sluice.api.Tensor;
import dev.sluice.api.Transform;
import dev.sluice.api.spi.TransformProvider;
import java.util.Set;

/**
 * {@code to_dtype}: torchvision's {@code ToDtype} (and {@code ConvertImageDtype} when scaling).
 *
 * <p>Options: {@code dtype} (required): {@code uint8}, {@code int32}, {@code int64}, {@code float32}
 * or {@code float64}; {@code scale} (false). The input is a {@link Tensor} or an
 * {@link dev.sluice.api.Image}, which first becomes its uint8 [C, H, W] tensor unscaled (so
 * {@code {dtype: uint8}} on an image is torchvision's {@code pil_to_tensor}). With {@code scale},
 * integers become floats divided by the integer type's maximum (255 for uint8), floats become
 * integers by multiplying by {@code max + 1 - 0.001} and truncating (float32 to int32 or int64,
 * and float64 to int64, are refused as torchvision refuses them), and integer widths are converted
 * by the ratio of their ranges. Without it values are cast: floats truncate toward zero, saturating
 * where PyTorch's cast is undefined.
 *
 * <pre>{@code
 * - to_dtype: {dtype: uint8}                  # the image as an unscaled uint8 CHW tensor
 * }</pre>
 */
public final class ToDtypeProvider implements TransformProvider {

    /** Constructs the provider; does nothing else. */
    public ToDtypeProvider() {
    }

    /** {@code "to_dtype"}. */
    @Override
    public String id() {
        return "to_dtype";
    }

    /** 0: transforms are chosen by id, never by priority. */
    @Override
    public int priority() {
        return 0;
    }

    /**
     * A {@code Transform<Object, Tensor>} taking an Image or a Tensor, safe for concurrent use, that
     * never draws from its random source; a tensor already of the dtype is returned as it is. It throws
     * {@link IllegalArgumentException} for another input type or a refused scaled cast.
     *
     * @throws OptionsException naming the key path when an option is unknown or {@code dtype} is missing or unknown
     */
    @Override
    public Transform<Object, Tensor> create(Options options) {
        options.requireOnly(Set.of("dtype", "scale"));
        String id = options.requireString("dtype");
        DType dtype;
        try {
            dtype = DType.fromId(id);
        } catch (IllegalArgumentException e) {
            OptionsException refused = new OptionsException(options.keyPath("dtype"), e.getMessage());
            refused.initCause(e);
            throw refused;
        }
        return new ToDtype(dtype, options.getBoolean("scale", false));
    }
}
