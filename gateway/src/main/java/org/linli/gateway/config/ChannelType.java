package org.linli.gateway.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What an alert delivery channel is ({@code notify.channels[].type}), docs/NOTIFY.md. */
public enum ChannelType implements ConfigEnums.Written {
    /** A WeCom (企业微信) group robot. */
    WECOM("wecom"),
    /** A DingTalk (钉钉) group robot. */
    DINGTALK("dingtalk"),
    /** An HTTP POST of the alert JSON, optionally HMAC-signed. */
    WEBHOOK("webhook"),
    /** The alert JSON on an MQTT topic of the gateway's broker (a machine feed: no digests). */
    MQTT("mqtt");

    private final String id;

    ChannelType(String id) {
        this.id = id;
    }

    @JsonValue
    @Override
    public String id() {
        return id;
    }

    /** The channel type written {@code id}; an unknown one is refused naming the allowed ids. */
    @JsonCreator
    public static ChannelType fromId(String id) {
        return ConfigEnums.byId(ChannelType.class, id, "channel type");
    }
}
