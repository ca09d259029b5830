package org.linli.centre.config;

import java.util.List;

/**
 * {@code broker:}: the cluster's node URLs ({@code tcp://} or {@code ssl://}, all given to Paho as serverURIs), the
 * centre's login, the environment variable holding its password, and an optional trust store (PKCS12/JKS path) for
 * {@code ssl://} nodes, its password in {@code trustStorePasswordEnv}.
 */
public record BrokerOptions(List<String> urls, String username, String passwordEnv, String trustStore,
                            String trustStorePasswordEnv) {
    public BrokerOptions {
        urls = urls == null ? List.of() : List.copyOf(urls);
    }
}
