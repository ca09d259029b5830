package org.linli.drivers.serial.modbus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.linli.drivers.model.DecodeException;
import org.linli.drivers.model.DecodeFailure;
import org.linli.drivers.model.Decoded;
import org.linli.drivers.model.DeviceEvent;
import org.linli.drivers.model.Quantity;
import org.linli.drivers.model.Reading;

/**
 * Turns the register blocks read for one device (normally one per request of its {@link ReadPlan}) into
 * readings and events, as its {@link ModbusModelProfile} says. A value outside its Quantity's plausible range
 * (including NaN from a float in the wrong word order) is OUT_OF_RANGE; a state value the profile does not
 * list is UNKNOWN_CODE, because an unexpected code usually means a wrong profile for the device.
 */
public final class ModbusPointDecoder {
    private final ModbusModelProfile profile;

    public ModbusPointDecoder(ModbusModelProfile profile) {
        this.profile = profile;
    }

    public Decoded decode(String deviceId, Instant time, List<RegisterBlock> blocks) throws DecodeException {
        List<Reading> readings = new ArrayList<>();
        List<DeviceEvent> events = new ArrayList<>();
        for (ModbusPoint p : profile.points()) {
            byte[] wire = find(blocks, p).wireBytes(p.address(), p.type().words());
            double raw = p.type().decode(wire, p.order());
            if (p.quantity() != null) {
                readings.add(reading(deviceId, time, p, raw));
            } else if (!p.values().isEmpty()) {
                EventSpec spec = p.values().get((int) raw);
                if (spec == null) {
                    throw new DecodeException(DecodeFailure.UNKNOWN_CODE,
                            String.format("%s: %s value 0x%04X is not in the profile", profile.model(), p.name(), (long) raw));
                }
                addEvent(events, deviceId, time, p, spec);
            } else {
                long bits = (long) raw;
                for (Map.Entry<Integer, EventSpec> b : p.bits().entrySet()) {
                    if ((bits >>> b.getKey() & 1) != 0) {
                        addEvent(events, deviceId, time, p, b.getValue());
                    }
                }
            }
        }
        return Decoded.of(readings, events);
    }

    private Reading reading(String deviceId, Instant time, ModbusPoint p, double raw) throws DecodeException {
        double value = raw * p.scale() + p.offset();
        Quantity q = p.quantity();
        if (!q.inRange(value)) {
            throw new DecodeException(DecodeFailure.OUT_OF_RANGE,
                    profile.model() + ": " + p.name() + " = " + value + " outside " + q.min() + ".." + q.max());
        }
        return new Reading(deviceId, q, value, time);
    }

    private static void addEvent(List<DeviceEvent> events, String deviceId, Instant time, ModbusPoint p, EventSpec spec) {
        if (!spec.isNone()) {
            events.add(new DeviceEvent(deviceId, spec.type(), time, spec.detail().isEmpty() ? p.name() : spec.detail()));
        }
    }

    private RegisterBlock find(List<RegisterBlock> blocks, ModbusPoint p) throws DecodeException {
        for (RegisterBlock b : blocks) {
            if (b.covers(p.address(), p.type().words())) {
                return b;
            }
        }
        throw new DecodeException(DecodeFailure.MISSING_FIELD,
                profile.model() + ": registers of point " + p.name() + " at " + p.address() + " were not read");
    }
}
