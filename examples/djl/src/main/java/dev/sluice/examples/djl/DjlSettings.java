package dev.sluice.examples.djl;

/**
 * The system properties that keep DJL from reaching the network, for an application that ships
 * DJL's PyTorch engine with its native library in jars ({@code pytorch-engine}, {@code pytorch-jni}
 * and {@code pytorch-native-cpu} with its platform classifier).
 *
 * <p>With those jars on the class path DJL finds {@code native/lib/pytorch.properties}, extracts the
 * libraries from the jar into its cache folder ({@code ~/.djl.ai}, or {@code ENGINE_CACHE_DIR}) and
 * loads them; it downloads only when no native jar matches. {@link #offline()} makes any download
 * attempt fail at once instead (DJL's {@code Utils.openUrl} refuses http and https in offline mode),
 * and turns off DJL's EC2 usage report, which offline mode also skips.
 *
 * <pre>{@code
 * public static void main(String[] args) {
 *     DjlSettings.offline();              // before the first DJL engine call
 *     try (Model model = Model.newInstance("cnn")) { ... }
 * }
 * }</pre>
 */
public final class DjlSettings {
    /** DJL's switch: {@code Utils.isOfflineMode()} reads it (or the {@code DJL_OFFLINE} variable). */
    public static final String OFFLINE = "ai.djl.offline";
    /** DJL's engine choice when several engines are on the class path. */
    public static final String DEFAULT_ENGINE = "ai.djl.default_engine";
    /** DJL's opt-out of its usage report on EC2. */
    public static final String OPT_OUT_TRACKING = "OPT_OUT_TRACKING";
    /** Threads PyTorch uses inside one operation (its intra-op pool), read when the engine starts. */
    public static final String TORCH_THREADS = "ai.djl.pytorch.num_threads";
    /** Threads PyTorch uses to run independent operations at once (its inter-op pool). */
    public static final String TORCH_INTEROP_THREADS = "ai.djl.pytorch.num_interop_threads";

    private DjlSettings() {
    }

    /**
     * Sets {@code ai.djl.offline=true}, {@code ai.djl.default_engine=PyTorch} and
     * {@code OPT_OUT_TRACKING=true}, each only where the property is not set already, so that a
     * {@code -D} on the command line wins. Call it before DJL's first engine call. Thread-safe.
     */
    public static void offline() {
        setIfAbsent(OFFLINE, "true");
        setIfAbsent(DEFAULT_ENGINE, "PyTorch");
        setIfAbsent(OPT_OUT_TRACKING, "true");
    }

    /**
     * Sets how many threads PyTorch uses within and across operations ({@value #TORCH_THREADS} and
     * {@value #TORCH_INTEROP_THREADS}), each only where not set already. By default PyTorch takes
     * every core for itself; when Sluice's worker threads decode and augment on the same cores, give
     * PyTorch what is left. Its OpenMP threads spin while they wait, so oversubscribed cores cost far
     * more than their share: on 2 busy cores the example ran 6 times faster with 1 thread than with 2.
     * Call it before DJL's first engine call. Thread-safe.
     *
     * @param threads threads per pool, {@code >= 1}
     * @throws IllegalArgumentException if {@code threads < 1}
     */
    public static void torchThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, was " + threads);
        }
        setIfAbsent(TORCH_THREADS, Integer.toString(threads));
        setIfAbsent(TORCH_INTEROP_THREADS, Integer.toString(threads));
    }

    private static void setIfAbsent(String key, String value) {
        synchronized (System.getProperties()) {
            if (System.getProperty(key) == null) {
                System.setProperty(key, value);
            }
        }
    }
}
