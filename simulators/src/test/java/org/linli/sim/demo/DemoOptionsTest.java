package org.linli.sim.demo;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 14.12: the demo's command line names its ports, and a wrong value is refused with what is wrong. */
class DemoOptionsTest {

    @Test
    @DisplayName("--http-port, --mqtt-port, --tsdb-port and --minutes are read; ports left out are 0 (familiar or free)")
    void portsAndMinutes() {
        // GIVEN / WHEN the options of a demo moved to other ports
        DemoOptions o = DemoOptions.parse(List.of("--http-port", "18080", "--mqtt-port", "11883", "--tsdb-port",
                "19000", "--minutes", "2.5"));
        // THEN each is taken as given
        assertEquals(new DemoOptions(2.5, 18080, 11883, 19000), o);
        assertEquals(new DemoOptions(0, 0, 0, 0), DemoOptions.parse(List.of()));
    }

    @Test
    @DisplayName("--compounds N from 2 to 9 runs a community; without it the demo is the single compound (0)")
    void compounds() {
        // GIVEN / WHEN / THEN
        assertEquals(new DemoOptions(2, 0, 0, 0, 9), DemoOptions.parse(List.of("--compounds", "9", "--minutes", "2")));
        assertEquals(0, DemoOptions.parse(List.of("--minutes", "2")).compounds());
        assertEquals(2, DemoOptions.parse(List.of("--compounds", "2")).compounds());
    }

    @Test
    @DisplayName("--compounds outside 2..9 or not a number is refused with the range")
    void compoundsRefused() {
        for (String bad : List.of("1", "10", "0", "-3", "nine")) {
            assertEquals("--compounds takes a number of compounds from 2 to 9, not '" + bad
                            + "' (without --compounds the demo runs one compound)",
                    assertThrows(IllegalArgumentException.class,
                            () -> DemoOptions.parse(List.of("--compounds", bad))).getMessage());
        }
    }

    @Test
    @DisplayName("a port out of range, a missing value or an unknown option is refused naming it")
    void refusals() {
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> DemoOptions.parse(List.of("--mqtt-port", "70000"))).getMessage()
                .contains("--mqtt-port takes a port from 1 to 65535, not '70000'"));
        assertEquals("--http-port needs a value", assertThrows(IllegalArgumentException.class,
                () -> DemoOptions.parse(List.of("--http-port"))).getMessage());
        assertEquals("unknown option --port", assertThrows(IllegalArgumentException.class,
                () -> DemoOptions.parse(List.of("--port", "1"))).getMessage());
    }
}
