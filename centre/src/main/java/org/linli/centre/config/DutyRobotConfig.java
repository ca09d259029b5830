package org.linli.centre.config;

/**
 * The street duty office's chat robot: {@code type} wecom | dingtalk | webhook and the full URL to POST to (for WeCom
 * {@code .../cgi-bin/webhook/send?key=K}, for DingTalk {@code .../robot/send?access_token=T}).
 */
public record DutyRobotConfig(String type, String url) {
}
