package org.linli.gateway.security;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class RedactionTest {

    @Test
    @DisplayName("URLs keep host, port and user but lose the password and token-like query values")
    void urlsMasked() {
        // GIVEN / WHEN / THEN
        assertEquals("http://admin:***@influx:8086/api", Redaction.url("http://admin:s3cr3t@influx:8086/api"));
        assertEquals("http://influx:8086/?org=a&token=***", Redaction.url("http://influx:8086/?org=a&token=abc123"));
        assertEquals("ssl://broker.example:8883", Redaction.url("ssl://broker.example:8883"));
        // DingTalk's robot URL: access_token and the signature go, the timestamp stays
        assertEquals("https://oapi.dingtalk.com/robot/send?access_token=***&timestamp=1700000000000&sign=***",
                Redaction.url("https://oapi.dingtalk.com/robot/send?access_token=9f8e7d&timestamp=1700000000000&sign=abc%3D"));
        // inside JSON or HTML the mask stops at the quote or tag, so the document stays well-formed
        assertEquals("{\"detail\":\"asked /send?key=***\",\"n\":1}", Redaction.url("{\"detail\":\"asked /send?key=k-1\",\"n\":1}"));
        assertEquals("<p>/send?access_token=***</p>", Redaction.url("<p>/send?access_token=t-1</p>"));
        assertEquals("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=***",
                Redaction.url("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7b8c"));
    }

    @Test
    @DisplayName("every configured secret value is removed from free text such as a library's error message")
    void knownSecretsScrubbed() {
        // GIVEN a redaction knowing two secrets and a too-short value
        Redaction r = Redaction.of(Arrays.asList("mqtt-pass-123", "influx-token-xyz", "1", null));
        // WHEN a text containing both is scrubbed
        String out = r.scrub("auth failed for mqtt-pass-123; header Token influx-token-xyz; 1 retry");
        // THEN neither remains and ordinary text is untouched
        assertFalse(out.contains("mqtt-pass-123"));
        assertFalse(out.contains("influx-token-xyz"));
        assertEquals("auth failed for ***; header Token ***; 1 retry", out);
    }
}
