package dev.sluice.core.plugin;

import dev.sluice.api.spi.ImageDecoderProvider;
import dev.sluice.api.spi.ImageEncoderProvider;
import dev.sluice.api.spi.LabelFormatProvider;
import dev.sluice.api.spi.PluginProvider;
import dev.sluice.api.spi.TransformProvider;

/** The kinds of plugin core discovers, each with its provider interface and the jar that brings the built-ins. */
public enum PluginKind {
    /** Image decoders: {@link ImageDecoderProvider}. */
    DECODER(ImageDecoderProvider.class, "ImageDecoder", "decoder",
            "add sluice-plugins-imageio (pure Java) or sluice-plugins-opencv"),
    /** Image encoders: {@link ImageEncoderProvider}. */
    ENCODER(ImageEncoderProvider.class, "ImageEncoder", "encoder",
            "add sluice-plugins-imageio (pure Java) or sluice-plugins-opencv"),
    /** Transforms: {@link TransformProvider}. */
    TRANSFORM(TransformProvider.class, "Transform", "transform", "add sluice-plugins-transforms"),
    /** Label formats: {@link LabelFormatProvider}. */
    LABEL_FORMAT(LabelFormatProvider.class, "LabelFormat", "label format", "add sluice-core");

    private final Class<? extends PluginProvider> providerType;
    private final String role;
    private final String noun;
    private final String remedy;

    PluginKind(Class<? extends PluginProvider> providerType, String role, String noun, String remedy) {
        this.providerType = providerType;
        this.role = role;
        this.noun = noun;
        this.remedy = remedy;
    }

    /** The provider interface plugins of this kind implement. */
    public Class<? extends PluginProvider> providerType() {
        return providerType;
    }

    /** The role's name, as in messages: {@code "ImageDecoder"}. */
    public String role() {
        return role;
    }

    /** The word used in messages and configuration: {@code "decoder"}. */
    public String noun() {
        return noun;
    }

    /** What to add to the class path when none of this kind is found. */
    String remedy() {
        return remedy;
    }
}
