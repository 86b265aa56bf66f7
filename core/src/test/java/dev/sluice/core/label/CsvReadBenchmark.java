package dev.sluice.core.label;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.sluice.api.LabelSink;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.core.JsonToken;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvParser;
import tools.jackson.dataformat.csv.CsvReadFeature;

/**
 * JMH: CSV label files of 2,000,000 rows read by the {@code csv} label format ({@link CsvLabelFormat}:
 * FastCSV with Sluice's checks and messages) and by three maintained parsers alone (FastCSV, Apache
 * Commons CSV, Jackson's CSV module), each taking the path and parsing every label. BENCHMARKS.md has
 * the run that chose FastCSV, beside the hand-written reader it replaced. Two files: {@code pairs}, ImageNet-like
 * {@code path,label} rows (about 40 bytes); {@code table}, seven columns with a quoted path that
 * holds a comma in every tenth row. One operation is one whole file; lines per second are
 * 2,000,000 divided by the score.
 *
 * <pre>
 * mvn -B -q -o -pl core -am test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -cp core/target/test-classes:core/target/classes:$(cat core/target/cp.txt) org.openjdk.jmh.Main CsvReadBenchmark
 * </pre>
 *
 * On a loaded machine, {@link #main} (same class path, class {@code dev.sluice.core.label.CsvReadBenchmark})
 * measures by CPU time instead.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CsvReadBenchmark {
    static final int ROWS = 2_000_000;

    @Param({"pairs", "table"})
    public String shape;

    private Path file;
    private int pathColumn;
    private int[] labelColumns;

    @Setup(Level.Trial)
    public void write() throws IOException {
        file = Files.createTempFile("sluice-csv-bench", ".csv");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            if (shape.equals("pairs")) {
                out.write("path,label\n");
                for (int i = 0; i < ROWS; i++) {
                    int synset = i % 1000;
                    out.write("train/n0" + (1440764 + synset * 97) + "/n0" + (1440764 + synset * 97) + "_" + i
                            + ".JPEG," + synset + "\n");
                }
                pathColumn = 0;
                labelColumns = new int[] {1};
            } else {
                out.write("id,path,species,pose,split,width,height\r\n");
                for (int i = 0; i < ROWS; i++) {
                    String path = i % 10 == 0 ? "\"photos/" + (i % 97) + "/cat, grey " + i + ".jpg\""
                            : "photos/" + (i % 97) + "/img_" + i + ".jpg";
                    out.write(i + "," + path + "," + (i % 37) + "," + (i % 5) + "," + (i % 3) + ",640,480\r\n");
                }
                pathColumn = 1;
                labelColumns = new int[] {2, 3, 4};
            }
        }
    }

    @TearDown(Level.Trial)
    public void delete() throws IOException {
        Files.delete(file);
    }

    @Benchmark
    public long labelFormat() throws IOException {
        List<String> labelNames = shape.equals("pairs") ? List.of("label") : List.of("species", "pose", "split");
        long[] sum = {0};
        new CsvLabelFormat("path", labelNames, ',').read(file, new LabelSink() {
            @Override
            public void entry(String path, long[] labels, long line) {
                sum[0] += path.length();
                for (long label : labels) {
                    sum[0] += label;
                }
            }

            @Override
            public void problem(long line, String text, String reason) {
                throw new IllegalStateException(line + ": " + reason);
            }
        });
        return sum[0];
    }

    @Benchmark
    public long fastCsv() throws IOException {
        long sum = 0;
        try (CsvReader<CsvRecord> csv = CsvReader.builder()
                .ofCsvRecord(reader())) {
            boolean header = true;
            for (CsvRecord record : csv) {
                if (header) {
                    header = false;
                    continue;
                }
                sum += record.getField(pathColumn).length();
                for (int column : labelColumns) {
                    sum += Long.parseLong(record.getField(column).strip());
                }
            }
        }
        return sum;
    }

    @Benchmark
    public long commonsCsv() throws IOException {
        long sum = 0;
        try (CSVParser csv = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader())) {
            for (CSVRecord record : csv) {
                sum += record.get(pathColumn).length();
                for (int column : labelColumns) {
                    sum += Long.parseLong(record.get(column).strip());
                }
            }
        }
        return sum;
    }

    @Benchmark
    public long jacksonCsv() throws IOException {
        long sum = 0;
        CsvMapper mapper = CsvMapper.builder().enable(CsvReadFeature.WRAP_AS_ARRAY).build();
        try (CsvParser csv = (CsvParser) mapper.createParser(reader())) {
            boolean header = true;
            int column = 0;
            for (JsonToken token = csv.nextToken(); token != null; token = csv.nextToken()) {
                if (token == JsonToken.START_ARRAY) {
                    column = 0;
                } else if (token == JsonToken.END_ARRAY) {
                    header = false;
                } else if (!header) {
                    if (column == pathColumn) {
                        sum += csv.getString().length();
                    } else if (isLabel(column)) {
                        sum += Long.parseLong(csv.getString().strip());
                    }
                    column++;
                }
            }
        }
        return sum;
    }

    private boolean isLabel(int column) {
        for (int label : labelColumns) {
            if (label == column) {
                return true;
            }
        }
        return false;
    }

    /** One way of reading the file, for {@link #main}. */
    private interface Reading {
        long run() throws IOException;
    }

    /**
     * Reads each file with every parser in turn, by this thread's CPU time, which other processes on
     * a loaded machine do not inflate as they inflate wall-clock time: {@code rounds} rounds (default
     * 15) after 3 to warm up, then the median per parser in ms per file, in lines per second, and as
     * a ratio to the {@code csv} label format's. Arguments: {@code [rounds]}.
     */
    public static void main(String[] args) throws IOException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (String shape : new String[] {"pairs", "table"}) {
            CsvReadBenchmark bench = new CsvReadBenchmark();
            bench.shape = shape;
            bench.write();
            try {
                Map<String, Reading> readings = new LinkedHashMap<>();
                readings.put("labelFormat", bench::labelFormat);
                readings.put("fastCsv", bench::fastCsv);
                readings.put("commonsCsv", bench::commonsCsv);
                readings.put("jacksonCsv", bench::jacksonCsv);
                Map<String, double[]> millis = new LinkedHashMap<>();
                readings.keySet().forEach(name -> millis.put(name, new double[rounds]));
                for (int round = -3; round < rounds; round++) {
                    for (Map.Entry<String, Reading> reading : readings.entrySet()) {
                        long start = threads.getCurrentThreadCpuTime();
                        reading.getValue().run();
                        double spent = (threads.getCurrentThreadCpuTime() - start) / 1e6;
                        if (round >= 0) {
                            millis.get(reading.getKey())[round] = spent;
                        }
                    }
                }
                double own = median(millis.get("labelFormat"));
                for (Map.Entry<String, double[]> result : millis.entrySet()) {
                    double median = median(result.getValue());
                    double[] sorted = result.getValue().clone();
                    Arrays.sort(sorted);
                    System.out.printf(Locale.ROOT, "%s %-12s median %7.1f ms (range %.1f..%.1f) %5.2f M lines/s, "
                            + "%.2fx csv's time%n", shape, result.getKey(), median, sorted[0],
                            sorted[sorted.length - 1], ROWS / median / 1e3, median / own);
                }
            } finally {
                bench.delete();
            }
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private Reader reader() throws IOException {
        return new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8);
    }
}
