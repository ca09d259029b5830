package org.linli.drivers.serial.cjt188;

/** The meter side: replies a simulator (or a test) sends back to a request frame. */
public final class Cjt188Replies {
    private Cjt188Replies() {
    }

    /** A 901F reply carrying {@code data}, from the meter at {@code meter}. */
    public static Cjt188Frame currentFlow(Cjt188Frame request, MeterAddress meter, CurrentFlowData data) {
        return reply(request, meter, data.encode());
    }

    /** A 901F reply from a heat meter carrying {@code data}; the request's meter type (20 or 21) is echoed. */
    public static Cjt188Frame heat(Cjt188Frame request, MeterAddress meter, HeatMeterData data) {
        return reply(request, meter, data.encode());
    }

    /** A read-address reply: the meter's own address in the address field, DI + SER only. */
    public static Cjt188Frame address(Cjt188Frame request, MeterAddress meter) {
        return reply(request, meter, new byte[0]);
    }

    /** A write acknowledgement (valve control): DI + SER, plus the 2 status bytes as many meters do. */
    public static Cjt188Frame writeAck(Cjt188Frame request, MeterAddress meter, int status0, int status1) {
        return reply(request, meter, new byte[] {(byte) status0, (byte) status1});
    }

    /** An abnormal reply (C | 0xC0) with one error/status byte after DI + SER. */
    public static Cjt188Frame error(Cjt188Frame request, MeterAddress meter, int status) {
        return new Cjt188Frame(request.meterType(), meter,
                request.control() | Cjt188Control.REPLY | Cjt188Control.ERROR, request.dataId(), request.ser(),
                new byte[] {(byte) status});
    }

    private static Cjt188Frame reply(Cjt188Frame request, MeterAddress meter, byte[] data) {
        return new Cjt188Frame(request.meterType(), meter, request.control() | Cjt188Control.REPLY,
                request.dataId(), request.ser(), data);
    }
}
