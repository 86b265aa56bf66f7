package dev.sluice.plugins.transforms;

import dev.sluice.api.Transform;

/**
 * A transform of this pack that says what it takes and gives, so that {@code compose} can refuse a
 * pipeline whose steps do not fit together (a {@code normalize} before {@code to_tensor}) when it is
 * configured rather than on the first sample.
 */
interface TypedTransform<I, O> extends Transform<I, O> {

    /** The class every input must be an instance of; {@code Object.class} for any. */
    Class<?> inputType();

    /** The class every output is an instance of; {@code Object.class} when it depends on the input. */
    Class<?> outputType();
}
