package dev.sluice.api.spi;

import dev.sluice.api.Options;
import java.util.List;

/**
 * Builds the nested steps of a container transform ({@code compose}, {@code random_apply},
 * {@code random_choice}, {@code random_order}). Core implements it over the providers it found and
 * hands it to {@link TransformProvider#create(Options, TransformLookup)}, so that the list grammar,
 * the lookup by id and their errors have one home, and a plugin never discovers other plugins.
 *
 * <p>Each entry of a list is an id ({@code - to_tensor}) or a map of one id to its options
 * ({@code - resize: {size: 256}}); a step's options have the key path {@code <list path>[i].<id>},
 * and a step may itself be a container.
 */
@FunctionalInterface
public interface TransformLookup {

    /**
     * The steps of the list under {@code key} in {@code options}, in order, each built by its
     * provider. The steps are not checked against each other: a container that runs them one after
     * the other checks them with {@link ConfiguredTransform#requireChain}.
     *
     * @throws dev.sluice.api.OptionsException naming the key path when the list is missing, empty or
     *         malformed, an id is unknown (with the known ids and a suggestion), or a step's options
     *         are wrong
     */
    List<ConfiguredTransform> steps(Options options, String key);
}
