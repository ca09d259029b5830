package org.linli.drivers.serial.cjt188;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.linli.drivers.model.DecodeException;
import org.linli.drivers.model.DecodeFailure;
import org.linli.drivers.model.Decoded;
import org.linli.drivers.model.EventType;
import org.linli.drivers.model.Quantity;
import org.linli.drivers.serial.Hex;

class Cjt188CodecTest {
    private static final MeterAddress METER = MeterAddress.of("78330011223344");
    private static final Instant T = Instant.parse("2025-03-01T08:00:00Z");

    @Test
    @DisplayName("The address prints as 14 digits, most significant first, and goes on the wire lowest byte first")
    void address() throws DecodeException {
        assertEquals("44 33 22 11 00 33 78", Hex.format(METER.toWire()));
        assertEquals(METER, MeterAddress.fromWire(Hex.parse("44 33 22 11 00 33 78"), 0));
    }

    @Test
    @DisplayName("Round trip: a reply built from values for every vendor profile decodes to the same total, valve and events")
    void roundTrip() throws DecodeException {
        for (String vendor : new String[] {"cjt188-standard", "example-vendor-b", "example-vendor-c-novalve"}) {
            StatusProfile profile = StatusProfiles.load(vendor);
            Set<StatusFlag> flags = EnumSet.copyOf(profile.rules().keySet());
            flags.remove(StatusFlag.VALVE_FAULT); // fault and closed share the standard's 2-bit valve field
            int[] st = profile.encode(flags);
            CurrentFlowData data = new CurrentFlowData(new BigDecimal("4321.09"), Cjt188Unit.CUBIC_METRE,
                    new BigDecimal("4000.00"), Cjt188Unit.CUBIC_METRE, Optional.of(LocalDateTime.of(2025, 2, 28, 7, 8, 9)),
                    st[0], st[1]);
            Cjt188Frame request = Cjt188Requests.readCurrentFlow(MeterType.COLD_WATER, METER, 9);
            byte[] wire = Cjt188Codec.encode(Cjt188Replies.currentFlow(request, METER, data), 3);

            Cjt188Frame reply = Cjt188Codec.decode(wire);
            reply.checkAnswers(request);
            assertEquals(data, CurrentFlowData.parse(reply.data()), vendor);
            Decoded d = new Cjt188Decoder(profile).decode("m", T, reply);
            assertEquals(4321.09, d.readings().get(0).value(), 1e-9, vendor);
            assertEquals(profile.hasValve() ? 1 : 0, d.readings().stream().filter(r -> r.quantity() == Quantity.VALVE_OPEN).count());
            Set<EventType> expected = EnumSet.noneOf(EventType.class);
            flags.forEach(f -> expected.add(f.event()));
            Set<EventType> actual = EnumSet.noneOf(EventType.class);
            d.events().forEach(e -> actual.add(e.type()));
            assertEquals(expected, actual, vendor);
        }
    }

    @Test
    @DisplayName("The two example vendors read the same status bytes differently (bit mapping is data)")
    void vendorsDiffer() {
        assertEquals(EnumSet.of(StatusFlag.VALVE_CLOSED), StatusProfiles.load("cjt188-standard").flags(0x01, 0));
        assertEquals(EnumSet.of(StatusFlag.VALVE_CLOSED, StatusFlag.VALVE_FAULT),
                StatusProfiles.load("example-vendor-b").flags(0x03, 0));
        assertEquals(EnumSet.of(StatusFlag.VALVE_FAULT), StatusProfiles.load("cjt188-standard").flags(0x03, 0));
    }

    @Test
    @DisplayName("A reply from another meter is WRONG_ADDRESS; a reply with another control or DI is UNEXPECTED_FUNCTION")
    void checkAnswers() {
        Cjt188Frame request = Cjt188Requests.readCurrentFlow(MeterType.COLD_WATER, METER, 1);
        Cjt188Frame other = Cjt188Replies.address(request, MeterAddress.of("78330011223345"));
        assertEquals(DecodeFailure.WRONG_ADDRESS, assertThrows(DecodeException.class, () -> other.checkAnswers(request)).reason());
        Cjt188Frame valveAck = Cjt188Replies.writeAck(Cjt188Requests.valveControl(MeterType.COLD_WATER, METER, 1, true), METER, 0, 0);
        assertEquals(DecodeFailure.UNEXPECTED_FUNCTION, assertThrows(DecodeException.class, () -> valveAck.checkAnswers(request)).reason());
        Cjt188Frame otherDi = new Cjt188Frame(0x10, METER, 0x81, 0x907F, 1, new byte[0]);
        assertEquals(DecodeFailure.UNEXPECTED_FUNCTION, assertThrows(DecodeException.class, () -> otherDi.checkAnswers(request)).reason());
    }

    @Test
    @DisplayName("A broadcast read-address request accepts the reply of whichever meter answers")
    void broadcastAnswer() throws DecodeException {
        Cjt188Frame request = Cjt188Requests.readAddress(MeterType.COLD_WATER, 3);
        Cjt188Frame reply = Cjt188Codec.decode(Cjt188Codec.encode(Cjt188Replies.address(request, METER), 2));
        reply.checkAnswers(request);
        assertEquals(METER, reply.address());
    }

    @Test
    @DisplayName("An error reply carries its status byte; trailing bytes after the end byte are BAD_LENGTH")
    void errorAndTrailing() {
        Cjt188Frame request = Cjt188Requests.readCurrentFlow(MeterType.GAS, METER, 1);
        byte[] err = Cjt188Codec.encode(Cjt188Replies.error(request, METER, 0x17), 0);
        Cjt188ErrorReply e = assertInstanceOf(Cjt188ErrorReply.class, assertThrows(DecodeException.class, () -> Cjt188Codec.decode(err)));
        assertEquals(0x17, e.status());
        assertEquals(0xC1, e.frame().control());
        byte[] trailing = java.util.Arrays.copyOf(Cjt188Codec.encode(request, 0), 21);
        assertEquals(DecodeFailure.BAD_LENGTH, assertThrows(DecodeException.class, () -> Cjt188Codec.decode(trailing)).reason());
    }

    @Test
    @DisplayName("The extractor skips noise, waits for the rest of a partial frame and then returns exactly the frame")
    void extractor() {
        byte[] frame = Cjt188Codec.encode(Cjt188Requests.readCurrentFlow(MeterType.COLD_WATER, METER, 0), 2);
        byte[] stream = new byte[5 + frame.length];
        stream[0] = 0x55;
        stream[1] = 0x68; // a noise start byte whose "L" points past the buffer
        stream[2] = 0x00;
        System.arraycopy(frame, 0, stream, 5, frame.length);
        for (int n = 0; n < 5 + 2 + 11; n++) {
            assertTrue(Cjt188FrameExtractor.next(stream, 0, n) instanceof Cjt188FrameExtractor.NeedMore
                    || Cjt188FrameExtractor.next(stream, 0, n) instanceof Cjt188FrameExtractor.NoFrame, "n=" + n);
        }
        var partial = assertInstanceOf(Cjt188FrameExtractor.NeedMore.class, Cjt188FrameExtractor.next(stream, 5, stream.length - 6));
        assertEquals(1, partial.atLeast());
        var found = assertInstanceOf(Cjt188FrameExtractor.Candidate.class, Cjt188FrameExtractor.next(stream));
        assertEquals(7, found.start());
        assertEquals(frame.length - 2, found.length());
        assertInstanceOf(Cjt188FrameExtractor.NoFrame.class, Cjt188FrameExtractor.next(Hex.parse("FE FE 00 11 22")));
    }
}
