package org.linli.drivers.serial.modbus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.linli.drivers.model.DecodeException;
import org.linli.drivers.model.DecodeFailure;
import org.linli.drivers.model.Decoded;
import org.linli.drivers.model.Quantity;
import org.linli.drivers.serial.Hex;

class ModbusRtuTest {
    private static final Instant T = Instant.parse("2025-03-01T08:00:00Z");

    @Test
    @DisplayName("The DOMAIN.md water meter (registers 1..7 adjacent) is read in one request of 7 registers")
    void planOneRequest() {
        assertEquals(List.of(new ReadRequest(1, 3, 1, 7)), ModbusModelProfiles.load("wm-float-dcba").readPlan(1));
        assertEquals(List.of(new ReadRequest(9, 3, 0x10, 7)), ModbusModelProfiles.load("wm-bcd-cdab").readPlan(9));
    }

    @Test
    @DisplayName("The gas detector's separate temperature register makes a second request")
    void planTwoRequests() {
        assertEquals(List.of(new ReadRequest(3, 4, 0, 4), new ReadRequest(3, 4, 0x10, 1)),
                ModbusModelProfiles.load("gas-detector-basic").readPlan(3));
    }

    @Test
    @DisplayName("Round trip: values → register image → slave reply → master parse → decode gives the same values")
    void roundTrip() throws DecodeException {
        ModbusModelProfile model = ModbusModelProfiles.load("wm-bcd-cdab");
        Map<String, Double> values = Map.of("forward_total", 98765.43, "flow", 2.345, "valve_state", 0.0,
                "alarm_bits", 8.0, "battery", 3.3);
        RegisterImage image = new RegisterImage();
        for (ModbusPoint p : model.points()) {
            image.set(model.function(), p.address(), registers(p.type().encode(values.get(p.name()) / p.scale(), p.order())));
        }
        ModbusSlave slave = new ModbusSlave(7, image);
        List<RegisterBlock> blocks = new ArrayList<>();
        for (ReadRequest r : model.readPlan(7)) {
            byte[] reply = slave.respond(r.encode()).orElseThrow();
            assertEquals(r.expectedReplyLength(), reply.length);
            blocks.add(ModbusRtu.parseReadReply(r, reply));
        }
        Decoded d = new ModbusPointDecoder(model).decode("wm7", T, blocks);
        assertEquals(98765.43, value(d, Quantity.WATER_TOTAL_M3), 1e-9);
        assertEquals(2.345, value(d, Quantity.WATER_FLOW_M3H), 1e-9);
        assertEquals(0.0, value(d, Quantity.VALVE_OPEN));
        assertEquals(3.3, value(d, Quantity.BATTERY_V), 1e-9);
        assertEquals(1, d.events().size());
        assertEquals("valve_fault", d.events().get(0).type().id());
    }

    @Test
    @DisplayName("The slave answers unknown registers, bad counts and other functions with the right exception, and stays silent for bad CRC or another slave")
    void slaveExceptions() {
        ModbusSlave slave = new ModbusSlave(1, new RegisterImage().set(3, 0, new int[] {1, 2}));
        assertEquals("01 83 02", Hex.format(slave.respond(new ReadRequest(1, 3, 0, 3).encode()).orElseThrow(), 0, 3));
        assertEquals("01 84 01", Hex.format(slave.respond(new ReadRequest(1, 4, 0, 1).encode()).orElseThrow(), 0, 3));
        byte[] zeroCount = Crc16Modbus.append(Hex.parse("01 03 00 00 00 00"));
        assertEquals("01 83 03", Hex.format(slave.respond(zeroCount).orElseThrow(), 0, 3));
        byte[] write = Crc16Modbus.append(Hex.parse("01 06 00 00 00 01"));
        assertEquals("01 86 01", Hex.format(slave.respond(write).orElseThrow(), 0, 3));
        byte[] badCrc = new ReadRequest(1, 3, 0, 1).encode();
        badCrc[7] ^= 1;
        assertTrue(slave.respond(badCrc).isEmpty());
        assertTrue(slave.respond(new ReadRequest(2, 3, 0, 1).encode()).isEmpty());
        assertArrayEquals(ModbusSlave.readReply(1, 3, new int[] {1, 2}),
                slave.respond(new ReadRequest(1, 3, 0, 2).encode()).orElseThrow());
    }

    @Test
    @DisplayName("The expected reply length follows the bytes received: 5 for an exception, 5 + byte count otherwise")
    void expectedLength() {
        ReadRequest r = new ReadRequest(1, 3, 0, 10);
        assertEquals(25, ModbusRtu.expectedReplyLength(r, new byte[0], 0));
        assertEquals(5, ModbusRtu.expectedReplyLength(r, Hex.parse("01 83"), 2));
        assertEquals(9, ModbusRtu.expectedReplyLength(r, Hex.parse("01 03 04"), 3));
    }

    @Test
    @DisplayName("Requests outside Modbus limits (slave 0 or 248, count 0 or 126, function 06) are refused when built")
    void requestLimits() {
        assertThrows(IllegalArgumentException.class, () -> new ReadRequest(0, 3, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new ReadRequest(248, 3, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new ReadRequest(1, 3, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new ReadRequest(1, 3, 0, 126));
        assertThrows(IllegalArgumentException.class, () -> new ReadRequest(1, 6, 0, 1));
    }

    @Test
    @DisplayName("A profile with a typo names the file, the line, the point's key and the allowed values")
    void profileErrors() {
        String yaml = "model: x\nfunction: 3\npoints:\n  - name: total\n    address: 1\n    type: float33\n    quantity: WATER_TOTAL_M3\n";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ModbusModelProfiles.parse(new java.io.ByteArrayInputStream(yaml.getBytes()), "x.yaml"));
        assertTrue(e.getMessage().contains("x.yaml: line 6, column 11: points[0].type: 'float33'")
                && e.getMessage().contains("FLOAT32"), e.getMessage());
        assertEquals(DecodeFailure.MISSING_FIELD, assertThrows(DecodeException.class,
                () -> new ModbusPointDecoder(ModbusModelProfiles.load("gas-detector-basic")).decode("g", T, List.of(
                        new RegisterBlock(0, new int[] {0, 0, 0, 0})))).reason());
    }

    private static int[] registers(byte[] wire) {
        int[] regs = new int[wire.length / 2];
        for (int i = 0; i < regs.length; i++) {
            regs[i] = ((wire[2 * i] & 0xFF) << 8) | (wire[2 * i + 1] & 0xFF);
        }
        return regs;
    }

    private static double value(Decoded d, Quantity q) {
        return d.readings().stream().filter(r -> r.quantity() == q).findFirst().orElseThrow().value();
    }
}
