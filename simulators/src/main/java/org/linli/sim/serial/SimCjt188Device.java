package org.linli.sim.serial;

import org.linli.drivers.model.DecodeException;
import org.linli.drivers.serial.cjt188.Cjt188Codec;
import org.linli.drivers.serial.cjt188.Cjt188Frame;
import org.linli.drivers.serial.cjt188.MeterAddress;

/**
 * What the simulated CJ/T 188 meters (water, heat) share: identity, address, the per-read step of their counter,
 * reading a request, and the address a reply goes out with.
 */
abstract class SimCjt188Device implements SimSerialDevice {
    private final String deviceId;
    private final MeterAddress address;
    /** How far the counter advances per read, in hundredths: 1..99, fixed per address. */
    protected final int step;

    SimCjt188Device(String deviceId, String address) {
        this.deviceId = deviceId;
        this.address = MeterAddress.of(address);
        this.step = (int) (Math.abs(address.hashCode()) % 99) + 1;
    }

    @Override
    public String deviceId() {
        return deviceId;
    }

    @Override
    public String protocol() {
        return "cjt188";
    }

    @Override
    public String address() {
        return address.digits();
    }

    /** The request, or null when it is no frame this meter can read (then it stays silent, as a meter does). */
    static Cjt188Frame decodeRequest(byte[] request) {
        try {
            return Cjt188Codec.decode(request);
        } catch (DecodeException e) {
            return null;
        }
    }

    /** The address a reply goes out with: this meter's, or the one above it to simulate a wrong meter answering. */
    MeterAddress replyAddress(boolean wrongAddress) {
        return wrongAddress ? MeterAddress.of(neighbour(address.digits())) : address;
    }

    /** The address one above (last digit wrapping): another meter answering in this one's place. */
    static String neighbour(String digits) {
        char last = digits.charAt(13);
        return digits.substring(0, 13) + (last == '9' ? '0' : (char) (last + 1));
    }
}
