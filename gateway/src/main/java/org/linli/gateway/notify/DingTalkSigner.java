package org.linli.gateway.notify;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

/** DingTalk's robot signature: urlencode(base64(HmacSHA256(key = secret, data = timestamp + "\n" + secret))). */
final class DingTalkSigner {
    private DingTalkSigner() {
    }

    static String sign(String secret, long timestampMillis) {
        return URLEncoder.encode(Base64.getEncoder().encodeToString(
                hmacSha256(secret, timestampMillis + "\n" + secret)), StandardCharsets.UTF_8);
    }

    static byte[] hmacSha256(String key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
