package org.linli.gateway.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.linli.drivers.model.DecodeException;
import org.linli.drivers.model.DecodeFailure;
import org.linli.drivers.model.Decoded;
import org.linli.drivers.model.Quantity;
import org.linli.drivers.model.Reading;
import org.linli.gateway.TestSites;
import org.linli.gateway.pipeline.DeadLetters;
import org.linli.gateway.pipeline.IncomingMessage;
import org.linli.gateway.pipeline.Pipeline;
import org.linli.gateway.site.Device;
import org.linli.gateway.site.SiteDirectory;

import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Scraping {@code /metrics} again and again registers no meter twice: Micrometer warns once per JVM ("FunctionCounter
 * has been already registered (linli.messages.received)", seen at every gateway start) and ignores the second one.
 */
class MeterRegisteredOnceTest {
    private static final Instant T = Instant.parse("2026-11-22T03:00:00Z");
    private final GatewayMetrics metrics = new GatewayMetrics();
    private final SiteDirectory site = SiteDirectory.from(TestSites.small());

    @AfterEach
    void close() {
        metrics.close();
    }

    @Test
    @DisplayName("three scrapes with received messages and decode failures register every meter once: Micrometer records no double registration")
    void noDoubleRegistration() throws Exception {
        // GIVEN Micrometer's once-per-JVM warning armed again, and a pipeline that received and rejected messages
        AtomicBoolean warned = doubleRegistrationWarned();
        warned.set(false);
        DeadLetters deadLetters = DeadLetters.inMemory(Clock.systemUTC());
        Pipeline p = new Pipeline(site, (profile, id, payload, at) -> {
            throw new DecodeException(DecodeFailure.MALFORMED_JSON, "not a test payload");
        }, lines -> Future.succeededFuture(), List.of(), deadLetters);
        metrics.add(new PipelineMeters(metrics.registry(), p));
        Device gas = site.device("gas-3-2-501").orElseThrow();
        p.acceptDecoded("serial", "bus-b", gas, Decoded.of(List.of(new Reading(gas.id(), Quantity.GAS_LEL, 3, T)), List.of()), T);
        p.accept(new IncomingMessage("mqtt", "t/gas-3-2-501", "{".getBytes(StandardCharsets.UTF_8), "gas-3-2-501", "test-gas", T));
        // WHEN /metrics is scraped three times, with a new message between the scrapes
        metrics.scrape();
        p.acceptDecoded("serial", "bus-b", gas, Decoded.of(List.of(new Reading(gas.id(), Quantity.GAS_LEL, 4, T)), List.of()), T);
        metrics.scrape();
        metrics.scrape();

        // THEN Micrometer saw no second registration of any meter (it would have logged the warning)
        assertFalse(warned.get(), "Micrometer found a meter registered twice");
        // AND the counters registered once still read the live values
        assertEquals(2, count(metrics.registry(), "serial", "bus-b"));
    }

    private static double count(MeterRegistry registry, String source, String channel) {
        return registry.get("linli.messages.received").tag("source", source).tag("channel", channel).functionCounter().count();
    }

    /** Micrometer's flag "the double-registration warning was logged" (it then logs later ones at debug level only). */
    private static AtomicBoolean doubleRegistrationWarned() throws ReflectiveOperationException {
        Field loggerField = MeterRegistry.class.getDeclaredField("doubleRegistrationLogger");
        loggerField.setAccessible(true);
        Object logger = loggerField.get(null);
        Field flag = logger.getClass().getDeclaredField("warnLogged");
        flag.setAccessible(true);
        return (AtomicBoolean) flag.get(logger);
    }
}
