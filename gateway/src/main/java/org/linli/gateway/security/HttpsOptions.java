package org.linli.gateway.security;

import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import org.linli.gateway.config.HttpOptions;

/** The console/API listener's Vert.x options: HTTPS from PEM files when {@code http.tlsCertFile} is set. */
public final class HttpsOptions {
    private HttpsOptions() {
    }

    public static HttpServerOptions serverOptions(HttpOptions http) {
        HttpServerOptions o = new HttpServerOptions().setHost(http.host()).setPort(http.port());
        if (http.usesTls()) {
            o.setSsl(true).setKeyCertOptions(new PemKeyCertOptions().setCertPath(http.tlsCertFile()).setKeyPath(http.tlsKeyFile()));
        }
        return o;
    }
}
