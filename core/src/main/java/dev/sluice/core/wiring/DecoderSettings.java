package dev.sluice.core.wiring;

import dev.sluice.api.DecodeOptions;
import dev.sluice.api.Options;

/**
 * The {@code decoder} section.
 *
 * @param backend the decoder id, or {@code auto}
 * @param decodeOptions mode, reduction, EXIF orientation and pixel limit
 * @param backendOptions the remaining keys, passed to the backend's factory
 */
record DecoderSettings(String backend, DecodeOptions decodeOptions, Options backendOptions) {
}
