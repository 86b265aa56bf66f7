package dev.sluice.core.wiring;

import dev.sluice.api.DecodeOptions;
import dev.sluice.api.Options;

/**
 * The {@code decoder} section.
 *
 * @param backend the decoder id, or {@code auto}
 * @param decodeOptions mode, fixed reduction (1 under auto), EXIF orientation and pixel limit; no
 *        automatic reduction, which needs the transforms (see {@link ConfiguredParts#decodeOptions(dev.sluice.api.Transform)})
 * @param autoReduce whether {@code reduce} is {@code auto}: each image decoded at the largest factor
 *        the transform pipeline allows
 * @param backendOptions the remaining keys, passed to the backend's factory
 */
record DecoderSettings(String backend, DecodeOptions decodeOptions, boolean autoReduce, Options backendOptions) {
}
