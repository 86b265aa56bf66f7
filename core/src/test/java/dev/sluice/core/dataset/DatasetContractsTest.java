package dev.sluice.core.dataset;

import dev.sluice.api.Dataset;
import dev.sluice.api.Options;
import dev.sluice.api.contract.DatasetContract;
import dev.sluice.core.label.LabelIndex;
import dev.sluice.core.testing.TinyImageDecoder;
import dev.sluice.core.label.TxtLabelFormatProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;

/** Core's datasets against the shared dataset contract. */
class DatasetContractsTest {

    @Nested
    class SubsetContract extends DatasetContract {
        @Override
        protected Dataset<?> createDataset() {
            return new Subset<>(RangeDataset.range(20), new long[] {19, 3, 3, 0, 7});
        }
    }

    @Nested
    class ConcatDatasetContract extends DatasetContract {
        @Override
        protected Dataset<?> createDataset() {
            return new ConcatDataset<>(List.of(RangeDataset.range(4), RangeDataset.range(0), RangeDataset.range(9)));
        }
    }

    @Nested
    class ImageLabelDatasetContract extends DatasetContract {
        @TempDir
        Path dir;

        @Override
        protected Dataset<?> createDataset() {
            try {
                Path images = dir.resolve("images");
                Files.createDirectories(images);
                StringBuilder labels = new StringBuilder();
                for (int i = 0; i < 12; i++) {
                    Files.write(images.resolve(i + ".tiny"), TinyImageDecoder.encode(1 + i % 3, 1 + i % 2, 10 * i));
                    labels.append(i).append(".tiny ").append(i % 4).append('\n');
                }
                Path labelFile = Files.writeString(dir.resolve("train.txt"), labels);
                LabelIndex index = LabelIndex.read(new TxtLabelFormatProvider().create(Options.empty()), labelFile,
                        images);
                return ImageLabelDataset.builder(index, images, new TinyImageDecoder()).repeat(Repeat.times(2)).build();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
