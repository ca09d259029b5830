package org.linli.gateway.sitefile;

import org.linli.drivers.model.DeviceType;
import org.linli.gateway.auth.PasswordHashCheck;
import org.linli.gateway.config.ConfigException;
import org.linli.gateway.config.ConfigLoader;
import org.linli.gateway.config.SiteCheck;
import org.linli.gateway.config.SiteConfig;
import org.linli.gateway.serial.SerialProfileCheck;
import org.linli.gateway.site.CareFlagCheck;
import org.linli.gateway.site.PeopleAndPlacesCheck;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads a site file with every check: the config package's binding and validation, then the checks of the domain
 * packages that know care flags ({@code site}), password hashes ({@code auth}) and serial profile files
 * ({@code serial}). It sits above config and those packages, so that config depends on none of them. What
 * {@code linli run}, {@code linli check-config}, the simulators and the tests load a site file with. Main thread.
 */
public final class SiteFiles {
    /** The domain checks, in the order their problems are listed after the config package's own. */
    public static final List<SiteCheck> DOMAIN_CHECKS =
            List.of(new CareFlagCheck(), new PeopleAndPlacesCheck(), new PasswordHashCheck(), new SerialProfileCheck());

    private SiteFiles() {
    }

    /** Loads and checks {@code file}; see {@link ConfigLoader#load}. */
    public static SiteConfig load(Path file, Map<String, DeviceType> profiles, Function<String, String> env)
            throws ConfigException {
        return ConfigLoader.load(file, profiles, env, DOMAIN_CHECKS);
    }

    /** Loads and checks a site file's text; {@code source} names it in the problems. */
    public static SiteConfig parse(String yaml, String source, Map<String, DeviceType> profiles,
                                   Function<String, String> env) throws ConfigException {
        return ConfigLoader.parse(yaml, source, profiles, env, DOMAIN_CHECKS);
    }
}
