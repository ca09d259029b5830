package org.linli.sim.demo;

import org.linli.drivers.mqtt.VendorProfile;
import org.linli.drivers.mqtt.VendorProfiles;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The built-in vendor profiles with every topic under one compound's prefix ({@code hepingli-3/acme/gas/{deviceId}/up}),
 * written to a profile folder (the installer's folder that overrides a built-in profile of the same name). The community
 * demo's compounds share one device broker and have the same device ids; with a prefix per compound each gateway
 * subscribes to, and each simulated compound publishes on, its own branch only, as when a vendor platform forwards
 * each compound under its own prefix. Used on the demo's main thread at start-up.
 */
final class PrefixedProfiles {
    private static final Pattern TOPIC_LINE = Pattern.compile("(?m)^topic: ");

    private PrefixedProfiles() {
    }

    /** Writes the prefixed copies into {@code dir} and returns the built-in profiles overridden by them. */
    static VendorProfiles write(Path dir, String prefix) {
        try {
            Files.createDirectories(dir);
            for (VendorProfile p : VendorProfiles.builtIn().all()) {
                String resource = "profiles/mqtt/" + p.name() + ".yaml";
                String text;
                try (InputStream in = PrefixedProfiles.class.getClassLoader().getResourceAsStream(resource)) {
                    if (in == null) {
                        throw new IllegalStateException(resource + " is not on the classpath");
                    }
                    text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
                Matcher m = TOPIC_LINE.matcher(text);
                if (!m.find()) {
                    throw new IllegalStateException(resource + " has no 'topic:' line");
                }
                Files.writeString(dir.resolve(p.name() + ".yaml"),
                        m.replaceFirst(Matcher.quoteReplacement("topic: " + prefix + "/")), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the profiles of " + prefix + " to " + dir, e);
        }
        return VendorProfiles.builtIn().withDirectory(dir);
    }
}
