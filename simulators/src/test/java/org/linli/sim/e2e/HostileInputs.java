package org.linli.sim.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.linli.drivers.mqtt.VendorProfile;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The worst MQTT inputs found against the gateway (issue 10), built from one real payload of each vendor profile:
 * a huge exponent in each number field (as a number and as a numeric string), all of them at once, negative and
 * tiny exponents, 60,000-digit numbers, deeply nested and very wide JSON, malformed JSON and bytes, payloads over the
 * decoder's 64 KiB and over the MQTT maximum packet size, and 65 KB topic levels. Each is sent to a device the site
 * knows, so it reaches the decoder of that device's profile.
 */
final class HostileInputs {
    static final String HUGE = "1e10000000";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MARK = "@@number@@";

    /** One hostile message; {@code what} names it in failure messages. */
    record Hostile(String what, String topic, byte[] payload) {
    }

    /** A real message of a device with this profile, as the simulator published it. */
    record Sample(VendorProfile profile, String deviceId, String topic, byte[] payload) {
    }

    private HostileInputs() {
    }

    static List<Hostile> from(List<Sample> samples) throws Exception {
        List<Hostile> out = new ArrayList<>();
        Random random = new Random(10);
        for (Sample s : samples) {
            String p = s.profile().name();
            JsonNode root = JSON.readTree(s.payload());
            List<String> numbers = new ArrayList<>();
            collect(root, "", numbers);
            for (String pointer : numbers) {
                out.add(new Hostile(p + " " + pointer + "=" + HUGE, s.topic(), replace(root, List.of(pointer), HUGE, false)));
                out.add(new Hostile(p + " " + pointer + "=\"" + HUGE + "\"", s.topic(), replace(root, List.of(pointer), HUGE, true)));
            }
            for (String n : List.of(HUGE, "-" + HUGE, "1e-10000000", "9".repeat(60_000), "0." + "0".repeat(60_000) + "1")) {
                out.add(new Hostile(p + " every number=" + abbreviate(n), s.topic(), replace(root, numbers, n, false)));
            }
            String text = new String(s.payload(), StandardCharsets.UTF_8);
            out.add(new Hostile(p + " truncated JSON", s.topic(), text.substring(0, text.length() / 2).getBytes(StandardCharsets.UTF_8)));
            out.add(new Hostile(p + " invalid UTF-8", s.topic(), new byte[]{'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'}));
            byte[] garbage = new byte[4096];
            random.nextBytes(garbage);
            out.add(new Hostile(p + " random bytes", s.topic(), garbage));
            out.add(new Hostile(p + " nested arrays", s.topic(), "[".repeat(60_000).getBytes(StandardCharsets.UTF_8)));
            out.add(new Hostile(p + " nested objects", s.topic(), ("{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000))
                    .getBytes(StandardCharsets.UTF_8)));
            out.add(new Hostile(p + " 5,000 keys", s.topic(), wide(5000)));
            out.add(new Hostile(p + " 200 KB payload", s.topic(), padded(text, 200 * 1024)));
            out.add(new Hostile(p + " 1 MiB payload", s.topic(), padded(text, 1024 * 1024)));
            out.add(new Hostile(p + " 65 KB topic level", s.profile().topicFor("d".repeat(65_000)), s.payload()));
        }
        return out;
    }

    /** Pointers of every number, and of every string that reads as a number (some vendors quote them). */
    private static void collect(JsonNode node, String at, List<String> out) {
        if (node.isNumber() || node.isTextual() && node.asText().matches("-?\\d+(\\.\\d+)?")) {
            out.add(at);
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                collect(e.getValue(), at + "/" + e.getKey().replace("~", "~0").replace("/", "~1"), out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), at + "/" + i, out);
            }
        }
    }

    /** The payload with the values at {@code pointers} replaced by {@code number}, raw or as a string. */
    private static byte[] replace(JsonNode root, List<String> pointers, String number, boolean quoted) throws Exception {
        JsonNode copy = root.deepCopy();
        for (String pointer : pointers) {
            int slash = pointer.lastIndexOf('/');
            JsonNode parent = copy.at(pointer.substring(0, slash));
            String name = pointer.substring(slash + 1).replace("~1", "/").replace("~0", "~");
            TextNode value = new TextNode(quoted ? number : MARK);
            if (parent instanceof ObjectNode o) {
                o.set(name, value);
            } else if (parent instanceof ArrayNode a) {
                a.set(Integer.parseInt(name), value);
            }
        }
        return JSON.writeValueAsString(copy).replace("\"" + MARK + "\"", number).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] wide(int keys) {
        StringBuilder b = new StringBuilder("{");
        for (int i = 0; i < keys; i++) {
            b.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":").append(i);
        }
        return b.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The sample with a long string field added, {@code size} bytes in all. */
    private static byte[] padded(String json, int size) {
        String head = "{\"pad\":\"";
        String tail = "\"," + json.substring(1);
        char[] pad = new char[Math.max(0, size - head.length() - tail.length())];
        Arrays.fill(pad, 'x');
        return (head + new String(pad) + tail).getBytes(StandardCharsets.UTF_8);
    }

    private static String abbreviate(String n) {
        return n.length() > 20 ? n.substring(0, 6) + "…(" + n.length() + " chars)" : n;
    }
}
