package org.linli.drivers.serial;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** One generated vector from {@code src/test/resources/golden/<protocol>/<name>.hex}: frame bytes + expectations. */
public record GoldenVector(String name, String comment, Map<String, String> expect, byte[] bytes) {

    public String get(String key) {
        String v = expect.get(key);
        if (v == null) {
            throw new IllegalStateException(name + ": no 'expect." + key + "'");
        }
        return v;
    }

    public boolean has(String key) {
        return expect.containsKey(key);
    }

    @Override
    public String toString() {
        return name;
    }

    /** Every vector in {@code golden/<folder>}, sorted by name. */
    public static List<GoldenVector> all(String folder) {
        URL url = GoldenVector.class.getClassLoader().getResource("golden/" + folder);
        try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
            return files.filter(p -> p.toString().endsWith(".hex")).sorted().map(GoldenVector::read).toList();
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("cannot list golden/" + folder, e);
        }
    }

    public static GoldenVector load(String folder, String name) {
        try (InputStream in = GoldenVector.class.getClassLoader()
                .getResourceAsStream("golden/" + folder + "/" + name + ".hex")) {
            return parse(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static GoldenVector read(Path p) {
        try {
            String name = p.getFileName().toString().replace(".hex", "");
            return parse(name, Files.readString(p));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static GoldenVector parse(String name, String text) {
        Map<String, String> expect = new LinkedHashMap<>();
        StringBuilder hex = new StringBuilder();
        String comment = "";
        for (String line : text.split("\n")) {
            if (line.startsWith("# expect.")) {
                int colon = line.indexOf(':');
                expect.put(line.substring(9, colon).trim(), line.substring(colon + 1).trim());
            } else if (line.startsWith("#")) {
                comment = line.substring(1).trim();
            } else {
                hex.append(line);
            }
        }
        return new GoldenVector(name, comment, expect, Hex.parse(hex.toString()));
    }
}
