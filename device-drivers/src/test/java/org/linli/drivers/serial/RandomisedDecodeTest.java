package org.linli.drivers.serial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.linli.drivers.model.DecodeException;
import org.linli.drivers.model.DecodeFailure;
import org.linli.drivers.model.Quantity;
import org.linli.drivers.serial.cjt188.Cjt188Codec;
import org.linli.drivers.serial.cjt188.Cjt188Decoder;
import org.linli.drivers.serial.cjt188.Cjt188Frame;
import org.linli.drivers.serial.cjt188.Cjt188FrameExtractor;
import org.linli.drivers.serial.cjt188.Cjt188Replies;
import org.linli.drivers.serial.cjt188.Cjt188Requests;
import org.linli.drivers.serial.cjt188.Cjt188Unit;
import org.linli.drivers.serial.cjt188.CurrentFlowData;
import org.linli.drivers.serial.cjt188.HeatMeterData;
import org.linli.drivers.serial.cjt188.MeterAddress;
import org.linli.drivers.serial.cjt188.MeterType;
import org.linli.drivers.serial.cjt188.MeterValue;
import org.linli.drivers.serial.cjt188.StatusProfiles;
import org.linli.drivers.serial.modbus.ModbusModelProfile;
import org.linli.drivers.serial.modbus.ModbusModelProfiles;
import org.linli.drivers.serial.modbus.ModbusPointDecoder;
import org.linli.drivers.serial.modbus.ModbusRtu;
import org.linli.drivers.serial.modbus.ModbusSlave;
import org.linli.drivers.serial.modbus.ReadRequest;

/**
 * Throws random bytes and mutated valid frames (bit flips, truncations, insertions, deletions) at both decoders
 * and the frame extractor with a fixed seed. Every input must either decode or fail with a DecodeException
 * that carries a reason; nothing else may escape.
 */
class RandomisedDecodeTest {
    private static final long SEED = 188_485L;
    private static final int CASES = 30_000;
    private static final Instant T = Instant.parse("2025-03-01T08:00:00Z");

    /** Counts outcomes by reason; a null reason or an unexpected exception fails the test with the input. */
    private static final class Tally {
        int ok;
        final Map<DecodeFailure, Integer> failures = new EnumMap<>(DecodeFailure.class);

        void run(byte[] input, Decode decode) {
            try {
                decode.apply(input);
                ok++;
            } catch (DecodeException e) {
                assertNotNull(e.reason(), () -> "no reason for " + Hex.format(input));
                failures.merge(e.reason(), 1, Integer::sum);
            } catch (RuntimeException e) {
                fail("unexpected " + e + " for input " + Hex.format(input), e);
            }
        }

