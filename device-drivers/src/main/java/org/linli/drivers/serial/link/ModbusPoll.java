package org.linli.drivers.serial.link;

import org.linli.drivers.model.DecodeException;
import org.linli.drivers.serial.modbus.ModbusModelProfile;
import org.linli.drivers.serial.modbus.ModbusPointDecoder;
import org.linli.drivers.serial.modbus.ModbusRtu;
import org.linli.drivers.serial.modbus.ReadRequest;
import org.linli.drivers.serial.modbus.RegisterBlock;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a Modbus RTU device: every request of its model's read plan, then decodes the register blocks together.
 * Any failed request fails the whole poll, so a device's readings are stored all from one moment or not at all.
 */
public final class ModbusPoll implements DevicePoll {
    private final String deviceId;
    private final int slave;
    private final List<ReadRequest> plan;
    private final ModbusPointDecoder decoder;

    public ModbusPoll(String deviceId, int slave, ModbusModelProfile profile) {
        this.deviceId = deviceId;
        this.slave = slave;
        this.plan = profile.readPlan(slave);
        this.decoder = new ModbusPointDecoder(profile);
    }

    @Override
    public String deviceId() {
        return deviceId;
    }

    @Override
    public String address() {
        return String.valueOf(slave);
    }

    @Override
    public PollOutcome poll(SerialLink link, Instant now, long timeoutMs, long gapMs) throws SerialLinkException {
        List<RegisterBlock> blocks = new ArrayList<>(plan.size());
        for (int i = 0; i < plan.size(); i++) {
            ReadRequest req = plan.get(i);
            if (i > 0) {
                SerialLink.gap(gapMs);
            }
            byte[] got = link.transact(req.encode(),
                    (buf, n) -> n >= ModbusRtu.expectedReplyLength(req, buf, n), timeoutMs);
            if (got.length == 0) {
                return PollOutcome.noReply("slave " + slave);
            }
            // bytes after the announced length belong to the line, not to this frame (noise after the reply)
            int expected = ModbusRtu.expectedReplyLength(req, got, got.length);
            byte[] frame = got.length > expected ? Arrays.copyOf(got, expected) : got;
            try {
                blocks.add(ModbusRtu.parseReadReply(req, frame));
            } catch (DecodeException e) {
                return PollOutcome.failed(e.reason(), "slave " + slave + ": " + e.getMessage(), frame);
            }
        }
        try {
            return PollOutcome.answered(decoder.decode(deviceId, now, blocks));
        } catch (DecodeException e) {
            return PollOutcome.failed(e.reason(), "slave " + slave + ": " + e.getMessage(), new byte[0]);
        }
    }
}
