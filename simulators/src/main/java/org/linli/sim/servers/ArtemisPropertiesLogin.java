package org.linli.sim.servers;

import org.apache.activemq.artemis.core.config.impl.SecurityConfiguration;
import org.apache.activemq.artemis.spi.core.security.jaas.PropertiesLoginModule;

import javax.security.auth.login.AppConfigurationEntry;
import java.nio.file.Path;
import java.util.Map;

/**
 * The JAAS configuration of an embedded Artemis node with per-user logins: Artemis's own {@link PropertiesLoginModule}
 * reading {@code artemis-users.properties} (user = password) and {@code artemis-roles.properties} (role = users) from
 * one directory, the same two files and module the distribution's {@code etc/login.config} uses. Extends Artemis's
 * {@link SecurityConfiguration} only because that is the type its JAAS security manager accepts.
 */
final class ArtemisPropertiesLogin extends SecurityConfiguration {
    private final Path dir;

    ArtemisPropertiesLogin(Path dir) {
        this.dir = dir.toAbsolutePath();
    }

    @Override
    public AppConfigurationEntry[] getAppConfigurationEntry(String name) {
        return new AppConfigurationEntry[]{new AppConfigurationEntry(PropertiesLoginModule.class.getName(),
                AppConfigurationEntry.LoginModuleControlFlag.REQUIRED,
                Map.of("baseDir", dir.toString(),
                        PropertiesLoginModule.USER_FILE_PROP_NAME, "artemis-users.properties",
                        PropertiesLoginModule.ROLE_FILE_PROP_NAME, "artemis-roles.properties"))};
    }
}
