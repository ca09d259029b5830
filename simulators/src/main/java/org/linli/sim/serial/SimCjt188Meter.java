package org.linli.sim.serial;

import org.linli.drivers.serial.cjt188.Cjt188Codec;
import org.linli.drivers.serial.cjt188.Cjt188Frame;
import org.linli.drivers.serial.cjt188.Cjt188Replies;
import org.linli.drivers.serial.cjt188.Cjt188Unit;
import org.linli.drivers.serial.cjt188.CurrentFlowData;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Optional;

/** A CJ/T 188 water meter: answers 901F reads with its total in m³ (2 decimals), advancing 0.01..0.99 per read. */
public final class SimCjt188Meter extends SimCjt188Device {
    private long hundredths;

    public SimCjt188Meter(String deviceId, String address, long startHundredths) {
        super(deviceId, address);
        this.hundredths = startHundredths;
    }

    @Override
    public synchronized SimReply answer(byte[] request, boolean wrongAddress) {
        Cjt188Frame req = decodeRequest(request);
        if (req == null) {
            return null;
        }
        hundredths += step;
        BigDecimal total = BigDecimal.valueOf(hundredths, 2);
        CurrentFlowData data = new CurrentFlowData(total, Cjt188Unit.CUBIC_METRE, total, Cjt188Unit.CUBIC_METRE,
                Optional.of(LocalDateTime.of(2025, 5, 1, 8, 0, 0)), 0, 0);
        byte[] bytes = Cjt188Codec.encode(Cjt188Replies.currentFlow(req, replyAddress(wrongAddress), data), 2);
        return new SimReply(bytes, total.doubleValue());
    }
}
