package dev.sluice.examples.walkthrough;

import dev.sluice.api.ImageDecoder;
import dev.sluice.api.ImageEncoder;
import dev.sluice.api.Options;
import dev.sluice.api.Transform;
import dev.sluice.api.spi.ImageDecoderProvider;
import dev.sluice.api.spi.ImageEncoderProvider;
import dev.sluice.api.spi.TransformProvider;
import dev.sluice.core.plugin.PluginKind;
import dev.sluice.core.plugin.PluginRegistry;
import java.util.Map;

/**
 * The plugins the walkthrough uses, asked from core's registry by the ids its YAML twin writes
 * ({@code imageio}, {@code resize}): the walkthrough compiles against api and core
 * only, and another decoder or transform pack on the class path needs no change here.
 */
final class Plugins {
    private static final PluginRegistry REGISTRY = PluginRegistry.discover(Plugins.class.getClassLoader());

    private Plugins() {
    }

    static ImageDecoder decoder(String id) {
        return REGISTRY.require(PluginKind.DECODER, ImageDecoderProvider.class, id, "the walkthrough")
                .create(Options.empty());
    }

    static ImageEncoder encoder(String id) {
        return REGISTRY.require(PluginKind.ENCODER, ImageEncoderProvider.class, id, "the walkthrough")
                .create(Options.empty());
    }

    /** Transform {@code id} with {@code options}; the caller knows what it takes and gives. */
    @SuppressWarnings("unchecked")
    static <I, O> Transform<I, O> transform(String id, Map<String, ?> options) {
        return (Transform<I, O>) REGISTRY.require(PluginKind.TRANSFORM, TransformProvider.class, id, "the walkthrough")
                .create(Options.of(id, options));
    }
}
