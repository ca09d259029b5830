package org.linli.drivers.serial.cjt188;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.linli.drivers.model.DecodeException;

/**
 * Fuzz target: whatever a CJ/T 188 line delivers after a 901F request, handled as {@code Cjt188Poll} handles it:
 * cut a frame out with {@link Cjt188FrameExtractor}, decode it with {@link Cjt188Codec}, check it answers the
 * request and decode the data with every shipped status profile. A result or a DecodeException is fine; any other
 * throwable or a slow input is a finding.
 *
 * <p>Input: one flags byte, then the line bytes. Flag bit 0 rewrites the candidate's checksum before decoding
 * (so the fuzzer reaches the data decoding without guessing sums), bit 1 sends the request to the broadcast
 * address. Corpus: the golden replies with a flags byte in front (Cjt188FuzzTestInputs/line).
 */
class Cjt188FuzzTest {
    private static final List<Cjt188Decoder> DECODERS = List.of(new Cjt188Decoder(StatusProfiles.load("cjt188-standard")),
            new Cjt188Decoder(StatusProfiles.load("example-vendor-b")),
            new Cjt188Decoder(StatusProfiles.load("example-vendor-c-novalve")));
    private static final Instant NOW = Instant.parse("2025-03-01T08:00:00Z");

    @FuzzTest
    @Timeout(value = 10, unit = TimeUnit.SECONDS) // guards regression runs; fuzzing runs pass -timeout=2 per input
    void line(byte[] input) {
        if (input.length == 0) {
            return;
        }
        int flags = input[0];
        byte[] line = Arrays.copyOfRange(input, 1, input.length);
        try {
            Cjt188Codec.decode(line); // the codec on its own takes exactly one frame, with any preamble
        } catch (DecodeException expected) {
            // refused
        }
        Cjt188FrameExtractor.Result cut = Cjt188FrameExtractor.next(line);
        if (!(cut instanceof Cjt188FrameExtractor.Candidate c)) {
            return;
        }
        assertTrue(c.start() >= 0 && c.end() <= line.length && c.length() >= Cjt188Codec.OVERHEAD, c::toString);
        byte[] frame = Arrays.copyOfRange(line, c.start(), c.end());
        if ((flags & 1) != 0) {
            frame[frame.length - 2] = (byte) Cjt188Codec.checksum(frame, 0, frame.length - 2);
        }
        try {
            Cjt188Frame reply = Cjt188Codec.decode(frame);
            MeterAddress to = (flags & 2) != 0 ? MeterAddress.BROADCAST : reply.address();
            reply.checkAnswers(Cjt188Requests.readData(reply.meterType(), to, DataId.CURRENT_FLOW, reply.ser()));
            for (Cjt188Decoder decoder : DECODERS) {
                try {
                    decoder.decode("m1", NOW, reply);
                } catch (DecodeException expected) {
                    // refused by this vendor's reading of the frame
                }
            }
        } catch (DecodeException expected) {
            // refused
        }
    }
}
