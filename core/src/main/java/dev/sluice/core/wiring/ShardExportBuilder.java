package dev.sluice.core.wiring;

import dev.sluice.api.EncodeOptions;
import dev.sluice.api.Image;
import dev.sluice.api.Transform;
import dev.sluice.core.plugin.PluginRegistry;
import dev.sluice.core.shard.ShardWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/** Configures a {@link ShardExport}; made by {@link ShardExport#builder}. Not thread-safe. */
public final class ShardExportBuilder {
    final SluiceConfig config;
    final PluginRegistry plugins;
    final Path out;
    String pattern = "shard-%06d.tar";
    long maxSamples = 1000;
    long maxBytes;
    Transform<Image, Image> resize;
    Integer quality;
    String encoder = PluginRegistry.AUTO;
    Instant mtime = Instant.now();
    ShardExport.Progress progress;

    ShardExportBuilder(SluiceConfig config, PluginRegistry plugins, Path out) {
        this.config = config;
        this.plugins = plugins;
        this.out = out;
    }

    /** Shard names, a {@link String#format} pattern of the shard number; default {@code shard-%06d.tar}. */
    public ShardExportBuilder pattern(String newPattern) {
        // The writer's builder checks the pattern now, so that a bad one is refused before any work.
        ShardWriter.builder(out).pattern(newPattern);
        this.pattern = newPattern;
        return this;
    }

    /** The most samples a shard holds, {@code >= 1}; default 1000. @throws IllegalArgumentException if below 1 */
    public ShardExportBuilder maxSamples(long count) {
        if (count < 1) {
            throw new IllegalArgumentException("maxSamples must be >= 1, was " + count);
        }
        this.maxSamples = count;
        return this;
    }

    /** The most bytes a shard holds, or 0 for no limit (the default). @throws IllegalArgumentException if negative */
    public ShardExportBuilder maxBytes(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("maxBytes must be >= 0, was " + bytes);
        }
        this.maxBytes = bytes;
        return this;
    }

    /**
     * Resizes every image before storing it with {@code transform}, built by the caller (for
     * example the transform pack's {@code resize}, found through the registry); null for none.
     * Resizing re-encodes as JPEG. The transform draws from each sample's random source
     * ({@link dev.sluice.core.dataset.SampleRandom}), so a random one is the same on every run.
     *
     * @throws IllegalArgumentException if the transform does not take an {@link Image}, or gives
     *         something other than an {@link Image}, naming its class and types
     */
    @SuppressWarnings("unchecked")
    public ShardExportBuilder resize(Transform<?, ?> transform) {
        if (transform != null && (!transform.inputType().isAssignableFrom(Image.class)
                || (transform.outputType() != Image.class && transform.outputType() != Object.class))) {
            throw new IllegalArgumentException("the resize transform " + transform.getClass().getName() + " takes "
                    + transform.inputType().getSimpleName() + " and gives " + transform.outputType().getSimpleName()
                    + "; a shard export's resize takes and gives an Image");
        }
        this.resize = (Transform<Image, Image>) transform;
        return this;
    }

    /**
     * Re-encodes every image as JPEG at this quality (1 to 100); without it, a resized image is
     * encoded at {@link EncodeOptions#DEFAULT_JPEG_QUALITY}.
     *
     * @throws IllegalArgumentException if out of range
     */
    public ShardExportBuilder quality(int jpegQuality) {
        if (jpegQuality < 1 || jpegQuality > 100) {
            throw new IllegalArgumentException("quality must be 1 to 100, was " + jpegQuality);
        }
        this.quality = jpegQuality;
        return this;
    }

    /** The encoder's plugin id when re-encoding; default {@code auto}, the highest priority available. */
    public ShardExportBuilder encoder(String id) {
        this.encoder = Objects.requireNonNull(id, "encoder");
        return this;
    }

    /**
     * The modification time of every member; default now.
     *
     * @throws IllegalArgumentException as {@link ShardWriter.Builder#mtime}
     */
    public ShardExportBuilder mtime(Instant time) {
        ShardWriter.builder(out).mtime(time);
        this.mtime = time;
        return this;
    }

    /** Told of progress after each batch of samples written; default none. */
    public ShardExportBuilder progress(ShardExport.Progress listener) {
        this.progress = listener;
        return this;
    }

    /** The export, ready to {@link ShardExport#run()}. */
    public ShardExport build() {
        return new ShardExport(this);
    }
}
