package org.linli.sim.serial;

import org.linli.drivers.serial.WordOrder;
import org.linli.drivers.serial.modbus.DataType;
import org.linli.drivers.serial.modbus.ModbusSlave;
import org.linli.drivers.serial.modbus.ReadRequest;
import org.linli.drivers.serial.modbus.RegisterImage;

import java.util.Optional;

/**
 * A Modbus RTU water meter with the {@code wm-float-dcba} register map (DOMAIN.md §2): float32 DCBA forward total at
 * 0x0001, reverse total at 0x0003, flow at 0x0005, pipe status 0x00AA (full) at 0x0007. The total advances per read.
 */
public final class SimModbusMeter implements SimSerialDevice {
    public static final String PROFILE = "wm-float-dcba";
    private final String deviceId;
    private final int slave;
    private final double step;
    private double total;

    public SimModbusMeter(String deviceId, int slave, double startTotal) {
        this.deviceId = deviceId;
        this.slave = slave;
        this.total = startTotal;
        this.step = 0.25 + (slave % 7) * 0.125;
    }

    @Override
    public String deviceId() {
        return deviceId;
    }

    @Override
    public String protocol() {
        return "modbus";
    }

    @Override
    public String address() {
        return String.valueOf(slave);
    }

    public int slave() {
        return slave;
    }

    @Override
    public synchronized SimReply answer(byte[] request, boolean wrongAddress) {
        total += step;
        // the value as the float32 on the wire carries it: what the gateway can store
        double served = (float) total;
        RegisterImage image = new RegisterImage();
        put(image, 1, total);
        put(image, 3, 0);
        put(image, 5, 0.5);
        image.set(ReadRequest.READ_HOLDING_REGISTERS, 7, 0x00AA);
        int from = wrongAddress ? (slave % 247) + 1 : slave;
        byte[] asFrom = request.clone();
        asFrom[0] = (byte) from;
        asFrom = org.linli.drivers.serial.modbus.Crc16Modbus.append(java.util.Arrays.copyOf(asFrom, 6));
        Optional<byte[]> reply = new ModbusSlave(from, image).respond(asFrom);
        return reply.map(b -> new SimReply(b, served)).orElse(null);
    }

    private static void put(RegisterImage image, int address, double value) {
        byte[] wire = DataType.FLOAT32.encode(value, WordOrder.DCBA);
        image.set(ReadRequest.READ_HOLDING_REGISTERS, address,
                new int[] {((wire[0] & 0xFF) << 8) | (wire[1] & 0xFF), ((wire[2] & 0xFF) << 8) | (wire[3] & 0xFF)});
    }
}
