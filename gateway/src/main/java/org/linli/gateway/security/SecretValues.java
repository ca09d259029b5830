package org.linli.gateway.security;

import org.linli.gateway.config.SiteConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Every secret the config references by variable name, resolved: MQTT password, TLS key password, InfluxDB token,
 * camera passwords, and the notify channels' robot keys, tokens, signing secrets and webhook URLs.
 */
public final class SecretValues {
    private SecretValues() {
    }

    public static List<String> of(SiteConfig c, Function<String, String> env) {
        List<String> names = new ArrayList<>();
        if (c.mqtt() != null) {
            names.add(c.mqtt().passwordEnv());
            if (c.mqtt().tls() != null) {
                names.add(c.mqtt().tls().keyPasswordEnv());
            }
        }
        if (c.influx() != null) {
            names.add(c.influx().tokenEnv());
            c.influx().resolvedTargets().forEach(t -> names.add(t.tokenEnv()));   // each target's token
        }
        c.cameras().devices().forEach(cam -> names.add(cam.passwordEnv()));
        if (c.uplink() != null) {
            names.add(c.uplink().passwordEnv());
            if (c.uplink().tls() != null) {
                names.add(c.uplink().tls().keyPasswordEnv());
            }
        }
        c.notifications().channels().forEach(ch -> names.addAll(ch.secretEnvNames()));
        List<String> values = new ArrayList<>();
        for (String name : names) {
            if (name != null && env.apply(name) != null) {
                values.add(env.apply(name));
            }
        }
        return values;
    }

    public static Redaction redaction(SiteConfig c, Function<String, String> env) {
        return Redaction.of(of(c, env));
    }
}
