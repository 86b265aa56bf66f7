package dev.sluice.core.bench;

import dev.sluice.api.DType;
import dev.sluice.api.Dataset;
import dev.sluice.api.Tensor;
import dev.sluice.core.loader.DataLoader;
import dev.sluice.core.loader.DataLoaderBuilder;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Locale;

/**
 * The loader's own cost: batches per second over a dataset whose samples are ready 3x224x224
 * float32 tensors, collated into batches of 64 by the default collate (one 38.5 MB copy per batch),
 * at 0, 1 and 2 workers, heap and pinned. A benchmark, not a test: run it on a quiet machine.
 *
 * <pre>
 * mvn -q -pl api,core test-compile
 * java -cp "core/target/test-classes:core/target/classes:api/target/classes:$(cat /tmp/cp.txt)" \
 *     dev.sluice.core.bench.LoaderOverheadBench [seconds-per-run] [repeats]
 * </pre>
 */
public final class LoaderOverheadBench {
    private static final int BATCH = 64;
    private static final int[] SHAPE = {3, 224, 224};

    private LoaderOverheadBench() {
    }

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3;
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Dataset<Tensor> ready = readyTensors(BATCH * 50);
        System.out.printf(Locale.ROOT, "batch %d of %s float32, %d runs of %.1f s each; median [min-max] batches/s%n",
                BATCH, Arrays.toString(SHAPE), repeats, seconds);
        for (boolean pinned : new boolean[] {false, true}) {
            for (int workers = 0; workers <= 2; workers++) {
                double[] rates = new double[repeats];
                for (int r = 0; r < repeats; r++) {
                    rates[r] = batchesPerSecond(ready, workers, pinned, seconds);
                }
                Arrays.sort(rates);
                System.out.printf(Locale.ROOT, "num_workers=%d pin_memory=%-5b %8.1f [%.1f-%.1f] batches/s  (%.0f samples/s)%n",
                        workers, pinned, rates[repeats / 2], rates[0], rates[repeats - 1], rates[repeats / 2] * BATCH);
            }
        }
    }

    private static Dataset<Tensor> readyTensors(long size) {
        int elements = SHAPE[0] * SHAPE[1] * SHAPE[2];
        ByteBuffer data = ByteBuffer.allocate(elements * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < elements; i++) {
            data.putFloat((i % 255) / 255f);
        }
        Tensor sample = Tensor.wrap(DType.FLOAT32, SHAPE, data.flip());
        return new Dataset<>() {
            @Override
            public Tensor get(long index) {
                return sample;
            }

            @Override
            public long size() {
                return size;
            }
        };
    }

    private static double batchesPerSecond(Dataset<Tensor> dataset, int workers, boolean pinned, double seconds) {
        DataLoaderBuilder<Tensor, Object> builder = DataLoader.builder(dataset).batchSize(BATCH).shuffle(true)
                .numWorkers(workers).pinMemory(pinned);
        long batches = 0;
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        try (DataLoader<Tensor, Object> loader = builder.build()) {
            while (System.nanoTime() < end) {
                for (Object batch : loader) {
                    loader.release(batch);
                    batches++;
                    if (System.nanoTime() >= end) {
                        break;
                    }
                }
            }
        }
        return batches / ((System.nanoTime() - start) / 1e9);
    }
}
