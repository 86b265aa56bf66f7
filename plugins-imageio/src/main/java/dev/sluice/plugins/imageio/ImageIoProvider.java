package dev.sluice.plugins.imageio;

import dev.sluice.api.spi.Availability;
import dev.sluice.api.spi.PluginProvider;

/**
 * What the ImageIO decoder and encoder providers share: the id {@code imageio}, the pure-Java
 * priority, and availability as the presence of javax.imageio.
 */
abstract class ImageIoProvider implements PluginProvider {

    /** {@code "imageio"}. */
    @Override
    public final String id() {
        return "imageio";
    }

    /** 100, the built-in pure-Java priority: {@code opencv} (200) is preferred under {@code auto} where it loads. */
    @Override
    public final int priority() {
        return 100;
    }

    /**
     * Available when the runtime has the {@code java.desktop} module (javax.imageio), which a
     * trimmed runtime image may leave out.
     */
    @Override
    public final Availability availability() {
        return Runtimes.imageIo();
    }
}
