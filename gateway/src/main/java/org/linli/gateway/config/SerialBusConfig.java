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
        Parity parity,
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
        parity = parity == null ? Parity.NONE : parity;
        stopBits = stopBits == null ? 1 : stopBits;
        pollIntervalSeconds = pollIntervalSeconds == null ? 60 : pollIntervalSeconds;
        timeoutMs = timeoutMs == null ? 500 : timeoutMs;
        retries = retries == null ? 2 : retries;
        interFrameGapMs = interFrameGapMs == null ? 20 : interFrameGapMs;
        offlineAfterFailedPolls = offlineAfterFailedPolls == null ? 3 : offlineAfterFailedPolls;
    }

    /** A bus on {@code port} with the defaults: 9600 8N1, polled every 60 s. */
    public static SerialBusConfig of(String name, String port) {
        return new SerialBusConfig(name, port, null, null, null, null, null, null, null, null, null, null);
    }

    public SerialBusConfig withPort(String p) {
        return new SerialBusConfig(name, p, baud, dataBits, parity, stopBits, pollIntervalSeconds, timeoutMs, retries,
                interFrameGapMs, offlineAfterFailedPolls, location);
    }

    public SerialBusConfig withName(String n) {
        return new SerialBusConfig(n, port, baud, dataBits, parity, stopBits, pollIntervalSeconds, timeoutMs, retries,
                interFrameGapMs, offlineAfterFailedPolls, location);
    }

    /** Speed and framing of the line. */
    public SerialBusConfig withLine(int baudRate, int bits, Parity p, int stop) {
        return new SerialBusConfig(name, port, baudRate, bits, p, stop, pollIntervalSeconds, timeoutMs, retries,
                interFrameGapMs, offlineAfterFailedPolls, location);
    }

    /** How the bus is polled: interval, reply timeout, retries, gap between frames, failed polls before offline. */
    public SerialBusConfig withPolling(int intervalSeconds, int timeout, int retryCount, int gapMs, int offlineAfter) {
        return new SerialBusConfig(name, port, baud, dataBits, parity, stopBits, intervalSeconds, timeout, retryCount,
                gapMs, offlineAfter, location);
    }

    /** The building where the adapter sits (a bus-offline alert goes to its grid). */
    public SerialBusConfig withLocation(String building) {
        return new SerialBusConfig(name, port, baud, dataBits, parity, stopBits, pollIntervalSeconds, timeoutMs, retries,
                interFrameGapMs, offlineAfterFailedPolls, building);
    }
}
