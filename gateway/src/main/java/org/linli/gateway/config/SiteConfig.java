package org.linli.gateway.config;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * The whole configuration file: the compound and its people, the grids, the devices, and the connections.
 * Bound from YAML by {@link ConfigLoader}; checked by {@link ConfigValidator}. Optional sections are null when absent.
 * The {@code notify:} section is bound to {@code notifications} ({@code notify} is taken by {@link Object#notify()}).
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
        @JsonProperty("notify") NotifyOptions notifications,
        QueueOptions queue,
        CamerasOptions cameras,
        SerialOptions serial,
        RulesOptions rules,
        List<UserConfig> users) {

    public SiteConfig {
        grids = grids == null ? List.of() : List.copyOf(grids);
        devices = devices == null ? List.of() : List.copyOf(devices);
        http = http == null ? HttpOptions.defaults() : http;
        storage = storage == null ? StorageOptions.defaults() : storage;
        users = users == null ? null : List.copyOf(users);
    }

    /**
     * A site with only the required sections; every optional section is absent: no alert delivery channels
     * ({@code notify}), the queue with {@link QueueOptions#defaults()}, no cameras, no serial buses, the rule
     * engine's defaults, no console users (the API is open).
     */
    public SiteConfig(CompoundConfig site, List<GridConfig> grids, List<DeviceConfig> devices, MqttOptions mqtt,
                      InfluxOptions influx, HttpOptions http, StorageOptions storage) {
        this(site, grids, devices, mqtt, influx, http, storage, null, null, null, null, null, null);
    }

    // Tests and generated configs add optional sections with these, so adding a section never breaks a call site.

    public SiteConfig withNotifications(NotifyOptions n) {
        return new SiteConfig(site, grids, devices, mqtt, influx, http, storage, n, queue, cameras, serial, rules, users);
    }

    public SiteConfig withQueue(QueueOptions q) {
        return new SiteConfig(site, grids, devices, mqtt, influx, http, storage, notifications, q, cameras, serial, rules, users);
    }

    public SiteConfig withCameras(CamerasOptions c) {
        return new SiteConfig(site, grids, devices, mqtt, influx, http, storage, notifications, queue, c, serial, rules, users);
    }

    public SiteConfig withSerial(SerialOptions s) {
        return new SiteConfig(site, grids, devices, mqtt, influx, http, storage, notifications, queue, cameras, s, rules, users);
    }

    public SiteConfig withRules(RulesOptions r) {
        return new SiteConfig(site, grids, devices, mqtt, influx, http, storage, notifications, queue, cameras, serial, r, users);
    }

    public SiteConfig withUsers(List<UserConfig> u) {
        return new SiteConfig(site, grids, devices, mqtt, influx, http, storage, notifications, queue, cameras, serial, rules, u);
    }
}
