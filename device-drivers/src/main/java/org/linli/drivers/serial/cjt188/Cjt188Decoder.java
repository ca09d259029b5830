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
 * Maps a 901F reply onto the internal vocabulary: the current total (WATER_TOTAL_M3 for water meters,
 * GAS_TOTAL_M3 for gas meters, converted from L when the meter reports litres), VALVE_OPEN, and one event
 * per status flag set in the vendor's {@link StatusProfile}. Readings carry the poll time, not the meter
 * clock, because meter clocks drift and are often unset.
 */
public final class Cjt188Decoder {
    private final StatusProfile profile;

    public Cjt188Decoder(StatusProfile profile) {
        this.profile = profile;
    }

    public StatusProfile profile() {
        return profile;
    }

    /** Decodes a reply frame already checked against its request ({@link Cjt188Frame#checkAnswers}). */
    public Decoded decode(String deviceId, Instant time, Cjt188Frame reply) throws DecodeException {
        if (reply.control() != (Cjt188Control.READ_DATA | Cjt188Control.REPLY)
                || reply.dataId() != DataId.CURRENT_FLOW) {
            throw new DecodeException(DecodeFailure.UNEXPECTED_FUNCTION,
                    String.format("expected a 901F read reply (C=81), got C=%02X DI=%04X", reply.control(),
                            reply.dataId()));
        }
        Quantity total = totalQuantity(reply.meterType());
        CurrentFlowData data = CurrentFlowData.parse(reply.data());
        if (data.currentUnit().kind() != Cjt188Unit.Kind.VOLUME) {
            throw new DecodeException(DecodeFailure.UNKNOWN_CODE,
                    "a water/gas total in " + data.currentUnit().symbol() + " is not a volume");
        }
        double m3 = data.currentUnit().toBase(data.currentTotal().doubleValue());
        if (!total.inRange(m3)) {
            throw new DecodeException(DecodeFailure.OUT_OF_RANGE, total.field() + " " + m3 + " out of range");
        }
        List<Reading> readings = new ArrayList<>();
        readings.add(new Reading(deviceId, total, m3, time));
        Set<StatusFlag> flags = profile.flags(data.status0(), data.status1());
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

    /** Which total a meter type reports; heat and electricity use other 901F layouts, not handled here. */
    static Quantity totalQuantity(int meterType) throws DecodeException {
        MeterType type = MeterType.fromCode(meterType).orElseThrow(() -> new DecodeException(
                DecodeFailure.UNKNOWN_CODE, String.format("unknown CJ/T 188 meter type %02X", meterType)));
        if (type.isWater()) {
            return Quantity.WATER_TOTAL_M3;
        }
        if (type == MeterType.GAS) {
            return Quantity.GAS_TOTAL_M3;
        }
        throw new DecodeException(DecodeFailure.UNKNOWN_CODE, "no 901F layout implemented for " + type + " meters");
    }
}
