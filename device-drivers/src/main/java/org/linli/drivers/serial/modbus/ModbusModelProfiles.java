package org.linli.drivers.serial.modbus;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.linli.drivers.model.EventType;
import org.linli.drivers.model.Quantity;
import org.linli.drivers.serial.ProfileYaml;
import org.linli.drivers.serial.WordOrder;

/**
 * Loads device model register maps from YAML (see {@code profiles/modbus/*.yaml} for the format), bound strictly by
 * {@link ProfileYaml}: an unknown key ({@code scal:}) or a wrong type ({@code scale: abc}) is refused with the file,
 * the line and the key, so a wrong profile is fixed without reading this code and never decodes readings silently
 * wrong. Numbers may be written as 7, "7" or "0x0007".
 */
public final class ModbusModelProfiles {
    private static final String EXPECTED = "model, function and points";

    /** The file as written: every key a model profile may have. */
    record ModelFile(String model, String description, String deviceType,
                     @JsonDeserialize(using = ProfileYaml.WholeNumber.class) Integer function,
                     @JsonDeserialize(using = ProfileYaml.WholeNumber.class) Integer maxGap,
                     List<PointFile> points) {
    }

    /** One point as written; {@code values} and {@code bits} map a whole value or a bit number to an event. */
    record PointFile(String name,
                     @JsonDeserialize(using = ProfileYaml.WholeNumber.class) Integer address,
                     DataType type,
                     WordOrder order,
                     Double scale,
                     Double offset,
                     Quantity quantity,
                     Map<String, EventFile> values,
                     Map<String, EventFile> bits) {
    }

    /** {@code {event: FAULT, detail: empty pipe}}; an empty mapping means "nothing to report". */
    record EventFile(EventType event, String detail) {
    }

    private ModbusModelProfiles() {
    }

    /** Loads {@code profiles/modbus/<model>.yaml} from the classpath. */
    public static ModbusModelProfile load(String model) {
        return ProfileYaml.load("profiles/modbus/" + model + ".yaml", "Modbus model profile", ModbusModelProfiles::parse);
    }

    public static ModbusModelProfile parse(InputStream in, String source) throws IOException {
        ModelFile file = ProfileYaml.bind(in, source, ModelFile.class, EXPECTED);
        List<ModbusPoint> points = new ArrayList<>();
        List<PointFile> listed = file.points() == null ? List.of() : file.points();
        for (int i = 0; i < listed.size(); i++) {
            PointFile p = listed.get(i);
            String name = p == null || p.name() == null || p.name().isBlank() ? "#" + i : p.name().trim();
            try {
                if (p == null) {
                    throw new IllegalArgumentException("empty entry");
                }
                points.add(point(p, name));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(source + ": points[" + i + "] (point '" + name + "'): " + e.getMessage(), e);
            }
        }
        try {
            return new ModbusModelProfile(required(file.model(), "model"), file.description() == null ? "" : file.description(),
                    file.deviceType() == null ? "" : file.deviceType().trim(), required(file.function(), "function"),
                    file.maxGap() == null ? 0 : file.maxGap(), points);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
    }

    private static ModbusPoint point(PointFile p, String name) {
        return new ModbusPoint(name, required(p.address(), "address"), required(p.type(), "type"),
                p.order() == null ? WordOrder.ABCD : p.order(), p.scale() == null ? 1.0 : p.scale(),
                p.offset() == null ? 0.0 : p.offset(), p.quantity(), new HashMap<>(events(p.values(), "values")),
                new TreeMap<>(events(p.bits(), "bits")));
    }

    /** Keys are whole numbers ("0x0055", 3); an empty mapping or no mapping means "nothing to report". */
    private static Map<Integer, EventSpec> events(Map<String, EventFile> written, String field) {
        Map<Integer, EventSpec> out = new HashMap<>();
        if (written == null) {
            return out;
        }
        written.forEach((key, spec) -> {
            int number = ProfileYaml.number(key, field + " key");
            if (spec != null && spec.event() == null && spec.detail() != null) {
                throw new IllegalArgumentException(field + "." + key + ": 'detail' without 'event' (write {} for nothing to report)");
            }
            out.put(number, spec == null || spec.event() == null ? EventSpec.NONE : new EventSpec(spec.event(), spec.detail()));
        });
        return out;
    }

    private static <T> T required(T value, String key) {
        if (value == null) {
            throw new IllegalArgumentException("'" + key + "' is missing");
        }
        return value;
    }

    private static String required(String value, String key) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("'" + key + "' is missing");
        }
        return value.trim();
    }
}
