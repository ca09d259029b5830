package org.linli.sim.serial;

import org.linli.drivers.serial.cjt188.Cjt188Codec;
import org.linli.drivers.serial.cjt188.Cjt188Control;
import org.linli.drivers.serial.cjt188.Cjt188Frame;
import org.linli.drivers.serial.cjt188.Cjt188Unit;
import org.linli.drivers.serial.cjt188.HeatMeterData;
import org.linli.drivers.serial.cjt188.MeterType;
import org.linli.drivers.serial.cjt188.MeterValue;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Optional;

/**
 * A CJ/T 188 heat meter (type 20): answers 901F reads sent to a heat meter with the 43-byte heat data in kWh, kW,
 * m³/h and m³, its heat advancing 0.01..0.99 kWh per read. Like meters that filter on the type byte, it ignores a
 * request for another meter type. With a broken supply sensor it sends FF FF FF as the supply temperature (what
 * such meters show for a missing probe): a well-formed frame whose data is not BCD.
 */
public final class SimCjt188HeatMeter extends SimCjt188Device {
    private static final int SUPPLY_OFFSET = 25;

    private final long settlementHundredths;
    private long hundredths;
    private long reads;
    private volatile boolean brokenSupplySensor;

    public SimCjt188HeatMeter(String deviceId, String address, long startHundredths) {
        super(deviceId, address);
        this.settlementHundredths = startHundredths;
        this.hundredths = startHundredths;
    }

    /** While set, the supply temperature is sent as FF FF FF. */
    public void brokenSupplySensor(boolean broken) {
        this.brokenSupplySensor = broken;
    }

    @Override
    public synchronized SimReply answer(byte[] request, boolean wrongAddress) {
        Cjt188Frame req = decodeRequest(request);
        if (req == null || !MeterType.fromCode(req.meterType()).map(MeterType::isHeat).orElse(false)) {
            return null;
        }
        hundredths += step;
        reads++;
        BigDecimal heatKwh = BigDecimal.valueOf(hundredths, 2);
        HeatMeterData data = new HeatMeterData(
                new MeterValue(BigDecimal.valueOf(settlementHundredths, 2), Cjt188Unit.KWH),
                new MeterValue(heatKwh, Cjt188Unit.KWH),
                MeterValue.of("3.50", Cjt188Unit.KW),
                MeterValue.of("0.1200", Cjt188Unit.CUBIC_METRE_PER_HOUR),
                new MeterValue(BigDecimal.valueOf(10_000 + reads, 2), Cjt188Unit.CUBIC_METRE),
                BigDecimal.valueOf(5500 + reads % 10, 2), new BigDecimal("42.00"), 1000 + reads,
                Optional.of(LocalDateTime.of(2025, 1, 15, 8, 0, 0)), 0, 0);
        byte[] payload = data.encode();
        boolean broken = brokenSupplySensor;
        if (broken) {
            Arrays.fill(payload, SUPPLY_OFFSET, SUPPLY_OFFSET + 3, (byte) 0xFF);
        }
        Cjt188Frame reply = new Cjt188Frame(req.meterType(), replyAddress(wrongAddress),
                req.control() | Cjt188Control.REPLY, req.dataId(), req.ser(), payload);
        return new SimReply(Cjt188Codec.encode(reply, 2), heatKwh.doubleValue(), !broken);
    }
}
