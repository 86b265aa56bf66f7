package dev.sluice.core.shard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reading and writing whole small archives for the tests. */
final class Tars {
    private Tars() {
    }

    /** The fixture {@code name} (made by make-fixtures.sh beside it) copied into {@code dir}. */
    static Path fixture(Path dir, String name) throws IOException {
        try (InputStream in = Tars.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("no fixture " + name);
            }
            Path copy = dir.resolve(name);
            Files.copy(in, copy);
            return copy;
        }
    }

    /** Every regular member, name to text, in archive order. */
    static Map<String, String> read(Path tar) throws IOException {
        Map<String, String> members = new LinkedHashMap<>();
        try (TarReader reader = TarReader.open(tar, tar.getFileName().toString())) {
            for (TarEntry entry = reader.next(); entry != null; entry = reader.next()) {
                members.put(entry.name(), new String(reader.readData(), StandardCharsets.UTF_8));
            }
        }
        return members;
    }

    /** Every regular member's name, data skipped. */
    static List<String> names(Path tar) {
        List<String> names = new ArrayList<>();
        try (TarReader reader = TarReader.open(tar, tar.getFileName().toString())) {
            for (TarEntry entry = reader.next(); entry != null; entry = reader.next()) {
                names.add(entry.name());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    /** Writes {@code members} (name to text) as an archive. */
    static Path write(Path tar, Map<String, String> members) throws IOException {
        try (TarWriter writer = new TarWriter(Files.newOutputStream(tar), 1_700_000_000L)) {
            for (Map.Entry<String, String> member : members.entrySet()) {
                writer.add(member.getKey(), member.getValue().getBytes(StandardCharsets.UTF_8));
            }
        }
        return tar;
    }
}
