package org.linli.sim.serial;

/** What a simulated device does wrong, per address. Faults that keep the reply valid still count as served. */
public enum SerialFault {
    NONE(true),
    /** Stays silent (powered off, cut cable to this meter, wrong address configured). */
    NO_REPLY(false),
    /** The checksum (CJ/T 188 CS, Modbus CRC) does not match: interference on the line. */
    BAD_CHECKSUM(false),
    /** Only the first half of the reply arrives. */
    TRUNCATED(false),
    /** Random bytes on the line around the reply; the reply itself is good. */
    NOISE(true),
    /** Another address answers (two meters with the same address, or a mis-set one). */
    WRONG_ADDRESS(false),
    /** Answers after the simulator's slow delay: within the poller's timeout it is served, beyond it it is lost. */
    SLOW(true);

    private final boolean validReply;

    SerialFault(boolean validReply) {
        this.validReply = validReply;
    }

    public boolean validReply() {
        return validReply;
    }
}
