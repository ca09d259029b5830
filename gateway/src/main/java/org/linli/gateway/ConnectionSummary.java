package org.linli.gateway;

import org.linli.gateway.config.HttpOptions;
import org.linli.gateway.config.InfluxTarget;
import org.linli.gateway.config.MqttOptions;
import org.linli.gateway.config.MqttTlsOptions;
import org.linli.gateway.config.SiteConfig;
import org.linli.gateway.security.MqttTls;
import org.linli.gateway.security.PemFiles;
import org.linli.gateway.security.Redaction;

import java.io.PrintStream;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.function.Function;

/**
 * What {@code check-config} prints: where the gateway would connect, with which TLS settings, and where secrets come
 * from (variable names, never values; URLs with their passwords masked).
 */
public final class ConnectionSummary {
    private ConnectionSummary() {
    }

    public static void print(SiteConfig c, Function<String, String> env, PrintStream out) {
        out.printf("  mqtt      %s (MQTT %s, client id %s%s, at most %d messages in flight)%n", Redaction.url(c.mqtt().url()),
                c.mqtt().version(), c.mqtt().clientId(), c.mqtt().username() == null ? ", anonymous"
                        : ", user " + c.mqtt().username() + (c.mqtt().passwordEnv() == null ? ", no password"
                        : ", password from $" + c.mqtt().passwordEnv()), c.mqtt().maxInFlight());
        if (c.mqtt().lifeSafetyConnection()) {
            out.printf("  mqtt      and a life-safety connection for the gas alarms' and smoke detectors' topics, client id %s%n",
                    c.mqtt().clientId() + MqttOptions.LIFE_SAFETY_CLIENT_SUFFIX);
        }
        MqttTlsOptions t = c.mqtt().tls();
        if (c.mqtt().usesTls()) {
            out.printf("  mqtt tls  CA %s, client certificate %s, verify host name %s%n",
                    t == null || t.caFile() == null ? "the JVM's default trust store" : t.caFile(),
                    t == null || t.certFile() == null ? "none" : t.certFile() + " + key " + t.keyFile()
                            + (t.keyPasswordEnv() == null ? "" : " (password from $" + t.keyPasswordEnv() + ")"),
                    t == null || t.verifyHostname() ? "yes" : "NO (only for a broker reached by an address its certificate does not name)");
        } else {
            out.printf("  mqtt tls  none: plain TCP (use ssl://host:8883 and mqtt.tls off the loopback)%n");
        }
        for (InfluxTarget target : c.influx().resolvedTargets()) {
            // one line per time-series target; the single-target form prints as it always has
            out.printf("  influxdb  %s%s (org %s, bucket %s, token from $%s)%n",
                    c.influx().hasTargetList() ? "[" + target.name() + "] " : "", Redaction.url(target.url()),
                    target.org(), target.bucket(), target.tokenEnv());
        }
        HttpOptions h = c.http();
        out.printf("  http      %s://%s:%d%s%n", h.usesTls() ? "https" : "http", h.host(), h.port(),
                h.usesTls() ? " (certificate " + h.tlsCertFile() + ", key " + h.tlsKeyFile() + ")" : "");
        out.printf("  data dir  %s%n", c.storage().dataDir());
        out.printf("  pipeline  %s%n", c.pipeline().describe());
    }

    /** Loads the TLS certificates and keys as the gateway will; false (with the reason on {@code err}) if one fails. */
    public static boolean checkTlsMaterial(SiteConfig c, Function<String, String> env, PrintStream err) {
        boolean ok = true;
        try {
            MqttTls.socketFactory(c.mqtt().tls(), env);
        } catch (GeneralSecurityException e) {
            err.println("mqtt.tls: " + e.getMessage());
            ok = false;
        }
        if (c.http().usesTls()) {
            try {
                PemFiles.certificates(Path.of(c.http().tlsCertFile()));
                PemFiles.checkPlainKey(Path.of(c.http().tlsKeyFile()));
            } catch (GeneralSecurityException e) {
                err.println("http TLS: " + e.getMessage());
                ok = false;
            }
        }
        return ok;
    }
}
