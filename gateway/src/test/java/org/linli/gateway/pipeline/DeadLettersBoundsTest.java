package org.linli.gateway.pipeline;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a sender controls is cut before a dead letter keeps it, and the letters together stay within their bounds. */
class DeadLettersBoundsTest {

    @Test
    @DisplayName("a 20 MB text payload, a 65 KB topic and a message naming it are cut to their bounds, marked as cut")
    void cutsEachPart() {
        // GIVEN a huge payload and topic
        DeadLetters letters = DeadLetters.inMemory(Clock.systemUTC());
        byte[] payload = new byte[20 * 1024 * 1024];
        Arrays.fill(payload, (byte) 'a');
        String topic = "v/" + "x".repeat(65_000) + "/up";
        // WHEN it is dead-lettered
        letters.record("mqtt", topic, payload, "unknown_device", "device '" + topic + "' is not in the site config");
        // THEN each part is cut
        DeadLetter d = letters.recent(1).get(0);
        assertEquals(DeadLetterText.MAX_PAYLOAD_BYTES + DeadLetterText.CUT.length(), d.payload().length());
        assertTrue(d.payload().endsWith(DeadLetterText.CUT));
        assertEquals(DeadLetterText.MAX_TOPIC_CHARS + DeadLetterText.CUT.length(), d.topic().length());
        assertEquals(DeadLetterText.MAX_MESSAGE_CHARS + DeadLetterText.CUT.length(), d.message().length());
    }

    @Test
    @DisplayName("a cut never splits a UTF-8 character into a replacement character, and binary stays hex")
    void cutsOnCharacterBoundary() {
        // GIVEN text of 3-byte characters whose 4096th byte is inside one, and a binary frame
        byte[] chinese = "燃".repeat(3000).getBytes(StandardCharsets.UTF_8);
        byte[] binary = new byte[10_000];
        binary[0] = (byte) 0x68;
        // WHEN they are made printable
        String text = DeadLetterText.printable(chinese);
        String hex = DeadLetterText.printable(binary);
        // THEN the text holds whole characters only, and the binary is the hex of its first 2048 bytes
        assertEquals("燃".repeat(4096 / 3) + DeadLetterText.CUT, text);
        assertEquals("hex:68" + "00".repeat(2047) + DeadLetterText.CUT, hex);
    }

    @Test
    @DisplayName("letters of the largest size are held up to the memory bound, and one API page up to its byte bound")
    void memoryAndPageBounded() {
        // GIVEN 1,000 letters of the largest kind
        DeadLetters letters = DeadLetters.inMemory(Clock.systemUTC());
        byte[] payload = "p".repeat(100_000).getBytes(StandardCharsets.UTF_8);
        String topic = "t/" + "x".repeat(65_000);
        for (int i = 0; i < 1000; i++) {
            letters.record("mqtt", topic, payload, "unknown_device", "m".repeat(70_000));
        }
        // THEN memory holds at most the byte bound, all counted
        assertTrue(letters.heldBytes() <= DeadLetters.MAX_MEMORY_BYTES, letters.heldBytes() + " bytes held");
        assertTrue(letters.held() < 1000 && letters.held() > 100, letters.held() + " letters held");
        assertEquals(1000, letters.total());
        // AND a page asked for 1,000 is cut at its byte budget, newest last
        List<DeadLetter> page = letters.recent(1000, 256 * 1024);
        long bytes = page.stream().mapToLong(d -> d.toJson().encode().getBytes(StandardCharsets.UTF_8).length).sum();
        assertTrue(bytes <= 256 * 1024 && page.size() > 10, page.size() + " letters, " + bytes + " bytes");
        assertEquals(letters.recent(1).get(0), page.get(page.size() - 1));
    }

    @Test
    @DisplayName("the file is rotated before a line would take it over its size: two files, neither over the bound")
    void filesBounded(@TempDir Path dir) throws Exception {
        // GIVEN a small file bound
        long max = 64 * 1024;
        try (DeadLetters letters = new DeadLetters(Clock.systemUTC(), 1000, dir, max)) {
            // WHEN 200 letters of about 6 KB are written
            byte[] payload = "q".repeat(5000).getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 200; i++) {
                letters.record("mqtt", "t/" + i, payload, "malformed_json", "bad");
            }
        }
        // THEN both files exist, each within the bound, and each line is a whole letter
        for (String name : List.of("dead-letters.jsonl", "dead-letters.1.jsonl")) {
            Path f = dir.resolve(name);
            assertTrue(Files.size(f) <= max, name + " is " + Files.size(f) + " bytes");
            Files.readAllLines(f).forEach(line -> assertEquals("malformed_json", new JsonObject(line).getString("reason")));
        }
    }
}
