package org.linli.gateway.config;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import org.linli.drivers.model.DeviceType;

import java.io.IOException;

/**
 * {@code devices[].type} in the site file: a {@link DeviceType} written by its id ({@code gas_alarm}), bound while
 * the file is read, so a wrong one is refused with its line and the allowed ids. {@link DeviceType} lives in
 * device-drivers, which knows nothing of Jackson annotations for the site file; these two classes are the binding.
 */
final class DeviceTypeId {
    private DeviceTypeId() {
    }

    /** Reads {@code gas_alarm} (or {@code GAS_ALARM}); anything else is refused naming the ids there are. */
    static final class Reader extends JsonDeserializer<DeviceType> {
        @Override
        public DeviceType deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return (DeviceType) ctxt.handleUnexpectedToken(DeviceType.class, p);
            }
            try {
                return DeviceType.fromId(p.getText().trim());
            } catch (IllegalArgumentException e) {
                throw JsonMappingException.from(p, "unknown device type '" + p.getText() + "' (allowed: "
                        + DeviceType.ids() + ")");
            }
        }
    }

    /** Writes the id, as the file has it. */
    static final class Writer extends JsonSerializer<DeviceType> {
        @Override
        public void serialize(DeviceType value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            gen.writeString(value.id());
        }
    }
}
