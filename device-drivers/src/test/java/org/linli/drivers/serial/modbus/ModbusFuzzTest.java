package org.linli.drivers.serial.modbus;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.linli.drivers.model.DecodeException;

/**
 * Fuzz target: whatever a Modbus RTU slave answers to every request of each shipped model's read plan, handled as
 * {@code ModbusPoll} handles it: cut each reply at the length its header announces, parse it against its request
 * and decode the register blocks with the model's profile. A result or a DecodeException is fine; any other
 * throwable or a slow input is a finding.
 *
 * <p>Input: one flags byte, then the bytes of the replies one after another; the requests go to the slave the
 * first reply names (or 1). Flag bit 0 rewrites each reply's
 * CRC before parsing, so the fuzzer reaches the register decoding without guessing CRCs. Corpus: the golden
 * replies with a flags byte in front (ModbusFuzzTestInputs/replies).
 */
class ModbusFuzzTest {
    private static final List<ModbusModelProfile> MODELS = List.of(ModbusModelProfiles.load("gas-detector-basic"),
            ModbusModelProfiles.load("wm-bcd-cdab"), ModbusModelProfiles.load("wm-float-dcba"));
    private static final Instant NOW = Instant.parse("2025-03-01T08:00:00Z");

    @FuzzTest
    @Timeout(value = 10, unit = TimeUnit.SECONDS) // guards regression runs; fuzzing runs pass -timeout=2 per input
    void replies(byte[] input) {
        if (input.length == 0) {
            return;
        }
        boolean fixCrc = (input[0] & 1) != 0;
        for (ModbusModelProfile model : MODELS) {
            try {
                poll(model, Arrays.copyOfRange(input, 1, input.length), fixCrc);
            } catch (DecodeException expected) {
                // refused
            }
        }
    }

    private static void poll(ModbusModelProfile model, byte[] line, boolean fixCrc) throws DecodeException {
        List<RegisterBlock> blocks = new ArrayList<>();
        int slave = line.length > 0 && (line[0] & 0xFF) >= 1 && (line[0] & 0xFF) <= 247 ? line[0] & 0xFF : 1;
        int at = 0;
        for (ReadRequest request : model.readPlan(slave)) {
            byte[] got = Arrays.copyOfRange(line, at, line.length);
            int expected = ModbusRtu.expectedReplyLength(request, got, got.length);
            byte[] frame = got.length > expected ? Arrays.copyOf(got, expected) : got;
            at += frame.length;
            if (fixCrc && frame.length >= 2) {
                frame = Crc16Modbus.append(Arrays.copyOf(frame, frame.length - 2));
            }
            blocks.add(ModbusRtu.parseReadReply(request, frame));
        }
        new ModbusPointDecoder(model).decode("s1", NOW, blocks);
    }
}
