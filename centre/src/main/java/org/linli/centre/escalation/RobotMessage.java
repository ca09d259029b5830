package org.linli.centre.escalation;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.linli.centre.site.CompoundRef;

import java.nio.charset.StandardCharsets;

/**
 * The street duty office's message for an alert escalated past the community, in the bodies the gateway's notify
 * package sends (docs/NOTIFY.md): WeCom {@code {"msgtype":"markdown","markdown":{"content":...}}} (≤ 4096 bytes),
 * DingTalk {@code {"msgtype":"markdown","markdown":{"title","text"},"at":{"atMobiles":[],"isAtAll":false}}}, a plain
 * webhook {@code {"event":"alert.escalated","level":n,"alert":{centre alert}}}. The markdown puts the compound and the
 * place first, then what happened, who had it and whom it went to. Stateless.
 */
public final class RobotMessage {
    static final int MARKDOWN_LIMIT = 4096;

    private RobotMessage() {
    }

    public static JsonObject body(String type, CompoundRef c, JsonObject alert) {
        int level = alert.getInteger("escalationLevel", 0);
        return switch (type) {
            case "wecom" -> new JsonObject().put("msgtype", "markdown")
                    .put("markdown", new JsonObject().put("content", truncate(markdown(c, alert), MARKDOWN_LIMIT)));
            case "dingtalk" -> new JsonObject().put("msgtype", "markdown")
                    .put("markdown", new JsonObject().put("title", title(c, alert))
                            .put("text", truncate(markdown(c, alert), MARKDOWN_LIMIT)))
                    .put("at", new JsonObject().put("atMobiles", new JsonArray()).put("isAtAll", false));
            default -> new JsonObject().put("event", "alert.escalated").put("level", level).put("alert", alert);
        };
    }

    static String title(CompoundRef c, JsonObject a) {
        return "【已升级至街道】" + a.getString("title", a.getString("type", "告警")) + " " + c.name();
    }

    static String markdown(CompoundRef c, JsonObject a) {
        JsonObject loc = a.getValue("location") instanceof JsonObject l ? l : new JsonObject();
        StringBuilder md = new StringBuilder("### ").append(title(c, a)).append('\n');
        field(md, "小区", c.name() + "（" + c.communityName() + "，" + c.streetName() + "）");
        field(md, "地点", text(loc.getValue("description"), text(loc.getValue("text"), "无具体楼栋")));
        field(md, "情况", a.getString("title", "") + "，级别：" + a.getValue("severity") + "，状态：" + a.getValue("state"));
        if (a.getValue("detail") instanceof String d && !d.isBlank()) {
            field(md, "详情", d);
        }
        field(md, "网格员", person(a.getValue("gridWorker"), "未分配"));
        field(md, "升级", "第 " + a.getValue("escalationLevel") + " 级，已转 " + person(a.getValue("escalatedTo"), "值班室")
                + "，仍无人接单");
        if (a.getValue("gridName") instanceof String g) {
            field(md, "网格", g);
        }
        field(md, "下一步", text(a.getValue("nextStep"), "请街道值班室督办"));
        field(md, "时间", text(a.getValue("raisedAt"), ""));
        md.append("告警编号：").append(c.id()).append('/').append(a.getString("id"));
        return md.toString();
    }

    private static void field(StringBuilder md, String name, String value) {
        md.append("**").append(name).append("**：").append(value).append("  \n");
    }

    private static String person(Object p, String none) {
        if (p instanceof JsonObject o) {
            return text(o.getValue("name"), "") + (o.getValue("phone") instanceof String ph ? " " + ph : "");
        }
        return none;
    }

    private static String text(Object v, String none) {
        return v instanceof String s && !s.isBlank() ? s : none;
    }

    /** Cut to at most {@code maxBytes} UTF-8 bytes on a character boundary. */
    static String truncate(String s, int maxBytes) {
        if (s.getBytes(StandardCharsets.UTF_8).length <= maxBytes) {
            return s;
        }
        int bytes = 0;
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            int n = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + n > maxBytes - 3) {
                break;
            }
            bytes += n;
            i += Character.charCount(cp);
        }
        return s.substring(0, i) + "…";
    }
}
