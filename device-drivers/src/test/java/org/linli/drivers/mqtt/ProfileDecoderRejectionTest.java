package org.linli.drivers.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.linli.drivers.model.DecodeException;
import org.linli.drivers.model.DecodeFailure;
import org.linli.drivers.model.Decoded;

/**
 * Bad input: every rejection reason on every code path that can raise it, with the message naming the field.
 * Each case is (what it verifies, profile, device id, payload, a fragment the message must contain).
 */
class ProfileDecoderRejectionTest {
    private static final VendorProfiles PROFILES = VendorProfiles.builtIn();
    private static final Instant RECEIVED_AT = Instant.parse("2024-11-25T02:30:00Z");
    private static final String GAS = "868120300001234";
    private static final String SMOKE = "BC2401000123";

    static Stream<Arguments> malformedJson() {
        return Stream.of(
                arguments("text that is not JSON", "acme-gas-flat", GAS, "gas=12;st=1", "not valid JSON"),
                arguments("an empty payload", "acme-gas-flat", GAS, "", "expected a JSON object, got nothing"),
                arguments("a JSON array instead of an object", "acme-gas-flat", GAS, "[1,2]", "expected a JSON object, got array"),
                arguments("a bare number", "acme-gas-flat", GAS, "42", "expected a JSON object, got number 42"),
                arguments("trailing garbage after the object", "acme-gas-flat", GAS, acmeGas("\"gas\":12") + " x", "not valid JSON"),
                arguments("a second object after the first", "acme-gas-flat", GAS, acmeGas("\"gas\":12") + "{}", "not valid JSON"),
                arguments("a duplicate key", "acme-gas-flat", GAS, acmeGas("\"gas\":12,\"gas\":900"), "Duplicate field 'gas'"),
                arguments("nesting deeper than the limit", "acme-gas-flat", GAS,
                        acmeGas("\"x\":" + "[".repeat(40) + "]".repeat(40) + ",\"gas\":1"), "nesting depth"),
                arguments("a string longer than the limit", "acme-gas-flat", GAS,
                        acmeGas("\"note\":\"" + "a".repeat(StrictJson.MAX_STRING_LENGTH + 1) + "\",\"gas\":1"), "String value length"),
                arguments("a number with more digits than the limit", "acme-gas-flat", GAS,
                        acmeGas("\"gas\":" + "1".repeat(StrictJson.MAX_NUMBER_LENGTH + 1)), "Number value length"),
                arguments("NaN, which JSON does not allow", "onenet-gas", "g1",
                        "{\"params\":{\"gas_concentration\":{\"value\":NaN}}}", "not valid JSON"),
                // found by MqttPayloadFuzzTest: Jackson threw an unchecked NumberFormatException out of the decoder
                arguments("a number whose exponent does not fit in 32 bits", "acme-gas-flat", GAS,
                        acmeGas("\"gas\":1e9999999999"), "not valid JSON"),
                arguments("the same exponent in a field no profile reads", "acme-gas-flat", GAS,
                        acmeGas("\"gas\":1,\"x\":173250000000020231109e1732500000000202"), "not valid JSON"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    @DisplayName("MALFORMED_JSON: input that is not exactly one well-formed JSON object within the parser limits")
    void malformedJson(String what, String profile, String deviceId, String payload, String fragment) {
        assertRejected(DecodeFailure.MALFORMED_JSON, profile, deviceId, payload, fragment);
    }

    @Test
    @DisplayName("MALFORMED_JSON: bytes that are not UTF-8 are rejected")
    void invalidUtf8() {
        byte[] payload = {'{', '"', 'g', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'};
        DecodeException e = assertThrows(DecodeException.class, () -> decoder("acme-gas-flat").decode(GAS, payload, RECEIVED_AT));
        assertEquals(DecodeFailure.MALFORMED_JSON, e.reason(), e.getMessage());
    }

    static Stream<Arguments> wrongType() {
        return Stream.of(
                arguments("a string where a number reading is expected", "onenet-gas", "g1",
                        "{\"params\":{\"gas_concentration\":{\"value\":\"abc\"}}}",
                        "/params/gas_concentration/value: expected a number, got string \"abc\""),
                arguments("a fraction where a scaled integer is expected", "acme-gas-flat", GAS, acmeGas("\"gas\":12.5"),
                        "/gas: expected an integer, got number 12.5"),
                arguments("a number where a number-in-a-string is expected", "beacon-smoke-iso", SMOKE,
                        beacon("\"data\":{\"smoke\":2.5}"), "/data/smoke: expected a decimal number in a string, got number 2.5"),
                arguments("a non-numeric string reading", "beacon-smoke-iso", SMOKE,
                        beacon("\"data\":{\"smoke\":\"high\"}"), "/data/smoke: expected a decimal number in a string, got string \"high\""),
                arguments("\"NaN\" in a number-in-a-string reading", "beacon-smoke-iso", SMOKE,
                        beacon("\"data\":{\"batt_v\":\"NaN\"}"), "/data/batt_v"),
                arguments("a number where a boolean reading is expected", "ctwing-water", "20231108",
                        ctwingWater("\"valve_open\":1"), "/payload/valve_open: expected true or false, got number 1"),
                arguments("a string where an integer event code is expected", "acme-gas-flat", GAS, acmeGas("\"st\":\"1\""),
                        "/st: expected an integer code, got string \"1\""),
                arguments("a number where a string event code is expected", "beacon-smoke-iso", SMOKE,
                        "{\"dev\":{\"sn\":\"" + SMOKE + "\"},\"time\":\"2024-11-25T10:00:00+08:00\",\"event\":1}",
                        "/event: expected a string code, got number 1"),
                arguments("a negative status word", "acme-water-flat", "41012345", acmeWater("\"sw\":-1"),
                        "/sw: expected a non-negative integer status word"),
                arguments("an epoch timestamp written as a string", "acme-gas-flat", GAS,
                        "{\"imei\":\"" + GAS + "\",\"ts\":\"1732500000000\",\"t\":\"rpt\"}", "/ts: expected an integer epoch_millis timestamp"),
                arguments("an ISO-8601 timestamp that does not parse", "beacon-smoke-iso", SMOKE,
                        "{\"dev\":{\"sn\":\"" + SMOKE + "\"},\"time\":\"yesterday\",\"event\":\"report\"}", "/time: expected an ISO-8601"),
                arguments("an ISO-8601 timestamp without an offset (ambiguous zone)", "beacon-smoke-iso", SMOKE,
                        "{\"dev\":{\"sn\":\"" + SMOKE + "\"},\"time\":\"2024-11-25T10:00:00\",\"event\":\"report\"}", "/time"),
                arguments("a per-property time that is not an integer", "onenet-gas", "g1",
                        "{\"params\":{\"alarm_state\":{\"value\":1,\"time\":\"now\"}}}", "/params/alarm_state/time"),
                arguments("an object where the device id is expected", "acme-gas-flat", GAS,
                        "{\"imei\":{},\"ts\":1732500000000,\"t\":\"rpt\"}", "/imei: expected a device id string, got object"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    @DisplayName("WRONG_TYPE: a present value of the wrong JSON type or unparseable text, named by pointer")
    void wrongType(String what, String profile, String deviceId, String payload, String fragment) {
        assertRejected(DecodeFailure.WRONG_TYPE, profile, deviceId, payload, fragment);
    }

    static Stream<Arguments> missingField() {
        return Stream.of(
                arguments("a required timestamp is absent", "acme-gas-flat", GAS, "{\"imei\":\"" + GAS + "\",\"t\":\"rpt\",\"gas\":1}",
                        "/ts: required timestamp is missing"),
                arguments("a required event code is absent", "acme-gas-flat", GAS,
                        "{\"imei\":\"" + GAS + "\",\"ts\":1732500000000,\"gas\":1}", "/t: required event code is missing"),
                arguments("a required reading is absent", "acme-water-flat", "41012345",
                        "{\"meter\":\"41012345\",\"t\":1732500000,\"flow\":1}", "/tot: required reading total_m3 is missing"),
                arguments("a required reading is JSON null", "acme-water-flat", "41012345",
                        "{\"meter\":\"41012345\",\"t\":1732500000,\"tot\":null}", "/tot: required reading total_m3 is missing"),
                arguments("the payload's device id is absent", "ctwing-smoke", "10086001",
                        "{\"timestamp\":1732500000000,\"serviceId\":\"heartbeat\"}", "/deviceId: required device id is missing"),
                arguments("none of the profile's readings or events is present", "onenet-gas", "g1",
                        "{\"id\":\"7\",\"version\":\"1.0\",\"params\":{\"unrelated\":{\"value\":1}}}", "none of profile onenet-gas"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    @DisplayName("MISSING_FIELD: a required field, or every field the profile knows, is absent")
    void missingField(String what, String profile, String deviceId, String payload, String fragment) {
        assertRejected(DecodeFailure.MISSING_FIELD, profile, deviceId, payload, fragment);
    }

    static Stream<Arguments> outOfRange() {
        return Stream.of(
                arguments("a scaled reading above the quantity's range", "acme-gas-flat", GAS, acmeGas("\"gas\":1001"),
                        "/gas: gas_lel 100.1 %LEL"),
                arguments("a reading below the quantity's range", "acme-gas-flat", GAS, acmeGas("\"bat\":-1"), "/bat: battery_pct -1.0"),
                arguments("a number too large for a double (infinite after scaling)", "onenet-gas", "g1",
                        "{\"params\":{\"gas_concentration\":{\"value\":1e999}}}", "/params/gas_concentration/value"),
                arguments("a 10-byte number with a ten-million exponent (seconds of BigDecimal arithmetic before the bound)",
                        "onenet-gas", "g1", "{\"params\":{\"gas_concentration\":{\"value\":1e10000000}}}",
                        "/params/gas_concentration/value: number 1E+10000000 has more than 20 integer"),
                arguments("a number with a ten-million negative exponent", "onenet-gas", "g1",
                        "{\"params\":{\"gas_concentration\":{\"value\":1e-10000000}}}", "decimal digits"),
                arguments("a number-in-a-string with a four-digit exponent", "beacon-smoke-iso", SMOKE,
                        beacon("\"data\":{\"smoke\":\"1e9999\"}"), "/data/smoke"),
                arguments("a number-in-a-string out of range", "beacon-smoke-iso", SMOKE, beacon("\"data\":{\"rssi\":\"5\"}"),
                        "/data/rssi: signal_dbm 5.0"),
                arguments("a timestamp before 2000 (unset device clock)", "acme-gas-flat", GAS,
                        "{\"imei\":\"" + GAS + "\",\"ts\":0,\"t\":\"hb\"}", "/ts: timestamp 1970-01-01T00:00:00Z"),
                arguments("a timestamp more than a day after receipt", "acme-water-flat", "41012345",
                        "{\"meter\":\"41012345\",\"t\":1732600000,\"tot\":1}", "/t: timestamp 2024-11-26T05:46:40Z"),
                arguments("an epoch beyond what an Instant can hold", "acme-water-flat", "41012345",
                        "{\"meter\":\"41012345\",\"t\":9223372036854775807,\"tot\":1}", "/t: timestamp"),
                arguments("an epoch beyond a 64-bit integer", "acme-gas-flat", GAS,
                        "{\"imei\":\"" + GAS + "\",\"ts\":99999999999999999999,\"t\":\"hb\"}", "/ts: timestamp"),
                arguments("an ISO-8601 timestamp in the future", "beacon-smoke-iso", SMOKE,
                        "{\"dev\":{\"sn\":\"" + SMOKE + "\"},\"time\":\"2030-01-01T00:00:00+08:00\",\"event\":\"report\"}", "/time"),
                arguments("a per-property time before 2000", "onenet-gas", "g1",
                        "{\"params\":{\"alarm_state\":{\"value\":1,\"time\":1000}}}", "/params/alarm_state/time"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    @DisplayName("OUT_OF_RANGE: a value outside its quantity's plausible range, or an absurd timestamp")
    @org.junit.jupiter.api.Timeout(5) // a huge exponent used to cost 1-14 s of BigDecimal arithmetic
    void outOfRange(String what, String profile, String deviceId, String payload, String fragment) {
        assertRejected(DecodeFailure.OUT_OF_RANGE, profile, deviceId, payload, fragment);
    }

    static Stream<Arguments> unknownCode() {
        return Stream.of(
                arguments("an integer code not in the map", "acme-gas-flat", GAS, acmeGas("\"st\":7"), "/st: unknown code 7"),
                arguments("a string code not in the map", "beacon-smoke-iso", SMOKE,
                        "{\"dev\":{\"sn\":\"" + SMOKE + "\"},\"time\":\"2024-11-25T10:00:00+08:00\",\"event\":\"explode\"}",
                        "/event: unknown code \"explode\""),
                arguments("a status word with an unmapped bit set", "acme-gas-flat", GAS, acmeGas("\"stw\":17"),
                        "/stw: status word 17 has unmapped bit 4 set"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    @DisplayName("UNKNOWN_CODE: an event code or status bit the profile does not map")
    void unknownCode(String what, String profile, String deviceId, String payload, String fragment) {
        assertRejected(DecodeFailure.UNKNOWN_CODE, profile, deviceId, payload, fragment);
    }

    static Stream<Arguments> deviceIdMismatch() {
        return Stream.of(
                arguments("a flat payload naming another device", "acme-gas-flat", "868120300009999", acmeGas("\"gas\":1"),
                        "/imei: payload names device \"868120300001234\" but the topic names \"868120300009999\""),
                arguments("a nested payload naming another device", "beacon-smoke-iso", "BC2401000999", beacon("\"data\":{}"),
                        "/dev/sn: payload names device"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    @DisplayName("DEVICE_ID_MISMATCH: the payload's own device id disagrees with the topic's")
    void deviceIdMismatch(String what, String profile, String deviceId, String payload, String fragment) {
        assertRejected(DecodeFailure.DEVICE_ID_MISMATCH, profile, deviceId, payload, fragment);
    }

    @Test
    @DisplayName("PAYLOAD_TOO_LARGE: one byte over 64 KiB is rejected before parsing, while exactly 64 KiB still decodes")
    void payloadSizeLimit() throws DecodeException {
        String json = acmeGas("\"gas\":1");
        String atLimit = json + " ".repeat(PayloadDecoder.MAX_PAYLOAD_BYTES - json.length());
        Decoded decoded = decoder("acme-gas-flat").decode(GAS, atLimit.getBytes(StandardCharsets.UTF_8), RECEIVED_AT);
        assertEquals(0.1, decoded.readings().get(0).value());
        assertRejected(DecodeFailure.PAYLOAD_TOO_LARGE, "acme-gas-flat", GAS, atLimit + " ", "65537 bytes exceeds 65536");
    }

    // --- helpers ---

    private static void assertRejected(DecodeFailure reason, String profile, String deviceId, String payload, String fragment) {
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        DecodeException e = assertThrows(DecodeException.class, () -> decoder(profile).decode(deviceId, bytes, RECEIVED_AT));
        assertEquals(reason, e.reason(), e.getMessage());
        assertTrue(e.getMessage().contains(fragment), "message '" + e.getMessage() + "' should contain '" + fragment + "'");
    }

    private static PayloadDecoder decoder(String profile) {
        return PROFILES.find(profile).orElseThrow().decoder();
    }

    /** A valid acme-gas-flat report with {@code fields} appended. */
    private static String acmeGas(String fields) {
        return "{\"imei\":\"" + GAS + "\",\"ts\":1732500000000,\"t\":\"rpt\"," + fields + "}";
    }

    private static String acmeWater(String fields) {
        return "{\"meter\":\"41012345\",\"t\":1732500000,\"tot\":1," + fields + "}";
    }

    private static String beacon(String fields) {
        return "{\"dev\":{\"sn\":\"" + SMOKE + "\"},\"time\":\"2024-11-25T10:00:00+08:00\",\"event\":\"report\"," + fields + "}";
    }

    private static String ctwingWater(String payloadFields) {
        return "{\"deviceId\":\"20231108\",\"timestamp\":1732500000000,\"serviceId\":\"meter_report\",\"payload\":{" + payloadFields + "}}";
    }
}
