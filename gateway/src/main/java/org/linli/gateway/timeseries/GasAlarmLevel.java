package org.linli.gateway.timeseries;

import org.linli.gateway.site.Device;

/**
 * The concentration (%LEL) at or above which the gateway raises a gas leak for a device, as the {@code rules:}
 * section configures it. {@link PointFactory} writes it beside every {@code gas_lel} reading as
 * {@code gas_lel_alarm}, so a dashboard draws its red line where the gateway alarms (Grafana cannot read the site
 * file). Called on the decode workers (any thread, concurrently): must be thread-safe and must not block.
 */
@FunctionalInterface
public interface GasAlarmLevel {
    /** The alarm level in %LEL for this gas alarm. */
    double of(Device device);
}
