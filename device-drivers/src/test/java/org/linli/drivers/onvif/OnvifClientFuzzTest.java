package org.linli.drivers.onvif;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzz target: any HTTP answer a camera (or something posing as one) gives to each ONVIF call the gateway makes,
 * through the real clients, transport, Digest handling and body cap, with a {@link CannedHttpClient} in place of
 * the network. A result or an OnvifException is fine; any other throwable or a slow input is a finding.
 *
 * <p>Input: the call (one byte), the HTTP status (one byte, from {@link #STATUSES}), the length of the
 * WWW-Authenticate challenge (one byte) and the challenge, then the body. Corpus: the golden answers, each behind
 * the header for its call (OnvifClientFuzzTestInputs/answer).
 */
class OnvifClientFuzzTest {
    static final int[] STATUSES = {200, 400, 401, 403, 404, 500};
    static final int CALLS = 13;
    private static final URI CAMERA = URI.create("http://127.0.0.1:1/onvif/device_service");
    /** Smaller than the default so that the fuzzer also reaches the refusal of an oversized answer. */
    private static final OnvifClientOptions OPTIONS = new OnvifClientOptions(Duration.ofSeconds(5),
            Duration.ofSeconds(5), 16 * 1024, Duration.ofSeconds(5), 16 * 1024, false);

    private final CannedHttpClient http = new CannedHttpClient();

    @FuzzTest
    @Timeout(value = 10, unit = TimeUnit.SECONDS) // guards regression runs; fuzzing runs pass -timeout=2 per input
    void answer(byte[] input) {
        if (input.length < 3) {
            return;
        }
        int challengeEnd = Math.min(input.length, 3 + (input[2] & 0xFF));
        http.answer(STATUSES[(input[1] & 0xFF) % STATUSES.length],
                Arrays.copyOfRange(input, challengeEnd, input.length),
                new String(input, 3, challengeEnd - 3, StandardCharsets.ISO_8859_1)); // header bytes are Latin-1
        // the first byte's quotient by CALLS picks whether Basic over plain http is allowed: both paths get fuzzed
        boolean allowBasic = ((input[0] & 0xFF) / CALLS) % 2 == 1;
        SoapTransport transport = new SoapTransport(http, new OnvifCredentials("admin", "12345"),
                OPTIONS.withAllowBasicOverHttp(allowBasic));
        try {
            call((input[0] & 0xFF) % CALLS, transport);
        } catch (OnvifException expected) {
            // the documented way to refuse an answer
        }
    }

    private static void call(int call, SoapTransport transport) throws OnvifException {
        OnvifDeviceClient device = new OnvifDeviceClient(transport, CAMERA);
        OnvifMediaClient media = new OnvifMediaClient(transport, CAMERA);
        PullPointSubscription subscription = new PullPointSubscription(transport, CAMERA, Instant.EPOCH);
        switch (call) {
            case 0 -> device.getSystemDateAndTime();
            case 1 -> device.getServices();
            case 2 -> device.getServiceAddresses();
            case 3 -> device.getCapabilities();
            case 4 -> device.getDeviceInformation();
            case 5 -> media.getProfiles();
            case 6 -> media.getVideoSources();
            case 7 -> media.getSnapshotUri("profile_1");
            case 8 -> media.getStreamUri("profile_1");
            case 9 -> new OnvifEventsClient(transport, CAMERA).createPullPointSubscription(Duration.ofMinutes(10));
            case 10 -> subscription.pullMessages(Duration.ofSeconds(5), 10);
            case 11 -> subscription.renew(Duration.ofMinutes(10));
            default -> subscription.unsubscribe();
        }
    }
}
