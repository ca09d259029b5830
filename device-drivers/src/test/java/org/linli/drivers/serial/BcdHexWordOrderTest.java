package org.linli.drivers.serial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.linli.drivers.model.DecodeException;
import org.linli.drivers.model.DecodeFailure;

class BcdHexWordOrderTest {

    @Test
    @DisplayName("BCD bytes 00 77 66 55, lowest first, read as 55667700 and encode back to the same bytes")
    void bcdLowFirstRoundTrip() throws DecodeException {
        byte[] wire = Hex.parse("00 77 66 55");
        assertEquals(55_667_700L, Bcd.decodeLowFirst(wire, 0, 4));
        assertArrayEquals(wire, Bcd.encodeLowFirst(55_667_700L, 4));
        assertEquals(55_667_700L, Bcd.decodeHighFirst(Bcd.encodeHighFirst(55_667_700L, 4), 0, 4));
    }

    @Test
    @DisplayName("A nibble above 9 in either half of a byte is rejected as BAD_BCD")
    void badNibble() {
        assertEquals(DecodeFailure.BAD_BCD, assertThrows(DecodeException.class, () -> Bcd.decodeByte(0x1A)).reason());
        assertEquals(DecodeFailure.BAD_BCD, assertThrows(DecodeException.class, () -> Bcd.decodeByte(0xA1)).reason());
    }

    @Test
    @DisplayName("Hex parses spaced, unspaced and lower-case input and formats upper-case with spaces")
    void hex() {
        assertArrayEquals(new byte[] {(byte) 0xFE, 0x68, 0x0A}, Hex.parse("fe68 0A"));
        assertEquals("FE 68 0A", Hex.format(new byte[] {(byte) 0xFE, 0x68, 0x0A}));
    }

    @Test
    @DisplayName("The four word orders put the bytes of 0x11223344 on the wire as their names say")
    void wordOrders() {
        assertEquals("11 22 33 44", wire(WordOrder.ABCD));
        assertEquals("33 44 11 22", wire(WordOrder.CDAB));
        assertEquals("22 11 44 33", wire(WordOrder.BADC));
        assertEquals("44 33 22 11", wire(WordOrder.DCBA));
    }

    @ParameterizedTest
    @EnumSource(WordOrder.class)
    @DisplayName("Every word order reads back what it wrote, for 32-bit and 16-bit values")
    void wordOrderRoundTrip(WordOrder order) {
        byte[] b = new byte[4];
        order.write32(0x8765_4321, b, 0);
        assertEquals(0x8765_4321, order.read32(b, 0));
        order.write16(0xBEEF, b, 0);
        assertEquals(0xBEEF, order.read16(b, 0));
    }

    private static String wire(WordOrder order) {
        byte[] b = new byte[4];
        order.write32(0x11223344, b, 0);
        return Hex.format(b);
    }
}
