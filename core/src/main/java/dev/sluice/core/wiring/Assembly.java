package dev.sluice.core.wiring;

import dev.sluice.api.DecodeOptions;
import dev.sluice.api.Image;
import dev.sluice.api.ImageDecoder;
import dev.sluice.api.LabelFormat;
import dev.sluice.api.Options;
import dev.sluice.api.OptionsException;
import dev.sluice.api.Tensor;
import dev.sluice.api.Transform;
import dev.sluice.api.spi.ImageDecoderProvider;
import dev.sluice.api.spi.LabelFormatProvider;
import dev.sluice.api.spi.TransformProvider;
import dev.sluice.core.collate.LabeledBatch;
import dev.sluice.core.collate.LabeledCollate;
import dev.sluice.core.dataset.ImageLabelDataset;
import dev.sluice.core.dataset.LabeledSample;
import dev.sluice.core.label.LabelIndex;
import dev.sluice.core.loader.DataLoader;
import dev.sluice.core.plugin.PluginKind;
import dev.sluice.core.plugin.PluginRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds each part of a configured loader from a {@link SluiceConfig} and the plugins found. The
 * Guice module and {@link Sluice#fromConfig} both build through it, so the graph is the same with
 * and without Guice; each method takes its dependencies as arguments, so Guice can substitute any.
 */
final class Assembly {
    /** The transform id of the standard pack's pipeline builder. */
    private static final String COMPOSE = "compose";
    private final SluiceConfig config;
    private final PluginRegistry plugins;

    Assembly(SluiceConfig config, PluginRegistry plugins) {
        this.config = config;
        this.plugins = plugins;
    }

    ImageDecoder decoder() {
        DecoderSettings settings = config.decoder();
        ImageDecoderProvider provider = plugins.require(PluginKind.DECODER, ImageDecoderProvider.class,
                settings.backend(), config.tree().where("decoder.backend"));
        try {
            return provider.create(settings.backendOptions());
        } catch (OptionsException e) {
            throw config.tree().error(e);
        }
    }

    DecodeOptions decodeOptions() {
        return config.decoder().decodeOptions();
    }

    /**
     * The transforms in order, checked end to end: each takes what the one before gives. When a
     * {@code compose} transform is installed (the standard transform pack's), the list is built by
     * it, which checks its own steps and fuses runs it knows into one pass; otherwise it is chained
     * here, checked by the types providers declare.
     */
    Transform<Image, Object> pipeline() {
        List<TransformStep> steps = config.transforms();
        if (steps.isEmpty() || !plugins.has(PluginKind.TRANSFORM, COMPOSE)) {
            return chained(steps);
        }
        TransformProvider compose = plugins.require(PluginKind.TRANSFORM, TransformProvider.class, COMPOSE,
                config.tree().where("transforms"));
        List<Object> items = new ArrayList<>();
        for (TransformStep step : steps) {
            items.add(Map.of(step.id(), step.options().asMap()));
        }
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(plugins.classLoader());
        try {
            @SuppressWarnings("unchecked")
            Transform<Image, Object> pipeline = (Transform<Image, Object>) compose.create(
                    Options.of(Map.of("transforms", items)));
            return pipeline;
        } catch (OptionsException e) {
            throw config.tree().error(e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @SuppressWarnings("unchecked")
    private Transform<Image, Object> chained(List<TransformStep> steps) {
        Transform<Object, Object> pipeline = Transform.identity();
        Class<?> produced = Image.class;
        String producer = "the decoder";
        for (int i = 0; i < steps.size(); i++) {
            TransformStep step = steps.get(i);
            String keyPath = step.options().path();
            TransformProvider provider = plugins.require(PluginKind.TRANSFORM, TransformProvider.class, step.id(),
                    config.tree().where(keyPath));
            if (!provider.inputType().isAssignableFrom(produced) && !produced.isAssignableFrom(provider.inputType())) {
                throw config.tree().error(keyPath, "takes " + article(provider.inputType()) + " but gets "
                        + article(produced) + " from " + producer + (provider.inputType() == Tensor.class
                        ? "; put to_tensor before it" : ""));
            }
            Transform<Object, Object> transform;
            try {
                transform = (Transform<Object, Object>) provider.create(step.options());
            } catch (OptionsException e) {
                throw config.tree().error(e);
            }
            pipeline = pipeline.andThen(transform);
            if (provider.outputType() != Object.class) {
                produced = provider.outputType();
            }
            producer = keyPath;
        }
        return (Transform<Image, Object>) (Transform<?, ?>) pipeline;
    }

    private static String article(Class<?> type) {
        String name = type.getSimpleName();
        return ("AEIOU".indexOf(name.charAt(0)) >= 0 ? "an " : "a ") + name;
    }

    LabelIndex labelIndex() {
        DatasetSettings settings = config.dataset();
        LabelFormatProvider provider = plugins.require(PluginKind.LABEL_FORMAT, LabelFormatProvider.class,
                settings.format(), config.tree().where("dataset.format"));
        LabelFormat format;
        try {
            format = provider.create(settings.formatOptions());
        } catch (OptionsException e) {
            throw config.tree().error(e);
        }
        try {
            return LabelIndex.read(format, settings.labels(), settings.root(), settings.allowOutsideRoot());
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    ImageLabelDataset<Object> dataset(LabelIndex index, ImageDecoder decoder, DecodeOptions decodeOptions,
            Transform<Image, Object> pipeline) {
        DatasetSettings settings = config.dataset();
        return ImageLabelDataset.builder(index, settings.root(), decoder).decodeOptions(decodeOptions)
                .transform(pipeline).repeat(settings.repeat()).build();
    }

    DataLoader<LabeledSample<Object>, LabeledBatch> loader(ImageLabelDataset<Object> dataset) {
        try {
            return config.loader().applyTo(DataLoader.builder(dataset)).collate(new LabeledCollate()).build();
        } catch (IllegalArgumentException e) {
            throw config.tree().error("loader", e.getMessage(), e);
        }
    }
}
