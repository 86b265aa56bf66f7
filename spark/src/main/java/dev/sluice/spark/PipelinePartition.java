package dev.sluice.spark;

import dev.sluice.api.DecodeException;
import dev.sluice.core.dataset.ErrorPolicy;
import dev.sluice.core.sampler.Seeds;
import dev.sluice.core.wiring.ImagePipeline;
import dev.sluice.core.wiring.SluiceConfig;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One partition through the pipeline, on an executor: a row in, a row out (or none, skipped). */
final class PipelinePartition implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(PipelinePartition.class);
    /** Tags the rows' random streams apart from every other use of the seed. */
    private static final long ROW_STREAM = 0x53504152524FL;

    private final ConfigText config;
    private final int key;
    private final int content;
    private final int labels;

    PipelinePartition(ConfigText config, int key, int content, int labels) {
        this.config = config;
        this.key = key;
        this.content = content;
        this.labels = labels;
    }

    /** The pipeline and error policy an executor builds once per configuration. */
    private record Built(ImagePipeline pipeline, boolean skip) {
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
        Built built = ExecutorCache.get(config, text -> {
            SluiceConfig parsed = text.parse();
            ImagePipeline pipeline = ImagePipeline.fromConfig(parsed, ConfigText.plugins());
            return new Built(pipeline, pipeline.onError() == ErrorPolicy.SKIP);
        });
        return new Iterator<>() {
            private Row next;

            @Override
            public boolean hasNext() {
                while (next == null && rows.hasNext()) {
                    next = transform(rows.next(), built);
                }
                return next != null;
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Row row = next;
                next = null;
                return row;
            }
        };
    }

    /** The output row, or null when the row failed and failures are skipped. */
    private Row transform(Row row, Built built) {
        String name = String.valueOf(row.get(key));
        try {
            byte[] bytes = (byte[]) row.get(content);
            if (bytes == null) {
                throw new IllegalArgumentException("its image bytes are null");
            }
            Object sample = built.pipeline().apply(ByteBuffer.wrap(bytes),
                    Seeds.random(built.pipeline().seed(), ROW_STREAM, keyHash(name)));
            return TensorRows.row(name, sample, labels(row));
        } catch (DecodeException | RuntimeException e) {
            String reason = e instanceof DecodeException decode ? decode.reason() : String.valueOf(e.getMessage());
            if (!built.skip()) {
                throw new IllegalStateException(name + ": " + reason, e);
            }
            LOG.warn("{}: skipped: {}", name, reason);
            return null;
        }
    }

    private long[] labels(Row row) {
        if (labels < 0 || row.isNullAt(labels)) {
            return new long[0];
        }
        Object value = row.get(labels);
        if (value instanceof Number number) {
            return new long[] {number.longValue()};
        }
        if (!(value instanceof scala.collection.Seq<?>)) {
            throw new IllegalArgumentException("its labels are a " + value.getClass().getName()
                    + ", not an integer or an array of integers");
        }
        List<Object> list = row.getList(labels);
        long[] out = new long[list.size()];
        for (int i = 0; i < out.length; i++) {
            if (!(list.get(i) instanceof Number number)) {
                throw new IllegalArgumentException("label " + list.get(i) + " is not an integer");
            }
            out[i] = number.longValue();
        }
        return out;
    }

    /** A 64-bit FNV-1a hash of the key's UTF-8 bytes: the same on every machine and JVM. */
    static long keyHash(String name) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            hash = (hash ^ (b & 0xFF)) * 0x100000001b3L;
        }
        return hash;
    }
}
