package org.linli.sim.serial;

/**
 * One simulated device on a bus. It answers a request addressed to it with a valid reply; the bus simulator then
 * applies the device's fault. Each answer advances the meter's total, as a real meter's counter keeps turning.
 */
public interface SimSerialDevice {
    String deviceId();

    /** "cjt188" or "modbus". */
    String protocol();

    /** As written in the config: 14 digits or the slave number. */
    String address();

    /**
     * The reply to {@code request} (a whole request frame addressed to this device), as sent by {@code asAddress}:
     * normally this device's own address; another one to simulate a wrong address answering.
     */
    SimReply answer(byte[] request, boolean wrongAddress);

    /**
     * A reply's bytes and the total it carries (m³ for water, kWh for heat), for the served-readings ledger;
     * {@code valid} is false for a well-formed frame whose data the gateway must reject, which is not served.
     */
    record SimReply(byte[] bytes, double total, boolean valid) {
        public SimReply(byte[] bytes, double total) {
            this(bytes, total, true);
        }
    }
}
