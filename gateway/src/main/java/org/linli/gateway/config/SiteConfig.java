package org.linli.gateway.config;

import java.util.List;

/**
 * The whole configuration file: the compound and its people, the grids, the devices, and the connections.
 * Bound from YAML by {@link ConfigLoader}; checked by {@link ConfigValidator}. Optional sections are null when absent.
 */
public record SiteConfig(
        CompoundConfig site,
        List<GridConfig> grids,
        List<DeviceConfig> devices,
        MqttOptions mqtt,
        InfluxOptions influx,
        HttpOptions http,
        StorageOptions storage,
        RulesOptions rules) {

    public SiteConfig {
        grids = grids == null ? List.of() : List.copyOf(grids);
        devices = devices == null ? List.of() : List.copyOf(devices);
        http = http == null ? HttpOptions.defaults() : http;
        storage = storage == null ? StorageOptions.defaults() : storage;
    }

    /** Without a {@code rules:} section (the rule engine then uses its defaults). */
    public SiteConfig(CompoundConfig site, List<GridConfig> grids, List<DeviceConfig> devices, MqttOptions mqtt,
                      InfluxOptions influx, HttpOptions http, StorageOptions storage) {
        this(site, grids, devices, mqtt, influx, http, storage, null);
    }
}
