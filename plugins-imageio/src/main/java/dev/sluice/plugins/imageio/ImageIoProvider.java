package dev.sluice.plugins.imageio;

import dev.sluice.api.spi.AbstractPluginProvider;
import dev.sluice.api.spi.Availability;

/**
 * What the ImageIO decoder and encoder providers share: the id {@code imageio}, the pure-Java
 * priority, and availability as the presence of javax.imageio.
 */
abstract class ImageIoProvider extends AbstractPluginProvider {

    /**
     * Id {@code imageio}, priority 100, the built-in pure-Java one: {@code opencv} (200) is preferred
     * under {@code auto} where it loads.
     */
    ImageIoProvider() {
        super("imageio", 100);
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
