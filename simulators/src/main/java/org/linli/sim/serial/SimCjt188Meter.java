package org.linli.sim.serial;

import org.linli.drivers.model.DecodeException;
import org.linli.drivers.serial.cjt188.Cjt188Codec;
import org.linli.drivers.serial.cjt188.Cjt188Frame;
import org.linli.drivers.serial.cjt188.Cjt188Replies;
import org.linli.drivers.serial.cjt188.Cjt188Unit;
import org.linli.drivers.serial.cjt188.CurrentFlowData;
import org.linli.drivers.serial.cjt188.MeterAddress;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Optional;

/** A CJ/T 188 water meter: answers 901F reads with its total in m³ (2 decimals), advancing 0.01..0.99 per read. */
public final class SimCjt188Meter implements SimSerialDevice {
    private final String deviceId;
    private final MeterAddress address;
    private long hundredths;
    private int step;

    public SimCjt188Meter(String deviceId, String address, long startHundredths) {
        this.deviceId = deviceId;
        this.address = MeterAddress.of(address);
        this.hundredths = startHundredths;
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

    public MeterAddress meterAddress() {
        return address;
    }

    @Override
    public synchronized SimReply answer(byte[] request, boolean wrongAddress) {
        Cjt188Frame req;
        try {
            req = Cjt188Codec.decode(request);
        } catch (DecodeException e) {
            return null;
        }
        hundredths += step;
        BigDecimal total = BigDecimal.valueOf(hundredths, 2);
        CurrentFlowData data = new CurrentFlowData(total, Cjt188Unit.CUBIC_METRE, total, Cjt188Unit.CUBIC_METRE,
                Optional.of(LocalDateTime.of(2025, 5, 1, 8, 0, 0)), 0, 0);
        MeterAddress from = wrongAddress ? MeterAddress.of(neighbour(address.digits())) : address;
        byte[] bytes = Cjt188Codec.encode(Cjt188Replies.currentFlow(req, from, data), 2);
        return new SimReply(bytes, total.doubleValue());
    }

    /** The address one above (last digit wrapping): another meter answering in this one's place. */
    static String neighbour(String digits) {
        char last = digits.charAt(13);
        return digits.substring(0, 13) + (last == '9' ? '0' : (char) (last + 1));
    }
}
