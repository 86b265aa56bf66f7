package dev.sluice.spark;

import dev.sluice.core.dataset.ErrorPolicy;
import dev.sluice.core.wiring.ImagePipeline;
import dev.sluice.core.wiring.SluiceConfig;
import java.nio.ByteBuffer;
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
            Object sample = built.pipeline().apply(name, ByteBuffer.wrap(bytes), (reason, cause) -> new RowFailure(name,
                    reason, cause));
            return TensorRows.row(name, sample, labels(row));
        } catch (RuntimeException e) {
            RowFailure failure = e instanceof RowFailure named ? named
                    : new RowFailure(name, String.valueOf(e.getMessage()), e);
            if (!built.skip()) {
                throw failure;
            }
            LOG.warn("{}: skipped: {}", name, failure.reason);
            return null;
        }
    }

    /** A row that could not be made, named by its key. */
    private static final class RowFailure extends IllegalStateException {
        private static final long serialVersionUID = 1L;
        private final String reason;

        RowFailure(String name, String reason, Throwable cause) {
            super(name + ": " + reason, cause);
            this.reason = reason;
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
}
