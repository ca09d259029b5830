package org.linli.gateway.config;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * The whole configuration file: the compound and its people, the grids, the devices, and the connections.
 * Bound from YAML by {@link ConfigLoader}; checked by {@link ConfigValidator} and the domain {@link SiteCheck}s.
 * Every optional section is present after binding, at its defaults when the file has none ({@code notify}: no
 * channels, {@code queue}, {@code cameras}: none, {@code serial}: no buses, {@code rules}), so no reader checks for
 * null. The one exception is {@code users}: null when the section is absent (no console login, the API is open),
 * which differs from an empty list (refused: it would lock everyone out); and {@code uplink}: null when absent (no
 * uplink to the centre, docs/CENTRE.md).
 * The {@code notify:} section is bound to {@code notifications} ({@code notify} is taken by {@link Object#notify()}).
 * Tests and generated sites start from {@link #of} and add sections with the {@code with...} methods.
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
        List<UserConfig> users,
        UplinkOptions uplink,
        PipelineOptions pipeline) {

    public SiteConfig {
        grids = grids == null ? List.of() : List.copyOf(grids);
        devices = devices == null ? List.of() : List.copyOf(devices);
        http = http == null ? HttpOptions.defaults() : http;
        storage = storage == null ? StorageOptions.defaults() : storage;
        notifications = notifications == null ? NotifyOptions.none() : notifications;
        queue = queue == null ? QueueOptions.defaults() : queue;
        cameras = cameras == null ? CamerasOptions.none() : cameras;
        serial = serial == null ? SerialOptions.none() : serial;
        rules = rules == null ? RulesOptions.defaults() : rules;
        users = users == null ? null : List.copyOf(users);
        pipeline = pipeline == null ? PipelineOptions.defaults() : pipeline;
    }

    /** The site file without a {@code pipeline:} section (the one that existed before it). */
    public SiteConfig(CompoundConfig site, List<GridConfig> grids, List<DeviceConfig> devices, MqttOptions mqtt,
                      InfluxOptions influx, HttpOptions http, StorageOptions storage, NotifyOptions notifications,
                      QueueOptions queue, CamerasOptions cameras, SerialOptions serial, RulesOptions rules,
                      List<UserConfig> users, UplinkOptions uplink) {
        this(site, grids, devices, mqtt, influx, http, storage, notifications, queue, cameras, serial, rules, users,
                uplink, null);
    }

    /** A site with the required sections; every optional one at its default and no {@code users} (open API). */
    public static SiteConfig of(CompoundConfig site, List<GridConfig> grids, List<DeviceConfig> devices, MqttOptions mqtt,
                                InfluxOptions influx) {
        return new SiteConfig(site, grids, devices, mqtt, influx, null, null, null, null, null, null, null, null, null);
    }

    public SiteConfig withDevices(List<DeviceConfig> d) {
        return new SiteConfig(site, grids, d, mqtt, influx, http, storage, notifications, queue, cameras, serial, rules, users, uplink, pipeline);
    }

    public SiteConfig withMqtt(MqttOptions m) {
        return new SiteConfig(site, grids, devices, m, influx, http, storage, notifications, queue, cameras, serial, rules, users, uplink, pipeline);
    }

    public SiteConfig withInflux(InfluxOptions i) {
        return new SiteConfig(site, grids, devices, mqtt, i, http, storage, notifications, queue, cameras, serial, rules, users, uplink, pipeline);
    }

    public SiteConfig withHttp(HttpOptions h) {
        return new SiteConfig(site, grids, devices, mqtt, influx, h, storage, notifications, queue, cameras, serial, rules, users, uplink, pipeline);
    }

    public SiteConfig withStorage(StorageOptions s) {
        return new SiteConfig(site, grids, devices, mqtt, influx, http, s, notifications, queue, cameras, serial, rules, users, uplink, pipeline);
    }

    public SiteConfig withNotifications(NotifyOptions n) {
        return new SiteConfig(site, grids, devices, mqtt, influx, http, storage, n, queue, cameras, serial, rules, users, uplink, pipeline);
    }

    public SiteConfig withQueue(QueueOptions q) {
        return new SiteConfig(site, grids, devices, mqtt, influx, http, storage, notifications, q, cameras, serial, rules, users, uplink, pipeline);
    }

    public SiteConfig withCameras(CamerasOptions c) {
        return new SiteConfig(site, grids, devices, mqtt, influx, http, storage, notifications, queue, c, serial, rules, users, uplink, pipeline);
    }

    public SiteConfig withSerial(SerialOptions s) {
        return new SiteConfig(site, grids, devices, mqtt, influx, http, storage, notifications, queue, cameras, s, rules, users, uplink, pipeline);
    }

    public SiteConfig withRules(RulesOptions r) {
        return new SiteConfig(site, grids, devices, mqtt, influx, http, storage, notifications, queue, cameras, serial, r, users, uplink, pipeline);
    }

    public SiteConfig withUsers(List<UserConfig> u) {
        return new SiteConfig(site, grids, devices, mqtt, influx, http, storage, notifications, queue, cameras, serial, rules, u, uplink, pipeline);
    }

    public SiteConfig withUplink(UplinkOptions up) {
        return new SiteConfig(site, grids, devices, mqtt, influx, http, storage, notifications, queue, cameras, serial, rules, users, up, pipeline);
    }

    public SiteConfig withPipeline(PipelineOptions p) {
        return new SiteConfig(site, grids, devices, mqtt, influx, http, storage, notifications, queue, cameras, serial, rules, users, uplink, p);
    }
}
