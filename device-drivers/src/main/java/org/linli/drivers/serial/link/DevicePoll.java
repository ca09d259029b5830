package org.linli.drivers.serial.link;

import java.time.Instant;

/**
 * How to read one device on a bus: the protocol's request/reply exchange and decoding. One per device; the bus
 * poller calls it in turn for every address, on the bus's own thread. Adding a protocol means one more of these.
 */
public interface DevicePoll {
    /** The device id the readings are stamped with. */
    String deviceId();

    /** The address as configured (14 BCD digits or a slave number), for logs and status. */
    String address();

    /**
     * One complete read. Device problems (silence, bad frames, error replies) come back as a failed outcome;
     * only a failing port throws.
     */
    PollOutcome poll(SerialLink link, Instant now, long timeoutMs, long gapMs) throws SerialLinkException;
}
