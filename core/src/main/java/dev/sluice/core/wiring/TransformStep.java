package dev.sluice.core.wiring;

import dev.sluice.api.Options;

/**
 * One item of the {@code transforms} list: a transform id and its parameters.
 *
 * @param id the transform id, such as {@code resize}
 * @param options its parameters, whose key path is {@code transforms[i].id}
 */
record TransformStep(String id, Options options) {
}
