package dev.sluice.plugins.transforms;

import dev.sluice.api.Tensor;
import dev.sluice.api.Transform;
import java.util.OptionalInt;

/**
 * A transform of this pack from a tensor to a tensor, which says so once for all of them, and which
 * keeps the channel count unless it says otherwise ({@code normalize} checks it against its mean).
 */
public interface TensorTransform extends Transform<Tensor, Tensor> {

    @Override
    default Class<?> inputType() {
        return Tensor.class;
    }

    @Override
    default Class<?> outputType() {
        return Tensor.class;
    }

    /** The count it gets, known or not: erasing and multi-crops keep the channels. */
    @Override
    default OptionalInt outputChannels(OptionalInt input) {
        return input;
    }
}
