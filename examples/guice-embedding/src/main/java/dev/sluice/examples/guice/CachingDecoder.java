package dev.sluice.examples.guice;

import dev.sluice.api.DecodeException;
import dev.sluice.api.DecodeOptions;
import dev.sluice.api.Image;
import dev.sluice.api.ImageDecoder;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An application's own decoder: it keeps every image it decodes from a file, so that a small
 * dataset is decoded once and served from memory in later epochs. It stands for whatever a platform
 * binds in Sluice's place (a decoder reading from its blob store, one with its own metrics).
 *
 * <p>Thread-safe: images are immutable, and two workers asking for the same file at once may both
 * decode it, which costs time but never a wrong answer.
 */
public final class CachingDecoder implements ImageDecoder {
    private final ImageDecoder delegate;
    private final Map<Key, Image> images = new ConcurrentHashMap<>();
    private final AtomicLong decoded = new AtomicLong();

    private record Key(Path file, DecodeOptions options) {
    }

    /**
     * @param delegate the decoder that does the work; must be thread-safe
     * @throws NullPointerException if {@code delegate} is null
     */
    public CachingDecoder(ImageDecoder delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    /** Decodes bytes held in memory, every time: they have no name to keep them under. */
    @Override
    public Image decode(ByteBuffer encoded, DecodeOptions options) throws DecodeException {
        decoded.incrementAndGet();
        return delegate.decode(encoded, options);
    }

    /** The file's image from memory, or decoded by the delegate and kept when first asked for. Failures are not kept. */
    @Override
    public Image decode(Path file, DecodeOptions options) throws DecodeException {
        Key key = new Key(file.toAbsolutePath().normalize(), options);
        Image cached = images.get(key);
        if (cached != null) {
            return cached;
        }
        decoded.incrementAndGet();
        Image image = delegate.decode(file, options);
        images.putIfAbsent(key, image);
        return image;
    }

    /** How many times the delegate was asked to decode. */
    public long decodes() {
        return decoded.get();
    }
}
