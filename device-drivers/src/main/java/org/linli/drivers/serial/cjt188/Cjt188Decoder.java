package org.linli.drivers.serial.cjt188;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.linli.drivers.model.DecodeException;
import org.linli.drivers.model.DecodeFailure;
import org.linli.drivers.model.Decoded;
import org.linli.drivers.model.DeviceEvent;
import org.linli.drivers.model.Quantity;
import org.linli.drivers.model.Reading;

/**
 * Maps a 901F reply onto the internal vocabulary. The reply's meter type picks the data layout: water and gas
 * meters send {@link CurrentFlowData} (WATER_TOTAL_M3 or GAS_TOTAL_M3, converted from L when the meter reports
 * litres), heat meters send {@link HeatMeterData} (see {@link HeatReadings}). Then VALVE_OPEN, and one event
 * per status flag set in the vendor's {@link StatusProfile}. Readings carry the poll time, not the meter clock,
 * because meter clocks drift and are often unset.
 */
public final class Cjt188Decoder {
    private final StatusProfile profile;

    public Cjt188Decoder(StatusProfile profile) {
        this.profile = profile;
    }

    /** Decodes a reply frame already checked against its request ({@link Cjt188Frame#checkAnswers}). */
    public Decoded decode(String deviceId, Instant time, Cjt188Frame reply) throws DecodeException {
        if (reply.control() != (Cjt188Control.READ_DATA | Cjt188Control.REPLY)
                || reply.dataId() != DataId.CURRENT_FLOW) {
            throw new DecodeException(DecodeFailure.UNEXPECTED_FUNCTION,
                    String.format("expected a 901F read reply (C=81), got C=%02X DI=%04X", reply.control(),
                            reply.dataId()));
        }
        MeterType type = MeterType.fromCode(reply.meterType()).orElseThrow(() -> new DecodeException(
                DecodeFailure.UNKNOWN_CODE, String.format("unknown CJ/T 188 meter type %02X", reply.meterType())));
        List<Reading> readings = new ArrayList<>();
        int status0;
        int status1;
        if (type.isHeat()) {
            HeatMeterData data = HeatMeterData.parse(reply.data());
            readings.addAll(HeatReadings.of(deviceId, time, type, data));
            status0 = data.status0();
            status1 = data.status1();
        } else {
            Quantity total = totalQuantity(type); // before parsing: an electricity meter is UNKNOWN_CODE, not BAD_LENGTH
            CurrentFlowData data = CurrentFlowData.parse(reply.data());
            readings.add(total(deviceId, time, total, data));
            status0 = data.status0();
            status1 = data.status1();
        }
        Set<StatusFlag> flags = profile.flags(status0, status1);
        if (profile.hasValve() && !flags.contains(StatusFlag.VALVE_FAULT)) {
            readings.add(new Reading(deviceId, Quantity.VALVE_OPEN, flags.contains(StatusFlag.VALVE_CLOSED) ? 0 : 1,
                    time));
        }
        List<DeviceEvent> events = new ArrayList<>();
        for (StatusFlag f : flags) {
            events.add(new DeviceEvent(deviceId, f.event(), time, "cjt188 " + profile.vendor() + " " + f.id()));
        }
        return Decoded.of(readings, events);
    }

    private static Reading total(String deviceId, Instant time, Quantity total, CurrentFlowData data)
            throws DecodeException {
        if (data.currentUnit().kind() != Cjt188Unit.Kind.VOLUME) {
            throw new DecodeException(DecodeFailure.UNKNOWN_CODE,
                    "a water/gas total in " + data.currentUnit().symbol() + " is not a volume");
        }
        return checked(deviceId, time, total, data.currentUnit().toBase(data.currentTotal().doubleValue()));
    }

    /** Which total a water or gas meter reports; electricity meters use another 901F layout, not handled here. */
    static Quantity totalQuantity(MeterType type) throws DecodeException {
        if (type.isWater()) {
            return Quantity.WATER_TOTAL_M3;
        }
        if (type == MeterType.GAS) {
            return Quantity.GAS_TOTAL_M3;
        }
        throw new DecodeException(DecodeFailure.UNKNOWN_CODE, "no 901F layout implemented for " + type + " meters");
    }

    /** A reading, or OUT_OF_RANGE when the value is not physically plausible for the quantity. */
    static Reading checked(String deviceId, Instant time, Quantity q, double value) throws DecodeException {
        if (!q.inRange(value)) {
            throw new DecodeException(DecodeFailure.OUT_OF_RANGE,
                    q.field() + " " + value + " " + q.unit() + " out of range " + q.min() + ".." + q.max());
        }
        return new Reading(deviceId, q, value, time);
    }
}
