package org.linli.drivers.serial.cjt188;

/**
 * The requests the bus poller sends. Encode them with {@link Cjt188Codec#encode(Cjt188Frame, int)} and keep the
 * frame to check the reply with {@link Cjt188Frame#checkAnswers}.
 *
 * <p>Valve control follows CJ/T 188-2004 practice: write data (C = 04) with DI A017 and one data byte, 55 =
 * open, 99 = close. DOMAIN.md lists C = 16 as valve control; in the standard 16 is "write motor-sync data",
 * so we send 04/A017 (unverified against real meters: confirm with a vendor before relying on it).
 */
public final class Cjt188Requests {
    private Cjt188Requests() {
    }

    /** Read current data (C=01, DI 901F, L=03). */
    public static Cjt188Frame readCurrentFlow(MeterType type, MeterAddress address, int ser) {
        return readData(type.code(), address, DataId.CURRENT_FLOW, ser);
    }

    /** Read data with any DI (C=01). */
    public static Cjt188Frame readData(int meterType, MeterAddress address, int dataId, int ser) {
        return new Cjt188Frame(meterType, address, Cjt188Control.READ_DATA, dataId, ser & 0xFF, new byte[0]);
    }

    /** Read address (C=03, DI 810A) sent to the broadcast address: only one meter may be on the line. */
    public static Cjt188Frame readAddress(MeterType type, int ser) {
        return new Cjt188Frame(type.code(), MeterAddress.BROADCAST, Cjt188Control.READ_ADDRESS, DataId.READ_ADDRESS,
                ser & 0xFF, new byte[0]);
    }

    /** Open or close the meter's valve (C=04, DI A017, data 55 open / 99 close). */
    public static Cjt188Frame valveControl(MeterType type, MeterAddress address, int ser, boolean open) {
        byte command = (byte) (open ? DataId.VALVE_OPEN_BYTE : DataId.VALVE_CLOSE_BYTE);
        return new Cjt188Frame(type.code(), address, Cjt188Control.WRITE_DATA, DataId.VALVE_CONTROL, ser & 0xFF,
                new byte[] {command});
    }
}
