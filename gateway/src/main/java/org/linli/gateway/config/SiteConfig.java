package org.linli.gateway.config;

import java.util.List;

/**
 * The whole configuration file: the compound and its people, the grids, the devices, and the connections.
 * Bound from YAML by {@link ConfigLoader}; checked by {@link ConfigValidator}. Optional sections are null when absent
 * ({@code users}: no console login, the API is open).
 */
public record SiteConfig(
        CompoundConfig site,
        List<GridConfig> grids,
        List<DeviceConfig> devices,
        MqttOptions mqtt,
        InfluxOptions influx,
        HttpOptions http,
        StorageOptions storage,
        RulesOptions rules,
        List<UserConfig> users) {

    /** Without a {@code rules:} section (the rule engine then uses its defaults) and without console users. */
    public SiteConfig(CompoundConfig site, List<GridConfig> grids, List<DeviceConfig> devices, MqttOptions mqtt,
                      InfluxOptions influx, HttpOptions http, StorageOptions storage) {
        this(site, grids, devices, mqtt, influx, http, storage, null, null);
    }

    /** Without console users: the API stays open (tests, the loopback-only demo default). */
    public SiteConfig(CompoundConfig site, List<GridConfig> grids, List<DeviceConfig> devices, MqttOptions mqtt,
                      InfluxOptions influx, HttpOptions http, StorageOptions storage, RulesOptions rules) {
        this(site, grids, devices, mqtt, influx, http, storage, rules, null);
    }

    public SiteConfig {
        grids = grids == null ? List.of() : List.copyOf(grids);
        devices = devices == null ? List.of() : List.copyOf(devices);
        http = http == null ? HttpOptions.defaults() : http;
        storage = storage == null ? StorageOptions.defaults() : storage;
        users = users == null ? null : List.copyOf(users);
    }
}
