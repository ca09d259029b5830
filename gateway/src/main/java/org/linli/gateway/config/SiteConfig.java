package org.linli.gateway.config;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * The whole configuration file: the compound and its people, the grids, the devices, and the connections.
 * Bound from YAML by {@link ConfigLoader}; checked by {@link ConfigValidator}. Optional sections are null when absent.
 * The {@code notify:} section is bound to {@code notifications} ({@code notify} is taken by {@link Object#notify()}).
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
        SerialOptions serial) {

    public SiteConfig {
        grids = grids == null ? List.of() : List.copyOf(grids);
        devices = devices == null ? List.of() : List.copyOf(devices);
        http = http == null ? HttpOptions.defaults() : http;
        storage = storage == null ? StorageOptions.defaults() : storage;
    }

    /**
     * A site with only the required sections; every optional section is absent: no alert delivery channels
     * ({@code notify}), the queue with {@link QueueOptions#defaults()}, no cameras, no serial buses.
     */
    public SiteConfig(CompoundConfig site, List<GridConfig> grids, List<DeviceConfig> devices, MqttOptions mqtt,
                      InfluxOptions influx, HttpOptions http, StorageOptions storage) {
        this(site, grids, devices, mqtt, influx, http, storage, null, null, null, null);
    }

    /** This site with a {@code notify:} section (tests and generated configs add optional sections this way). */
    public SiteConfig withNotifications(NotifyOptions n) {
        return new SiteConfig(site, grids, devices, mqtt, influx, http, storage, n, queue, cameras, serial);
    }

    public SiteConfig withQueue(QueueOptions q) {
        return new SiteConfig(site, grids, devices, mqtt, influx, http, storage, notifications, q, cameras, serial);
    }

    public SiteConfig withCameras(CamerasOptions c) {
        return new SiteConfig(site, grids, devices, mqtt, influx, http, storage, notifications, queue, c, serial);
    }

    public SiteConfig withSerial(SerialOptions s) {
        return new SiteConfig(site, grids, devices, mqtt, influx, http, storage, notifications, queue, cameras, s);
    }
}
