package org.linli.drivers.serial.link;

import org.linli.drivers.model.DecodeException;
import org.linli.drivers.serial.cjt188.Cjt188Codec;
import org.linli.drivers.serial.cjt188.Cjt188Decoder;
import org.linli.drivers.serial.cjt188.Cjt188Frame;
import org.linli.drivers.serial.cjt188.Cjt188FrameExtractor;
import org.linli.drivers.serial.cjt188.Cjt188Requests;
import org.linli.drivers.serial.cjt188.MeterAddress;
import org.linli.drivers.serial.cjt188.MeterType;
import org.linli.drivers.serial.cjt188.StatusProfile;

import java.time.Instant;
import java.util.Arrays;

/**
 * Reads a CJ/T 188 meter's current data (901F): request, cut the reply out of whatever the line delivered (noise,
 * FE preambles), check it answers this request, decode with the vendor's status profile.
 */
public final class Cjt188Poll implements DevicePoll {
    /** FE bytes sent before each request: wakes up meters that sleep between reads. */
    static final int PREAMBLE = 4;

    private final String deviceId;
    private final MeterType type;
    private final MeterAddress address;
    private final Cjt188Decoder decoder;
    private int ser;

    public Cjt188Poll(String deviceId, MeterType type, MeterAddress address, StatusProfile profile) {
        this.deviceId = deviceId;
        this.type = type;
        this.address = address;
        this.decoder = new Cjt188Decoder(profile);
    }

    @Override
    public String deviceId() {
        return deviceId;
    }

    @Override
    public String address() {
        return address.digits();
    }

    @Override
    public PollOutcome poll(SerialLink link, Instant now, long timeoutMs, long gapMs) throws SerialLinkException {
        ser = (ser + 1) & 0xFF;
        Cjt188Frame request = Cjt188Requests.readCurrentFlow(type, address, ser);
        byte[] got = link.transact(Cjt188Codec.encode(request, PREAMBLE),
                (buf, n) -> Cjt188FrameExtractor.next(buf, 0, n) instanceof Cjt188FrameExtractor.Candidate, timeoutMs);
        if (got.length == 0) {
            return PollOutcome.noReply("meter " + address);
        }
        Cjt188FrameExtractor.Result cut = Cjt188FrameExtractor.next(got);
        if (cut instanceof Cjt188FrameExtractor.NeedMore) {
            return PollOutcome.failed(org.linli.drivers.model.DecodeFailure.TRUNCATED_FRAME,
                    "meter " + address + ": reply incomplete at timeout", got);
        }
        if (!(cut instanceof Cjt188FrameExtractor.Candidate c)) {
            return PollOutcome.failed(org.linli.drivers.model.DecodeFailure.BAD_START_BYTE,
                    "meter " + address + ": no frame start in " + got.length + " bytes", got);
        }
        byte[] frameBytes = Arrays.copyOfRange(got, c.start(), c.end());
        try {
            Cjt188Frame reply = Cjt188Codec.decode(frameBytes);
            reply.checkAnswers(request);
            return PollOutcome.answered(decoder.decode(deviceId, now, reply));
        } catch (DecodeException e) {
            return PollOutcome.failed(e.reason(), "meter " + address + ": " + e.getMessage(), frameBytes);
        }
    }
}
