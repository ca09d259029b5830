package org.linli.gateway.serial;

import org.linli.drivers.serial.link.DevicePoll;
import org.linli.drivers.serial.link.PollOutcome;

import java.time.Instant;

/**
 * What a {@link BusPoller} reports. The poller calls these on its own thread through a hop onto the gateway's
 * event loop, so implementations are event-loop confined.
 */
interface BusListener {
    /** The port could not be opened, vanished, or failed an I/O call. */
    void portDown(String detail);

    /** The port is open (again). The bus is only called ONLINE once a poll cycle has heard a device. */
    void portOpened();

    /** One attempt of a poll failed (counted by reason; a later retry may still succeed). */
    void attemptFailed(DevicePoll device, PollOutcome failure, Instant at);

    /** The device's poll finished: {@code outcome} is the answer, or the last failure after all retries. */
    void devicePolled(DevicePoll device, PollOutcome outcome, Instant at);

    /** Every device has been polled once. */
    void cycleEnded(Instant at);
}
