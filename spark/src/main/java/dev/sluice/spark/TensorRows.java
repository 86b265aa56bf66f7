package dev.sluice.spark;

import dev.sluice.api.Image;
import dev.sluice.api.Tensor;
import java.nio.ByteBuffer;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** The rows {@link SparkPipeline} produces: a sample's tensor as bytes, shape and dtype, with its key and labels. */
final class TensorRows {
    /** key, data (little-endian, C order), shape, dtype ({@code float32}, {@code uint8}, ...), labels. */
    static final StructType SCHEMA = new StructType()
            .add("key", DataTypes.StringType, false)
            .add("data", DataTypes.BinaryType, false)
            .add("shape", DataTypes.createArrayType(DataTypes.IntegerType, false), false)
            .add("dtype", DataTypes.StringType, false)
            .add("labels", DataTypes.createArrayType(DataTypes.LongType, false), false);

    private TensorRows() {
    }

    /**
     * A row for {@code sample}: a {@link Tensor} as it is; an {@link Image} as a uint8 height x width x
     * channels tensor.
     *
     * @throws IllegalArgumentException if the sample is neither
     */
    static Row row(String key, Object sample, long[] labels) {
        Long[] labelList = boxed(labels);
        if (sample instanceof Tensor tensor) {
            ByteBuffer data = tensor.data();
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            return RowFactory.create(key, bytes, boxed(tensor.shape()), tensor.dtype().id(), labelList);
        }
        if (sample instanceof Image image) {
            byte[] bytes = new byte[image.byteSize()];
            image.sampleBytes().get(bytes);
            return RowFactory.create(key, bytes, boxed(new int[] {image.height(), image.width(), image.channels()}),
                    image.dtype().id(), labelList);
        }
        throw new IllegalArgumentException("the pipeline gave a " + sample.getClass().getName()
                + " for " + key + "; it must give a Tensor or an Image");
    }

    // Spark's row encoder takes arrays (or Scala sequences) for array columns, not Java lists.
    private static Integer[] boxed(int[] values) {
        Integer[] out = new Integer[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }

    static Long[] boxed(long[] values) {
        Long[] out = new Long[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }
}
