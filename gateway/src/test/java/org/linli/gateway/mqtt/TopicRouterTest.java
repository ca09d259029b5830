package org.linli.gateway.mqtt;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.linli.drivers.mqtt.TopicTemplate;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@link TopicRouter} answers exactly what the subscriptions' {@code TopicTemplate.deviceIdFrom} answers. */
class TopicRouterTest {
    private static Subscription sub(String profile, String template) {
        return new Subscription(profile, TopicTemplate.parse(template), 1, Duration.ofMinutes(5), 3);
    }

    @Test
    @DisplayName("matching, near-misses and malformed topics route as the templates' own matcher says, first subscription first")
    void sameAsTemplates() {
        // GIVEN subscriptions with literal, + and device-id levels in several positions
        List<Subscription> subs = List.of(sub("a", "acme/gas/{deviceId}/up"), sub("b", "platform/+/{deviceId}/data"),
                sub("c", "{deviceId}/status"), sub("d", "onenet/GasPr0d/{deviceId}/thing/property/post"));
        TopicRouter router = new TopicRouter(subs);
        List<String> topics = List.of("acme/gas/g1/up", "acme/gas//up", "acme/gas/g1/up/", "acme/gas/g1", "acme/gas/g+1/up",
                "acme/gas/g#/up", "acme/water/g1/up", "platform/p1/d9/data", "platform//d9/data", "platform/p1/d9/data/x",
                "x1/status", "/status", "status", "onenet/GasPr0d/g7/thing/property/post", "onenet/GasPr0d/g7/thing/property",
                "", "/", "acme/gas/g1/upx", "acme/gasx/g1/up", "acme/gas/设备-1/up");
        for (String topic : topics) {
            // WHEN routed THEN the answer equals the first template that matches
            Optional<Subscription> expectedSub = subs.stream().filter(s -> s.topic().deviceIdFrom(topic).isPresent()).findFirst();
            TopicRouter.Route route = router.route(topic);
            assertEquals(expectedSub.orElse(null), route == null ? null : route.subscription(), topic);
            assertEquals(expectedSub.flatMap(s -> s.topic().deviceIdFrom(topic)).orElse(null),
                    route == null ? null : route.deviceId(), topic);
        }
    }
}
