package org.linli.gateway.config;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * One delivery channel. {@code type}: wecom | dingtalk | webhook | mqtt ({@link ChannelType}, bound when the file is read). Secrets never sit in the file: the robot
 * key ({@code keyEnv}, WeCom), access token and signing secret ({@code tokenEnv}, {@code secretEnv}, DingTalk),
 * the webhook URL and its HMAC secret ({@code urlEnv}, {@code secretEnv}) are environment variable names.
 * {@code baseUrl} defaults to the vendor's public endpoint; {@code ratePerMinute} to 20 (6000 for mqtt). {@code grids} (optional) restricts the channel to alerts of
 * those grids; {@code minSeverity} (default WARNING: everything) to alerts at least that urgent; {@code fallback} is
 * the id of the channel life-safety alerts go to when this one fails or is blocked; {@code fallbackOnly} channels get
 * alerts only that way. {@code topic} (mqtt only) defaults
 * to {@code mqtt.alertsTopic}.
 */
public record NotifyChannelOptions(
        String id,
        ChannelType type,
        String baseUrl,
        String keyEnv,
        String tokenEnv,
        String secretEnv,
        String urlEnv,
        String topic,
        Integer ratePerMinute,
        List<String> grids,
        String minSeverity,
        String fallback,
        Integer maxAttempts,
        Integer timeoutMs,
        Boolean fallbackOnly) {

    public static final String WECOM_BASE_URL = "https://qyapi.weixin.qq.com";
    public static final String DINGTALK_BASE_URL = "https://oapi.dingtalk.com";

    public NotifyChannelOptions {
        if (baseUrl == null && type == ChannelType.WECOM) {
            baseUrl = WECOM_BASE_URL;
        } else if (baseUrl == null && type == ChannelType.DINGTALK) {
            baseUrl = DINGTALK_BASE_URL;
        }
        ratePerMinute = ratePerMinute == null ? (type == ChannelType.MQTT ? 6000 : 20) : ratePerMinute;
        grids = grids == null ? List.of() : List.copyOf(grids);
        minSeverity = minSeverity == null ? "WARNING" : minSeverity;
        maxAttempts = maxAttempts == null ? 4 : maxAttempts;
        timeoutMs = timeoutMs == null ? 10_000 : timeoutMs;
        fallbackOnly = fallbackOnly != null && fallbackOnly;
    }

    /** A channel of {@code type} with every optional setting at its default; add the secrets with {@code with...}. */
    public static NotifyChannelOptions of(String id, ChannelType type) {
        return new NotifyChannelOptions(id, type, null, null, null, null, null, null, null, null, null, null, null, null,
                null);
    }

    /** A WeCom robot whose key is in the environment variable {@code keyVariable}. */
    public static NotifyChannelOptions wecom(String id, String keyVariable) {
        return of(id, ChannelType.WECOM).withSecrets(keyVariable, null, null, null);
    }

    /** A DingTalk robot: access token and (optional) signing secret in these environment variables. */
    public static NotifyChannelOptions dingtalk(String id, String tokenVariable, String secretVariable) {
        return of(id, ChannelType.DINGTALK).withSecrets(null, tokenVariable, secretVariable, null);
    }

    /** A webhook: its URL and (optional) HMAC secret in these environment variables. */
    public static NotifyChannelOptions webhook(String id, String urlVariable, String secretVariable) {
        return of(id, ChannelType.WEBHOOK).withSecrets(null, null, secretVariable, urlVariable);
    }

    /** The environment variables of the robot key, the access token, the signing secret and the webhook URL. */
    public NotifyChannelOptions withSecrets(String key, String token, String secret, String url) {
        return new NotifyChannelOptions(id, type, baseUrl, key, token, secret, url, topic, ratePerMinute, grids,
                minSeverity, fallback, maxAttempts, timeoutMs, fallbackOnly);
    }

    public NotifyChannelOptions withBaseUrl(String url) {
        return new NotifyChannelOptions(id, type, url, keyEnv, tokenEnv, secretEnv, urlEnv, topic, ratePerMinute, grids,
                minSeverity, fallback, maxAttempts, timeoutMs, fallbackOnly);
    }

    public NotifyChannelOptions withRatePerMinute(int rate) {
        return new NotifyChannelOptions(id, type, baseUrl, keyEnv, tokenEnv, secretEnv, urlEnv, topic, rate, grids,
                minSeverity, fallback, maxAttempts, timeoutMs, fallbackOnly);
    }

    public NotifyChannelOptions withFallback(String channelId) {
        return new NotifyChannelOptions(id, type, baseUrl, keyEnv, tokenEnv, secretEnv, urlEnv, topic, ratePerMinute,
                grids, minSeverity, channelId, maxAttempts, timeoutMs, fallbackOnly);
    }

    /** Attempts per message and the timeout of one attempt. */
    public NotifyChannelOptions withAttempts(int attempts, int timeout) {
        return new NotifyChannelOptions(id, type, baseUrl, keyEnv, tokenEnv, secretEnv, urlEnv, topic, ratePerMinute,
                grids, minSeverity, fallback, attempts, timeout, fallbackOnly);
    }

    public NotifyChannelOptions withFallbackOnly(boolean only) {
        return new NotifyChannelOptions(id, type, baseUrl, keyEnv, tokenEnv, secretEnv, urlEnv, topic, ratePerMinute,
                grids, minSeverity, fallback, maxAttempts, timeoutMs, only);
    }

    /** The names of the environment variables holding this channel's secrets (key, token, signing secret, URL). */
    public List<String> secretEnvNames() {
        return Stream.of(keyEnv, tokenEnv, secretEnv, urlEnv).filter(Objects::nonNull).toList();
    }
}