        int total() {
            return ok + failures.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    interface Decode {
        void apply(byte[] input) throws DecodeException;
    }

    @Test
    @DisplayName("30,000 random and mutated CJ/T 188 inputs (water, heat, error and address frames): only DecodeExceptions with a reason escape, and every input is counted once")
    void cjt188() {
        Random rnd = new Random(SEED);
        Cjt188Decoder decoder = new Cjt188Decoder(StatusProfiles.load("example-vendor-b"));
        MeterAddress meter = MeterAddress.of("78330011223344");
        Cjt188Frame request = Cjt188Requests.readCurrentFlow(MeterType.COLD_WATER, meter, 0);
        CurrentFlowData data = new CurrentFlowData(new BigDecimal("556677.00"), Cjt188Unit.CUBIC_METRE,
                new BigDecimal("556600.00"), Cjt188Unit.CUBIC_METRE, Optional.of(LocalDateTime.of(2024, 6, 15, 12, 30, 45)), 0x09, 0x05);
        Cjt188Frame heatRequest = Cjt188Requests.readCurrentFlow(MeterType.HEAT_HEATING, meter, 0);
        HeatMeterData heat = new HeatMeterData(MeterValue.of("98.70", Cjt188Unit.GJ), MeterValue.of("123.45", Cjt188Unit.GJ),
                MeterValue.of("5.50", Cjt188Unit.KW), MeterValue.of("0.2500", Cjt188Unit.CUBIC_METRE_PER_HOUR),
                MeterValue.of("456.78", Cjt188Unit.CUBIC_METRE), new BigDecimal("52.10"), new BigDecimal("41.90"), 4321,
                Optional.of(LocalDateTime.of(2024, 12, 1, 8, 0, 0)), 0x01, 0x00);
        List<byte[]> valid = List.of(Cjt188Codec.encode(Cjt188Replies.currentFlow(request, meter, data), 2),
                Cjt188Codec.encode(Cjt188Replies.heat(heatRequest, meter, heat), 4),
                Cjt188Codec.encode(Cjt188Replies.error(request, meter, 2), 0),
                Cjt188Codec.encode(Cjt188Replies.address(Cjt188Requests.readAddress(MeterType.GAS, 1), meter), 4));
        Tally decode = new Tally();
        Tally extract = new Tally();
        int[] heatDecoded = {0};
        for (int i = 0; i < CASES; i++) {
            byte[] input = input(rnd, valid);
            decode.run(input, in -> {
                Cjt188Frame f = Cjt188Codec.decode(in);
                if (f.control() == 0x81) {
                    f.checkAnswers(request); // DI, control and address: a heat reply answers it as well
                    if (decoder.decode("m", T, f).readings().stream().anyMatch(r -> r.quantity() == Quantity.HEAT_ENERGY_KWH)) {
                        heatDecoded[0]++;
                    }
                }
            });
            extract.run(input, in -> {
                Cjt188FrameExtractor.Result r = Cjt188FrameExtractor.next(in);
                if (r instanceof Cjt188FrameExtractor.Candidate c) {
                    assertTrue(c.start() >= 0 && c.end() <= in.length, "candidate inside the buffer");
                    Cjt188Codec.decode(Arrays.copyOfRange(in, c.start(), c.end()));
                } else if (r instanceof Cjt188FrameExtractor.NeedMore m) {
                    assertTrue(m.atLeast() > 0 && m.start() < in.length, "need-more is positive");
                }
            });
        }
        report("cjt188 decode", decode);
        report("cjt188 extract+decode", extract);
        assertEquals(CASES, decode.total());
        assertEquals(CASES, extract.total());
        assertTrue(decode.ok > 0, "unmodified frames among the inputs decode");
        assertTrue(heatDecoded[0] > 0, "heat meter replies among the inputs decode through the heat layout");
        for (DecodeFailure r : List.of(DecodeFailure.BAD_START_BYTE, DecodeFailure.BAD_CHECKSUM, DecodeFailure.BAD_END_BYTE,
                DecodeFailure.TRUNCATED_FRAME, DecodeFailure.BAD_LENGTH, DecodeFailure.ERROR_REPLY)) {
            assertTrue(decode.failures.getOrDefault(r, 0) > 0, "mutations produce " + r);
        }
    }

    @Test
    @DisplayName("30,000 random and mutated Modbus replies: only DecodeExceptions with a reason escape, and every input is counted once")
    void modbus() {
        Random rnd = new Random(SEED);
        ModbusModelProfile model = ModbusModelProfiles.load("wm-float-dcba");
        ReadRequest request = model.readPlan(1).get(0);
        ModbusPointDecoder decoder = new ModbusPointDecoder(model);
        int[] regs = new int[request.count()];
        byte[] total = new byte[4];
        WordOrder.DCBA.write32(Float.floatToIntBits(1234.5f), total, 0);
        regs[0] = ((total[0] & 0xFF) << 8) | (total[1] & 0xFF);
        regs[1] = ((total[2] & 0xFF) << 8) | (total[3] & 0xFF);
        regs[6] = 0x00AA;
        List<byte[]> valid = List.of(ModbusSlave.readReply(1, 3, regs),
                ModbusSlave.exceptionReply(1, 3, org.linli.drivers.serial.modbus.ExceptionCode.SLAVE_DEVICE_FAILURE));
        Tally tally = new Tally();
        for (int i = 0; i < CASES; i++) {
            byte[] input = input(rnd, valid);
            tally.run(input, in -> {
                int expected = ModbusRtu.expectedReplyLength(request, in, in.length);
                assertTrue(expected >= ModbusRtu.EXCEPTION_LENGTH && expected <= 5 + 255, "plausible expected length");
                decoder.decode("wm", T, List.of(ModbusRtu.parseReadReply(request, in)));
            });
        }
        report("modbus", tally);
        assertEquals(CASES, tally.total());
        assertTrue(tally.ok > 0, "unmodified frames among the inputs decode");
        for (DecodeFailure r : List.of(DecodeFailure.BAD_CHECKSUM, DecodeFailure.TRUNCATED_FRAME, DecodeFailure.BAD_LENGTH,
                DecodeFailure.ERROR_REPLY)) {
            assertTrue(tally.failures.getOrDefault(r, 0) > 0, "mutations produce " + r);
        }
    }

    /** A random input: pure noise, a valid frame, or a valid frame with one to three mutations. */
    private static byte[] input(Random rnd, List<byte[]> valid) {
        int kind = rnd.nextInt(10);
        if (kind == 0) {
            byte[] noise = new byte[rnd.nextInt(70)];
            rnd.nextBytes(noise);
            return noise;
        }
        byte[] b = valid.get(rnd.nextInt(valid.size())).clone();
        if (kind == 1) {
            return b;
        }
        for (int m = 1 + rnd.nextInt(3); m > 0; m--) {
            b = mutate(rnd, b);
        }
        return b;
    }

    private static byte[] mutate(Random rnd, byte[] b) {
        if (b.length == 0) {
            return new byte[] {(byte) rnd.nextInt(256)};
        }
        List<Byte> list = new ArrayList<>();
        for (byte x : b) {
            list.add(x);
        }
        int pos = rnd.nextInt(b.length);
        switch (rnd.nextInt(5)) {
            case 0, 1 -> list.set(pos, (byte) (b[pos] ^ (1 << rnd.nextInt(8))));
            case 2 -> list.subList(pos, list.size()).clear();
            case 3 -> list.add(pos, (byte) rnd.nextInt(256));
            default -> list.remove(pos);
        }
        byte[] out = new byte[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = list.get(i);
        }
        return out;
    }

    private static void report(String name, Tally t) {
        System.out.println(name + ": total " + t.total() + " = ok " + t.ok + " + failures " + t.failures);
    }
}
