package org.linli.gateway.config;

/**
 * One RS-485 bus: the adapter's port path (prefer {@code /dev/serial/by-id/...}, which survives re-plugging into
 * another USB socket), its line settings, and how it is polled. {@code location} is the building where the adapter
 * sits (optional): a bus-offline alert is routed to that building's grid. Defaults: 9600 8N1, every 60 s,
 * 500 ms timeout, 2 retries, 20 ms between frames, a device offline after 3 failed polls.
 */
public record SerialBusConfig(
        String name,
        String port,
        Integer baud,
        Integer dataBits,
        String parity,
        Integer stopBits,
        Integer pollIntervalSeconds,
        Integer timeoutMs,
        Integer retries,
        Integer interFrameGapMs,
        Integer offlineAfterFailedPolls,
        String location) {

    public SerialBusConfig {
        baud = baud == null ? 9600 : baud;
        dataBits = dataBits == null ? 8 : dataBits;
        parity = parity == null ? "none" : parity;
        stopBits = stopBits == null ? 1 : stopBits;
        pollIntervalSeconds = pollIntervalSeconds == null ? 60 : pollIntervalSeconds;
        timeoutMs = timeoutMs == null ? 500 : timeoutMs;
        retries = retries == null ? 2 : retries;
        interFrameGapMs = interFrameGapMs == null ? 20 : interFrameGapMs;
        offlineAfterFailedPolls = offlineAfterFailedPolls == null ? 3 : offlineAfterFailedPolls;
    }
}
