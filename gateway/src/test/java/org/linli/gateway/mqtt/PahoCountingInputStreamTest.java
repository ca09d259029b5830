package org.linli.gateway.mqtt;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gateway's replacements of Paho's {@code CountingInputStream} (v5 and v3; see the classes' comment): they are the
 * ones loaded, they keep the API of Paho 1.2.5's class and add only the bulk read, and Paho decodes a PUBLISH through
 * them as before, payload and all. If Paho is upgraded, the version check fails: look again at whether the new
 * version still needs the replacement (and whether its class changed) before moving the version here.
 */
class PahoCountingInputStreamTest {
    private static final String PAHO_VERSION = "1.2.5";
    private static final String V5 = "org.eclipse.paho.mqttv5.common.packet.util.CountingInputStream";
    private static final String V3 = "org.eclipse.paho.client.mqttv3.internal.wire.CountingInputStream";

    @ParameterizedTest
    @ValueSource(strings = {V5, V3})
    @DisplayName("the class loaded is the gateway's, with Paho 1.2.5's public API and the bulk read added")
    void replacementIsLoadedAndKeepsPahosApi(String name) throws Exception {
        // GIVEN the class as the gateway loads it, and Paho's own copy from Paho's jar, loaded apart
        Class<?> loaded = Class.forName(name);
        String resource = name.replace('.', '/') + ".class";
        List<URL> copies = Collections.list(getClass().getClassLoader().getResources(resource));
        URL paho = copies.stream().filter(u -> u.toString().contains("org.eclipse.paho")).findFirst().orElseThrow(
                () -> new AssertionError("Paho's own " + name + " is not on the class path: " + copies));

        // THEN the loaded class is not Paho's, and Paho is the version it replaces
        String from = loaded.getProtectionDomain().getCodeSource().getLocation().toString();
        assertFalse(from.contains("org.eclipse.paho"), name + " was loaded from Paho's jar: " + from);
        assertTrue(paho.toString().contains("-" + PAHO_VERSION + ".jar"),
                "Paho is no longer " + PAHO_VERSION + " (" + paho + "): check its CountingInputStream again");
        // AND it has every public member of Paho's, and one more: read(byte[], int, int)
        String pahoJar = paho.toString().substring("jar:".length(), paho.toString().indexOf("!/"));
        try (URLClassLoader apart = new URLClassLoader(new URL[]{new URL(pahoJar)}, ClassLoader.getPlatformClassLoader())) {
            Set<String> theirs = publicApi(apart.loadClass(name));
            Set<String> ours = publicApi(loaded);
            assertTrue(ours.containsAll(theirs), "missing: " + difference(theirs, ours));
            assertEquals(Set.of("read(byte[],int,int)"), difference(ours, theirs));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 300, 100_000})
    @DisplayName("Paho v5 decodes a PUBLISH read off the wire through it: topic, QoS, properties and every payload byte")
    void v5DecodesPublish(int payloadBytes) throws Exception {
        // GIVEN a QoS 1 PUBLISH with a user property, as the broker sends it
        byte[] payload = payload(payloadBytes);
        var props = new org.eclipse.paho.mqttv5.common.packet.MqttProperties();
        props.setUserProperties(List.of(new org.eclipse.paho.mqttv5.common.packet.UserProperty("vendor", "acme")));
        var message = new org.eclipse.paho.mqttv5.common.MqttMessage(payload, 1, false, null);
        var sent = new org.eclipse.paho.mqttv5.common.packet.MqttPublish("xingfuli/gas/3-2-501", message, props);
        sent.setMessageId(42);

        // WHEN Paho decodes its bytes
        var got = (org.eclipse.paho.mqttv5.common.packet.MqttPublish)
                org.eclipse.paho.mqttv5.common.packet.MqttWireMessage.createWireMessage(concat(sent.getHeader(), sent.getPayload()));

        // THEN it is the same message
        assertEquals("xingfuli/gas/3-2-501", got.getTopicName());
        assertEquals(1, got.getQoS());
        assertEquals(42, got.getMessageId());
        assertEquals("acme", got.getProperties().getUserProperties().get(0).getValue());
        assertArrayEquals(payload, got.getMessage().getPayload());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 300, 100_000})
    @DisplayName("Paho v3 decodes a PUBLISH read off the wire through it: topic, QoS and every payload byte")
    void v3DecodesPublish(int payloadBytes) throws Exception {
        // GIVEN a QoS 1 PUBLISH, as the broker sends it
        byte[] payload = payload(payloadBytes);
        var message = new org.eclipse.paho.client.mqttv3.MqttMessage(payload);
        message.setQos(1);
        var sent = new org.eclipse.paho.client.mqttv3.internal.wire.MqttPublish("xingfuli/gas/3-2-501", message);
        sent.setMessageId(42);

        // WHEN Paho decodes its bytes
        var got = (org.eclipse.paho.client.mqttv3.internal.wire.MqttPublish)
                org.eclipse.paho.client.mqttv3.internal.wire.MqttWireMessage.createWireMessage(
                        concat(sent.getHeader(), sent.getPayload()));

        // THEN it is the same message
        assertEquals("xingfuli/gas/3-2-501", got.getTopicName());
        assertEquals(1, got.getMessage().getQos());
        assertEquals(42, got.getMessageId());
        assertArrayEquals(payload, got.getMessage().getPayload());
    }

    private static byte[] payload(int n) {
        byte[] base = "{\"lel\":12.5,\"状态\":\"正常\"}".getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[n];
        for (int i = 0; i < n; i++) {
            out[i] = base[i % base.length];
        }
        return out;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }

    private static Set<String> publicApi(Class<?> c) {
        Set<String> out = new TreeSet<>();
        for (Method m : c.getDeclaredMethods()) {
            if (Modifier.isPublic(m.getModifiers())) {
                out.add(m.getName() + "(" + Arrays.stream(m.getParameterTypes()).map(Class::getSimpleName)
                        .collect(Collectors.joining(",")) + ")");
            }
        }
        for (var k : c.getDeclaredConstructors()) {
            if (Modifier.isPublic(k.getModifiers())) {
                out.add("new(" + Arrays.stream(k.getParameterTypes()).map(Class::getSimpleName)
                        .collect(Collectors.joining(",")) + ")");
            }
        }
        out.add("extends " + c.getSuperclass().getName());
        return out;
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> d = new TreeSet<>(a);
        d.removeAll(b);
        return d;
    }
}
