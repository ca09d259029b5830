package org.linli.drivers.mqtt;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The set of known vendor profiles by name: the built-in ones shipped in the jar, plus an installer's folder
 * that adds vendors or overrides a built-in profile of the same name. Immutable.
 */
public final class VendorProfiles {
    static final String RESOURCE_DIR = "profiles/mqtt/";
    static final String INDEX = RESOURCE_DIR + "index.txt";

    private final Map<String, VendorProfile> byName;

    private VendorProfiles(Map<String, VendorProfile> byName) {
        this.byName = Collections.unmodifiableMap(byName);
    }

    /** The profiles listed in {@code profiles/mqtt/index.txt} on the classpath (one name per line, # comments). */
    public static VendorProfiles builtIn() {
        Map<String, VendorProfile> profiles = new LinkedHashMap<>();
        for (String name : indexNames()) {
            String resource = RESOURCE_DIR + name + ".yaml";
            try (InputStream in = resourceStream(resource)) {
                if (in == null) {
                    throw new InvalidProfileException(resource, "listed in " + INDEX + " but not on the classpath");
                }
                add(profiles, name, ProfileReader.read(resource, in), resource);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + resource, e);
            }
        }
        return new VendorProfiles(profiles);
    }

    /** These profiles plus every {@code *.yaml} in {@code dir}; a file's profile replaces one of the same name. */
    public VendorProfiles withDirectory(Path dir) {
        Map<String, VendorProfile> profiles = new LinkedHashMap<>(byName);
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list profile directory " + dir, e);
        }
        for (Path file : files) {
            String fileName = file.getFileName().toString();
            try (InputStream in = Files.newInputStream(file)) {
                profiles.remove(fileName.substring(0, fileName.length() - ".yaml".length()));
                add(profiles, fileName.substring(0, fileName.length() - ".yaml".length()),
                        ProfileReader.read(file.toString(), in), file.toString());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
        return new VendorProfiles(profiles);
    }

    public Optional<VendorProfile> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** In load order: built-in index order, then directory files by name. */
    public Collection<VendorProfile> all() {
        return byName.values();
    }

    // a profile is found by its file name, so the two must agree or an override would silently miss
    private static void add(Map<String, VendorProfile> profiles, String fileStem, VendorProfile profile, String source) {
        if (!profile.name().equals(fileStem)) {
            throw new InvalidProfileException(source, "name '" + profile.name() + "' must equal the file name '" + fileStem + "'");
        }
        if (profiles.containsKey(fileStem)) {
            throw new InvalidProfileException(source, "profile '" + fileStem + "' is listed twice");
        }
        profiles.put(fileStem, profile);
    }

    private static List<String> indexNames() {
        try (InputStream in = resourceStream(INDEX)) {
            if (in == null) {
                throw new IllegalStateException(INDEX + " is not on the classpath");
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(line -> line.replaceFirst("#.*", "").strip())
                    .filter(line -> !line.isEmpty())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + INDEX, e);
        }
    }

    private static InputStream resourceStream(String resource) {
        return VendorProfiles.class.getClassLoader().getResourceAsStream(resource);
    }
}
