package dev.sluice.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class LabelSinkTest {
    /** A sink written before warnings existed: only entries and problems. */
    private static final class OldSink implements LabelSink {
        @Override
        public void entry(String path, long[] labels, long line) {
            throw new AssertionError("no entry expected");
        }

        @Override
        public void problem(long line, String text, String reason) {
            throw new AssertionError("a warning is no problem: " + reason);
        }
    }

    @Test
    void aSinkThatKnowsNoWarningsLogsThemInsteadOfDroppingThem() {
        Logger logger = Logger.getLogger(LabelSink.class.getName());
        List<LogRecord> records = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(handler);
        try {
            new OldSink().warning(0, null, "a.txt:3: 1 duplicate label removed");
            new OldSink().warning(7, "0 0.5 0.5 0.1 0.1", "1 duplicate label removed");
        } finally {
            logger.removeHandler(handler);
        }
        assertEquals(List.of("a.txt:3: 1 duplicate label removed", "7: 1 duplicate label removed: '0 0.5 0.5 0.1 0.1'"),
                records.stream().map(LogRecord::getMessage).toList());
        assertEquals(List.of(Level.WARNING, Level.WARNING), records.stream().map(LogRecord::getLevel).toList());
    }
}
