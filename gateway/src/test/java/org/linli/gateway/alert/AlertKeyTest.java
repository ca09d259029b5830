package org.linli.gateway.alert;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AlertKeyTest {
    /** Every kind of key, with the string the code built by hand before AlertKey existed (what alerts.db holds). */
    private static Map<AlertKey, String> legacyForms() {
        Map<AlertKey, String> m = new LinkedHashMap<>();
        m.put(AlertKey.device("gas-3-2-501", AlertType.GAS_LEAK), "gas-3-2-501" + "/" + AlertType.GAS_LEAK);
        m.put(AlertKey.device("water-7-1-101", AlertType.WATER_HIGH_USE), "water-7-1-101" + "/" + AlertType.WATER_HIGH_USE);
        m.put(AlertKey.household("3-2-501", AlertType.WATER_INACTIVITY), "household:" + "3-2-501" + "/"
                + AlertType.WATER_INACTIVITY);
        m.put(AlertKey.camera("cam-7-gate", AlertType.CAMERA_OFFLINE), "camera:" + "cam-7-gate" + "/"
                + AlertType.CAMERA_OFFLINE);
        m.put(AlertKey.bus("meters-7"), "bus:" + "meters-7");
        m.put(AlertKey.bus("/dev/ttyUSB0"), "bus:" + "/dev/ttyUSB0");
        m.put(AlertKey.broker(), "mqtt:broker");
        return m;
    }

    @Test
    @DisplayName("every factory's string form is exactly the key string earlier versions stored, so an old alerts.db keeps matching")
    void valuesAreTheLegacyStrings() {
        // GIVEN one key of every kind and the string the code used to concatenate for it
        // WHEN each is written as a string THEN it is that very string
        legacyForms().forEach((key, legacy) -> assertEquals(legacy, key.value(), key.kind().name()));
    }

    @Test
    @DisplayName("parse reads every kind back to an equal key: subject, kind and alert type")
    void parseRoundTrips() {
        // GIVEN the stored strings of every kind of key
        legacyForms().forEach((key, legacy) -> {
            // WHEN one is parsed THEN it is the key that wrote it, and writes the same string again
            AlertKey parsed = AlertKey.parse(legacy);
            assertEquals(key, parsed, legacy);
            assertEquals(legacy, parsed.value());
        });
        // AND a device id with a slash in it keeps it: only the last part is the type
        assertEquals(AlertKey.device("meter/7", AlertType.DEVICE_OFFLINE), AlertKey.parse("meter/7/DEVICE_OFFLINE"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "test:3-2-501", "gas-3-2-501", "gas-3-2-501/NOT_A_TYPE", "/GAS_LEAK", "bus:",
            "camera:cam-7", "household:/WATER_INACTIVITY", "mqtt:"})
    @DisplayName("a string that is no key of any kind is refused with a message naming the forms keys take")
    void malformedRefused(String text) {
        // GIVEN a malformed key WHEN it is parsed THEN it is refused, saying what a key looks like
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AlertKey.parse(text));
        assertTrue(e.getMessage().contains("<device>/<TYPE>"), e.getMessage());
    }

    @Test
    @DisplayName("a key cannot be built without a subject, nor a typed kind without a type or an untyped kind with one")
    void invalidKeysRefused() {
        // GIVEN / WHEN keys missing what their kind needs THEN they are refused at construction
        assertThrows(IllegalArgumentException.class, () -> AlertKey.bus(""));
        assertThrows(NullPointerException.class, () -> AlertKey.device("gas-3-2-501", null));
        assertThrows(IllegalArgumentException.class,
                () -> new AlertKey(AlertKey.Kind.BUS, "meters-7", AlertType.BUS_OFFLINE));
    }
}
